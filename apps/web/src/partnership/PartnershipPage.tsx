import { useCallback, useMemo } from 'react';
import {
  ApiError,
  type Directory,
  fetchPartnership,
  type PartnershipDetail,
  useResource,
} from '../api/index.ts';
import {
  Link,
  LoadError,
  Loading,
  NotFoundPage,
  PageHeading,
  PageLayout,
  paths,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { CreateDocumentForm } from './CreateDocumentForm.tsx';
import { DocumentList } from './DocumentList.tsx';
import { OrganisationList } from './OrganisationList.tsx';

export function PartnershipPage({ id }: { id: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchPartnership(id, signal), [id]);
  const [detail, reload] = useResource(`partnership:${id}`, load);
  useDocumentTitle(detail.state === 'ready' ? detail.data.partnership.name : null);

  if (detail.state === 'error' && detail.error instanceof ApiError && detail.error.isNotFound) {
    return <NotFoundPage message={t('errors.notFound')} />;
  }
  if (detail.state !== 'ready') {
    return (
      <PageLayout>
        {detail.state === 'loading' ? (
          <Loading />
        ) : (
          <LoadError error={detail.error} onRetry={reload} />
        )}
      </PageLayout>
    );
  }
  return <PartnershipView detail={detail.data} />;
}

function PartnershipView({ detail }: { detail: PartnershipDetail }) {
  const t = useT();
  const { partnership } = detail;
  const directory = useMemo<Directory>(
    () => ({ organisations: detail.organisations, people: detail.people }),
    [detail],
  );

  return (
    <PageLayout identity={{ partnershipId: partnership.id, directory }}>
      <p className="breadcrumb">
        <Link to={paths.home()} className="back-link">
          <span aria-hidden="true">←</span> {t('errors.backHome')}
        </Link>
      </p>
      <div className="hero">
        <PageHeading>{partnership.name}</PageHeading>
        {partnership.purpose !== '' && <p className="hero__tagline">{partnership.purpose}</p>}
      </div>
      <div className="two-columns">
        <section className="panel" aria-labelledby="documents-title">
          <h2 id="documents-title" className="panel__title">
            {t('documents.title')}
          </h2>
          <DocumentList documents={detail.documents} />
        </section>
        <div className="stack">
          <CreateDocumentForm partnershipId={partnership.id} />
          <OrganisationList directory={directory} />
        </div>
      </div>
    </PageLayout>
  );
}
