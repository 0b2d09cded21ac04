import { useCallback, useMemo } from 'react';
import {
  ApiError,
  type Directory,
  type DocumentDetail,
  fetchDocument,
  useResource,
} from '../api/index.ts';
import { LoadError, Loading, NotFoundPage, PageLayout, useDocumentTitle } from '../app/index.ts';
import { EDITOR_ID } from '../editor/index.ts';
import { useT } from '../i18n/index.ts';
import { IdentityGate, useIdentity } from '../identity/index.ts';
import { DocumentWorkspace } from './DocumentWorkspace.tsx';

export function DocumentPage({ id }: { id: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchDocument(id, signal), [id]);
  const [detail, reload] = useResource(`document:${id}`, load);
  useDocumentTitle(detail.state === 'ready' ? detail.data.document.title : null);

  if (detail.state === 'error' && detail.error instanceof ApiError && detail.error.isNotFound) {
    return <NotFoundPage message={t('connection.documentNotFound')} />;
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
  return <DocumentView detail={detail.data} />;
}

function DocumentView({ detail }: { detail: DocumentDetail }) {
  const { partnership } = detail;
  const directory = useMemo<Directory>(
    () => ({ organisations: detail.organisations, people: detail.people }),
    [detail],
  );
  const [identity, choose] = useIdentity(partnership.id, directory);

  if (identity === null) {
    return (
      <PageLayout identity={{ partnershipId: partnership.id, directory }}>
        <IdentityGate directory={directory} onChoose={(person) => choose(person.id)} />
      </PageLayout>
    );
  }
  return (
    <PageLayout
      identity={{ partnershipId: partnership.id, directory }}
      skipTarget={{ id: EDITOR_ID, label: 'editor' }}
      wide
    >
      <DocumentWorkspace
        key={detail.document.id}
        detail={detail}
        directory={directory}
        identity={identity}
      />
    </PageLayout>
  );
}
