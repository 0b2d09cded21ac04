import { useEffect, useRef } from 'react';
import type { Directory, Person } from '../api/index.ts';
import { requestNavigationFocus } from '../app/focus.ts';
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
  const headingRef = useRef<HTMLHeadingElement>(null);

  // This question is the whole page for now: start reading (and tabbing) from it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel identity-gate" aria-labelledby="identity-gate-title">
      <h1 ref={headingRef} id="identity-gate-title" tabIndex={-1} className="page-title">
        {t('identity.title')}
      </h1>
      <p>{t('identity.intro')}</p>
      <p className="muted small">{t('identity.demoNote')}</p>
      <IdentityPicker
        directory={directory}
        currentPersonId={null}
        onChoose={(person) => {
          // The chosen button disappears with this page: the document's title takes focus next.
          requestNavigationFocus();
          onChoose(person);
        }}
        headingLevel={2}
      />
    </section>
  );
}
