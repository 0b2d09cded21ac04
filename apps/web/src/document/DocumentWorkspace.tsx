import type { AccordConnection } from '@accord/sync/client';
import { useEffect, useState } from 'react';
import type { Directory, DocumentDetail } from '../api/index.ts';
import { CollaborativeEditor } from '../editor/index.ts';
import type { Identity } from '../identity/index.ts';
import { PresencePanel, usePresence } from '../presence/index.ts';
import { CloseBanner, ReadOnlyNotice, RefusedNotice } from './CloseBanner.tsx';
import {
  syncServerUrl,
  useConnectionStatus,
  useHasSynced,
  useUnsavedChangesGuard,
} from './connection.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

interface DocumentWorkspaceProps {
  detail: DocumentDetail;
  directory: Directory;
  identity: Identity;
}

/** One open document: header, notices, the editor and who is here. Keyed by document id. */
export function DocumentWorkspace({ detail, directory, identity }: DocumentWorkspaceProps) {
  const { document, partnership } = detail;
  const [connection, setConnection] = useState<AccordConnection | null>(null);
  const status = useConnectionStatus(connection);
  const synced = useHasSynced(connection);
  const participants = usePresence(connection);
  useUnsavedChangesGuard(connection);

  // The editor's plugin disconnects the provider on unmount; the connection's own listeners and
  // socket wrapper go with destroy().
  useEffect(() => {
    if (connection === null) return;
    return () => connection.destroy();
  }, [connection]);

  const closed = status?.connection === 'closed';
  const readOnly = status?.readOnly === true;
  const editable = synced && !closed && !readOnly;

  return (
    <div className="document-page">
      <DocumentHeader document={document} partnership={partnership} />
      <div className="document-layout">
        <div className="document-layout__editor">
          <CollaborativeEditor
            documentId={document.id}
            title={document.title}
            identity={identity}
            serverUrl={syncServerUrl()}
            editable={editable}
            synced={synced}
            onConnection={setConnection}
            barEnd={<SaveIndicator status={status} />}
            notices={
              <>
                {closed && status !== null && <CloseBanner status={status} />}
                {readOnly && !closed && <ReadOnlyNotice />}
                {status?.refused != null && !closed && <RefusedNotice refused={status.refused} />}
              </>
            }
          />
        </div>
        <aside className="document-layout__aside">
          <PresencePanel participants={participants} directory={directory} />
        </aside>
      </div>
    </div>
  );
}
