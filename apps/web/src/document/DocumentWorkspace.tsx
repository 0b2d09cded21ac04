import type { AccordConnection } from '@accord/sync/client';
import { CloseCode } from '@accord/sync/protocol';
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActionsContext, type ActionsContextValue } from '../actions/index.ts';
import type { DocumentDetail, Me, Member, ParticipantOrganisation } from '../api/index.ts';
import { CommentButton, CommentsPanel, CommentsPlugin, useComments } from '../comments/index.ts';
import { CollaborativeEditor, type PresenceSelf } from '../editor/index.ts';
import { useT } from '../i18n/index.ts';
import { personLabel, type Role, roles } from '../people/index.ts';
import { PresencePanel, usePresence } from '../presence/index.ts';
import { ReviewStrip } from '../review/index.ts';
import { useSession } from '../session/store.ts';
import { AgreementPanel } from '../signoff/index.ts';
import { useToast } from '../ui/index.ts';
import { CloseBanner, LockNotice, ReadOnlyNotice } from './CloseBanner.tsx';
import {
  syncServerUrl,
  useConnectionStatus,
  useHasSynced,
  useUnsavedChangesGuard,
} from './connection.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { ReauthDialog } from './ReauthDialog.tsx';
import { RefusedNotice } from './RefusedNotice.tsx';
import { useRefusedEdits } from './refusal.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

interface DocumentWorkspaceProps {
  detail: DocumentDetail;
  organisations: readonly ParticipantOrganisation[];
  /** The partnership's people: action pickers, comment authors and whom a comment may mention. */
  members: readonly Member[];
  refreshDetail: () => void;
}

/**
 * The last person signed in on this page. It outlives a sign-out: the page stays (with the
 * text typed so far) and asks to sign in again.
 */
function useLastMe(): { me: Me | null; signedIn: boolean } {
  const session = useSession();
  const last = useRef<Me | null>(null);
  if (session.status === 'signed-in') last.current = session.me;
  return { me: last.current, signedIn: session.status === 'signed-in' };
}

