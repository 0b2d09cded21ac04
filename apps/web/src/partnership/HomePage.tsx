import { fetchPartnerships, type MyPartnership, useResource } from '../api/index.ts';
import {
  Link,
  LoadError,
  Loading,
  PageHeading,
  PageLayout,
  paths,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { useFlash } from '../session/flash.ts';
import { RoleBadge, SignatoryBadge } from './badges.tsx';
import { CreatePartnershipForm } from './CreatePartnershipForm.tsx';

export function HomePage() {
  const t = useT();
  const [partnerships, reload] = useResource('partnerships', fetchPartnerships);
  const message = useFlash();
  useDocumentTitle(null);

  return (
    <PageLayout>
      <div className="hero">
        <PageHeading>{t('home.title')}</PageHeading>
        <p className="hero__tagline">{t('home.intro')}</p>
      </div>
      {message !== null && (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      )}
      <div className="two-columns">
        <section aria-labelledby="my-partnerships" className="stack">
          <h2 id="my-partnerships" className="visually-hidden">
            {t('home.listTitle')}
          </h2>
          {partnerships.state === 'loading' && <Loading />}
          {partnerships.state === 'error' && (
            <LoadError error={partnerships.error} onRetry={reload} />
          )}
          {partnerships.state === 'ready' && <PartnershipList partnerships={partnerships.data} />}
        </section>
        <CreatePartnershipForm />
      </div>
    </PageLayout>
  );
}

function PartnershipList({ partnerships }: { partnerships: MyPartnership[] }) {
  const t = useT();
  if (partnerships.length === 0) {
    return (
      <div className="panel empty-state">
        <p>{t('home.empty')}</p>
        <p className="muted small">{t('home.emptyHint')}</p>
      </div>
    );
  }
  return (
    <ul className="partnership-list">
      {partnerships.map((partnership) => (
        <li key={partnership.id} className="partnership-card">
          <h3 className="partnership-card__name">
            <Link
              to={paths.partnership(partnership.id)}
              className="partnership-card__link"
              data-testid="partnership-link"
              data-partnership-id={partnership.id}
            >
              {partnership.name}
            </Link>
          </h3>
          {partnership.purpose !== '' && (
            <p className="partnership-card__purpose">{partnership.purpose}</p>
          )}
          <p className="partnership-card__meta">
            <RoleBadge role={partnership.role} />
            {partnership.signatory && <SignatoryBadge />}
          </p>
        </li>
      ))}
    </ul>
  );
}
