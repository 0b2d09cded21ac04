import { fetchPartnerships, type Partnership, useResource } from '../api/index.ts';
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

export function HomePage() {
  const t = useT();
  const [partnerships, reload] = useResource('partnerships', fetchPartnerships);
  useDocumentTitle(null);

  return (
    <PageLayout>
      <div className="hero">
        <PageHeading>{t('home.title')}</PageHeading>
        <p className="hero__tagline">{t('home.intro')}</p>
      </div>
      {partnerships.state === 'loading' && <Loading />}
      {partnerships.state === 'error' && <LoadError error={partnerships.error} onRetry={reload} />}
      {partnerships.state === 'ready' && <PartnershipList partnerships={partnerships.data} />}
    </PageLayout>
  );
}

function PartnershipList({ partnerships }: { partnerships: Partnership[] }) {
  const t = useT();
  if (partnerships.length === 0) return <p className="muted">{t('home.empty')}</p>;
  const [only] = partnerships;
  if (partnerships.length === 1 && only !== undefined) {
    return (
      <article className="panel partnership-feature" aria-labelledby={`partnership-${only.id}`}>
        <p className="eyebrow">{t('home.featured')}</p>
        <h2 id={`partnership-${only.id}`} className="partnership-feature__name">
          {only.name}
        </h2>
        {only.purpose !== '' && <p className="partnership-feature__purpose">{only.purpose}</p>}
        <Link
          to={paths.partnership(only.id)}
          className="button button--primary button--large"
          data-testid="partnership-link"
        >
          {t('home.open')}
        </Link>
      </article>
    );
  }
  return (
    <ul className="card-list">
      {partnerships.map((partnership) => (
        <li key={partnership.id} className="card">
          <h2 className="card__title">
            <Link to={paths.partnership(partnership.id)} data-testid="partnership-link">
              {partnership.name}
            </Link>
          </h2>
          {partnership.purpose !== '' && <p className="muted">{partnership.purpose}</p>}
        </li>
      ))}
    </ul>
  );
}