/** One open document: header, notices, the editor and who is here. Keyed by document id. */
export function DocumentWorkspace({
  detail,
  organisations,
  members,
  refreshDetail,
}: DocumentWorkspaceProps) {
  const t = useT();
  const { document, partnership, membership } = detail;
  const { me, signedIn } = useLastMe();
  const [connection, setConnection] = useState<AccordConnection | null>(null);
  const status = useConnectionStatus(connection);
  const synced = useHasSynced(connection);
  const participants = usePresence(connection);
  const [toastNode, toast] = useToast();
  const [reauthOpen, setReauthOpen] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const myOrganisationId = me?.person.organisationId ?? null;
  const actionsContext = useMemo<ActionsContextValue>(
    () => ({ organisations, members, myOrganisationId }),
    [organisations, members, myOrganisationId],
  );

  // The editor's plugin disconnects the provider on unmount; the connection's own listeners and
  // socket wrapper go with destroy().
  useEffect(() => {
    if (connection === null) return;
    return () => connection.destroy();
  }, [connection]);

  // 4500: the role changed. Reconnect now rather than after the provider's back-off; the new
  // socket's session frame says whether this person may still edit.
  const awaitingRole = useRef(false);
  useEffect(() => {
    if (connection === null) return;
    const { provider } = connection;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== CloseCode.reconnect) return;
      awaitingRole.current = true;
      toast(t('connection.roleChanged'));
      refreshDetail();
      queueMicrotask(() => {
        if (provider.shouldConnect && provider.ws === null) provider.connect();
      });
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [connection, toast, t, refreshDetail]);

  useEffect(() => {
    if (!awaitingRole.current || status?.connection !== 'connected') return;
    awaitingRole.current = false;
    toast(status.readOnly ? t('connection.nowReadOnly') : t('connection.nowEditable'));
  }, [status, toast, t]);

  const closed = status?.connection === 'closed';
  const closeCode = closed ? (status?.closeCode ?? null) : null;

  // A refused edit: keep what the person had, remount the editor on a fresh doc synced from the
  // server (the refused one is spent), then show the text that was not applied.
  const dropConnection = useCallback(() => setConnection(null), []);
  const { refusal, editorKey, dismiss } = useRefusedEdits({
    connection,
    synced,
    closed,
    editorRef,
    onResync: dropConnection,
  });
  useUnsavedChangesGuard(connection, (refusal?.unapplied?.length ?? 0) > 0);

  // 4401, or the session ended elsewhere (sign-out in another tab): sign in again, in place.
  const needsSignIn = closeCode === CloseCode.unauthenticated || !signedIn;
  useEffect(() => {
    if (needsSignIn) setReauthOpen(true);
  }, [needsSignIn]);

  // Read-only follows the session frame of the current socket; the role too, once it has come.
  const readOnly = status?.readOnly === true;
  const role = asRole(status?.role) ?? membership.role;
  const editable = synced && !closed && !readOnly && status?.refused == null;

  const self = useSelf(me);

  const comments = useComments({
    documentId: document.id,
    connection,
    connected: status?.connection === 'connected',
    me: me === null ? null : { personId: me.person.id, organisationId: me.person.organisationId },
    role,
    archived: document.archived,
    members,
    organisations,
    announce: toast,
  });

  function afterSignIn() {
    setReauthOpen(false);
    const provider = connection?.provider;
    // The Y.Doc kept every edit: the new socket's sync step 2 sends what the server lacks.
    if (provider && provider.ws === null) provider.connect();
    toast(t('reauth.reconnected'));
  }

  return (
    <div className="document-page">
      <DocumentHeader document={document} partnership={partnership} />
      {document.kind === 'agreement' && (
        <AgreementPanel documentId={document.id} connection={connection} />
      )}
      <ReviewStrip
        documentId={document.id}
        role={role}
        organisationId={me?.person.organisationId ?? null}
        archived={document.archived}
        connection={connection}
      />
      <div className="document-layout">
        <div className="document-layout__editor">
          {refusal !== null && <RefusedNotice refusal={refusal} onDismiss={dismiss} />}
          <ActionsContext.Provider value={actionsContext}>
            <CollaborativeEditor
              key={editorKey}
              editorRef={editorRef}
              documentId={document.id}
              title={document.title}
              self={self}
              serverUrl={syncServerUrl()}
              editable={editable}
              synced={synced}
              onConnection={setConnection}
              barEnd={<SaveIndicator status={status} />}
              barTools={<CommentButton comments={comments} />}
              plugins={
                <CommentsPlugin
                  doc={connection?.doc ?? null}
                  threads={comments.threads}
                  activeId={comments.activeId}
                  apiRef={comments.apiRef}
                  onStatuses={comments.onStatuses}
                  onActivate={(threadId) => {
                    comments.setReplyFocus(false);
                    comments.setExpanded(true);
                    comments.setActiveId(threadId);
                    globalThis.document
                      .getElementById(`thread-${threadId}`)
                      ?.scrollIntoView({ block: 'nearest' });
                  }}
                />
              }
              notices={
                <>
                  {(closed || needsSignIn) && (
                    <CloseBanner
                      closeCode={needsSignIn ? CloseCode.unauthenticated : closeCode}
                      unsaved={status?.unsaved === true}
                      onSignIn={() => setReauthOpen(true)}
                    />
                  )}
                  {readOnly && !closed && status?.lock ? (
                    <LockNotice lock={status.lock} />
                  ) : (
                    readOnly && !closed && <ReadOnlyNotice role={role} />
                  )}
                </>
              }
            />
          </ActionsContext.Provider>
        </div>
        <aside className="document-layout__aside">
          <PresencePanel participants={participants} organisations={organisations} />
          <CommentsPanel comments={comments} />
        </aside>
      </div>
      <ReauthDialog
        open={reauthOpen && needsSignIn}
        email={me?.person.email ?? null}
        unsaved={status?.unsaved === true}
        onSignedIn={afterSignIn}
        onCancel={() => setReauthOpen(false)}
      />
      {toastNode}
    </div>
  );
}

function asRole(value: string | null | undefined): Role | null {
  return roles.find((role) => role === value) ?? null;
}

/** This person's presence, from the session; memoised so the plugin does not re-announce. */
function useSelf(me: Me | null): PresenceSelf {
  const t = useT();
  const personId = me?.person.id ?? '';
  const name = me?.person.name ?? null;
  const colour = me?.person.colour ?? '#6b7280';
  const organisationId = me?.person.organisationId ?? '';
  const organisationName = me?.organisation?.name ?? null;
  const caretLabel = personLabel(t, { name }, organisationName);
  const awarenessData = useMemo(
    () => ({ personId, personName: name, organisationId, organisationName }),
    [personId, name, organisationId, organisationName],
  );
  return useMemo(
    () => ({ caretLabel, colour, awarenessData }),
    [caretLabel, colour, awarenessData],
  );
}
