import { useCallback } from 'react';
import { fetchDocument, fetchPartnership, useResource } from '../api/index.ts';
import {
  Link,
  PageHeading,
  PageLayout,
  paths,
  ResourcePage,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { fetchPlanActions, planActionsUrl } from './api.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { useActionsPolling } from './useActionsPolling.ts';

/** `/d/:id/actions`: the plan's actions as a table, kept current by polling. */
export function PlanActionsPage({ documentId }: { documentId: string }) {
  const t = useT();
  const loadDocument = useCallback(
    (signal: AbortSignal) => fetchDocument(documentId, signal),
    [documentId],
  );
  const [detail, reloadDetail] = useResource(`document:${documentId}`, loadDocument);
  const partnershipId = detail.state === 'ready' ? detail.data.partnership.id : null;
  const loadPartnership = useCallback(
    (signal: AbortSignal) =>
      partnershipId ? fetchPartnership(partnershipId, signal) : new Promise<never>(() => {}),
    [partnershipId],
  );
  const [partnership] = useResource(`partnership:${partnershipId}`, loadPartnership);
  const loadActions = useCallback(
    (signal: AbortSignal) => fetchPlanActions(documentId, signal),
    [documentId],
  );
  const [actions, reloadActions] = useResource(`plan-actions:${documentId}`, loadActions);
  useActionsPolling(reloadActions);
  useDocumentTitle(
    detail.state === 'ready' ? `${t('actions.tableTitle')} — ${detail.data.document.title}` : null,
  );

  return (
    <ResourcePage
      resource={detail}
      reload={reloadDetail}
      notFound={t('connection.documentNotFound')}
    >
      {(data) => (
        <PageLayout wide>
          <p className="breadcrumb">
            <Link to={paths.document(documentId)} className="back-link">
              <span aria-hidden="true">←</span> {data.document.title}
            </Link>
          </p>
          <PageHeading>{t('actions.tableTitle')}</PageHeading>
          <p className="muted">{t('actions.updatedLive')}</p>
          <ExportLinks url={(ext) => planActionsUrl(documentId, ext)} />
          <ResourcePage
            resource={actions}
            reload={reloadActions}
            notFound={t('connection.documentNotFound')}
          >
            {(list) => (
              <ActionsTable
                actions={list}
                organisations={partnership.state === 'ready' ? partnership.data.organisations : []}
                members={partnership.state === 'ready' ? partnership.data.members : []}
                showPlan={false}
                caption={t('actions.tableTitle')}
              />
            )}
          </ResourcePage>
        </PageLayout>
      )}
    </ResourcePage>
  );
}
