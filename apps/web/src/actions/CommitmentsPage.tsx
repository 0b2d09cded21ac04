import { useCallback } from 'react';
import { fetchPartnership, type PartnershipDetail, useResource } from '../api/index.ts';
import {
  Link,
  PageHeading,
  PageLayout,
  paths,
  ResourcePage,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { useMe } from '../session/store.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { commitmentsUrl, fetchCommitments } from './api.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { useActionsPolling } from './useActionsPolling.ts';

/** `/p/:id/commitments`: actions my organisation leads or takes part in, across every plan. */
export function CommitmentsPage({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => fetchPartnership(partnershipId, signal),
    [partnershipId],
  );
  const [detail, reload] = useResource(`partnership:${partnershipId}`, load);
  useDocumentTitle(
    detail.state === 'ready' ? `${t('actions.oursTitle')} — ${detail.data.partnership.name}` : null,
  );
  return (
    <ResourcePage resource={detail} reload={reload} notFound={t('partnership.notFound')}>
      {(data) => <CommitmentsView detail={data} />}
    </ResourcePage>
  );
}

function CommitmentsView({ detail }: { detail: PartnershipDetail }) {
  const t = useT();
  const me = useMe();
  const partnershipId = detail.partnership.id;
  const load = useCallback(
    (signal: AbortSignal) => fetchCommitments(partnershipId, signal),
    [partnershipId],
  );
  const [actions, reload] = useResource(`commitments:${partnershipId}`, load);
  useActionsPolling(reload);
  const organisation = detail.organisations.find((o) => o.id === me?.person.organisationId);

  return (
    <PageLayout wide>
      <p className="breadcrumb">
        <Link to={paths.partnership(partnershipId)} className="back-link">
          <span aria-hidden="true">←</span> {detail.partnership.name}
        </Link>
      </p>
      <PageHeading>{t('actions.oursTitle')}</PageHeading>
      <p className="muted">
        {organisation
          ? t('actions.oursIntro', { organisation: organisation.name })
          : t('actions.oursNoOrganisation')}{' '}
        {t('actions.updatedLive')}
      </p>
      <ExportLinks url={(ext) => commitmentsUrl(partnershipId, ext)} />
      <ResourcePage resource={actions} reload={reload} notFound={t('partnership.notFound')}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('actions.oursEmpty')}</p>
          ) : (
            <ActionsTable
              actions={list}
              organisations={detail.organisations}
              members={detail.members}
              showPlan
              caption={t('actions.oursTitle')}
            />
          )
        }
      </ResourcePage>
    </PageLayout>
  );
}
