import type { Directory, Person } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { IdentityPicker } from './IdentityPicker.tsx';

/** Full-page "Qui êtes-vous ?", shown before a document opens when nobody is chosen yet. */
export function IdentityGate({
  directory,
  onChoose,
}: {
  directory: Directory;
  onChoose: (person: Person) => void;
}) {
  const t = useT();
  return (
    <section className="panel identity-gate" aria-labelledby="identity-gate-title">
      <h1 id="identity-gate-title" tabIndex={-1} className="page-title">
        {t('identity.title')}
      </h1>
      <p>{t('identity.intro')}</p>
      <p className="muted small">{t('identity.demoNote')}</p>
      <IdentityPicker
        directory={directory}
        currentPersonId={null}
        onChoose={onChoose}
        headingLevel={2}
      />
    </section>
  );
}
