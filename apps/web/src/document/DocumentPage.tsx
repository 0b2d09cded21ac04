import { useCallback } from 'react';
import {
  type DocumentDetail,
  fetchDocument,
  fetchPartnership,
  type Member,
  type ParticipantOrganisation,
  useResource,
} from '../api/index.ts';
import { PageLayout, ResourcePage, useDocumentTitle } from '../app/index.ts';
import { EDITOR_ID } from '../editor/index.ts';
import { useT } from '../i18n/index.ts';
import { DocumentWorkspace } from './DocumentWorkspace.tsx';

export function DocumentPage({ id }: { id: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchDocument(id, signal), [id]);
  const [detail, reload] = useResource(`document:${id}`, load);
  useDocumentTitle(detail.state === 'ready' ? detail.data.document.title : null);
  return (
    <ResourcePage resource={detail} reload={reload} notFound={t('connection.documentNotFound')}>
      {(data) => <DocumentView detail={data} refreshDetail={reload} />}
    </ResourcePage>
  );
}

// Stable empty lists while the partnership loads, so memoised consumers do not re-render.
const noOrganisations: ParticipantOrganisation[] = [];
const noMembers: Member[] = [];

function DocumentView({
  detail,
  refreshDetail,
}: {
  detail: DocumentDetail;
  refreshDetail: () => void;
}) {
  const partnershipId = detail.partnership.id;
  // The organisations' order and colours, for the presence panel; the page works without them.
  const loadPartnership = useCallback(
    (signal: AbortSignal) => fetchPartnership(partnershipId, signal),
    [partnershipId],
  );
  const [partnership] = useResource(`partnership:${partnershipId}`, loadPartnership);
  const organisations =
    partnership.state === 'ready' ? partnership.data.organisations : noOrganisations;
  const members = partnership.state === 'ready' ? partnership.data.members : noMembers;

  return (
    <PageLayout skipTarget={{ id: EDITOR_ID, label: 'editor' }} wide>
      <DocumentWorkspace
        key={detail.document.id}
        detail={detail}
        organisations={organisations}
        members={members}
        refreshDetail={refreshDetail}
      />
    </PageLayout>
  );
}
