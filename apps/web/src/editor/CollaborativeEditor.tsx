import { accordNodes, accordTheme } from '@accord/editor';
import type { AccordConnection } from '@accord/sync/client';
import { connectDocument } from '@accord/sync/client';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import { type ReactNode, type RefObject, useCallback, useMemo, useRef } from 'react';
import * as Y from 'yjs';
import { ActionsPlugin } from '../actions/index.ts';
import { useT } from '../i18n/index.ts';
import { EditablePlugin } from './EditablePlugin.tsx';
import { LinkOpenerPlugin } from './LinkOpenerPlugin.tsx';
import { ListTabPlugin } from './ListTabPlugin.tsx';
import { asLexicalProvider } from './provider.ts';
import { Toolbar } from './Toolbar.tsx';
import { isValidLinkUrl } from './url.ts';

export const EDITOR_ID = 'editor';

/**
 * How this person appears to the others. The server stamps the same from the session on what
 * it relays (so nobody can pose as someone else); these values make the local state agree.
 */
export interface PresenceSelf {
  /** "Name (Organisation)", on the caret. */
  caretLabel: string;
  colour: string;
  /** Stable identity (memoised): a new object makes the plugin re-announce. */
  awarenessData: object;
}

interface CollaborativeEditorProps {
  documentId: string;
  title: string;
  self: PresenceSelf;
  /** `ws(s)://host/sync`; the document id is appended by the provider. */
  serverUrl: string;
  editable: boolean;
  /** Until the first sync, an empty editor means "loading", not "empty document". */
  synced: boolean;
  /** Hands the connection up, for the save indicator, presence and the unload guard. */
  onConnection: (connection: AccordConnection) => void;
  /** Shown at the end of the sticky bar above the text (the save status). */
  barEnd?: ReactNode;
  /** Shown in the sticky bar after the formatting tools, also when the text is read-only. */
  barTools?: ReactNode;
  /** More plugins, rendered inside the composer (they may use its editor). */
  plugins?: ReactNode;
  /** Shown in the sticky bar, under the toolbar: what the person must not miss while scrolled. */
  notices?: ReactNode;
  /** Receives the Lexical editor, e.g. to read what the person had typed. */
  editorRef?: RefObject<LexicalEditor | null>;
}

function onError(error: Error): void {
  console.error('[accord editor]', error);
}

/**
 * The document body: a Lexical editor bound to the document's Y.Doc. The Yjs document is the
 * source of truth (editorState null, no bootstrap: the server created the content); undo/redo
 * come from the collaboration plugin's Yjs UndoManager, so no HistoryPlugin.
 *
 * Mount one per document id (`key`): a binding cannot be re-pointed at another document. For
 * the same reason, after a refused edit the page remounts it (a new `key`) on a fresh Y.Doc.
 */
export function CollaborativeEditor({
  documentId,
  title,
  self,
  serverUrl,
  editable,
  synced,
  onConnection,
  barEnd,
  barTools,
  plugins,
  notices,
  editorRef,
}: CollaborativeEditorProps) {
  const t = useT();
  const cursorsContainerRef = useRef<HTMLDivElement>(null);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'accord-document',
      editorState: null,
      nodes: accordNodes,
      theme: accordTheme,
      onError,
      editable: false, // EditablePlugin turns it on once the connection allows it
    }),
    [],
  );

  // Stable identity: the plugin creates a new provider whenever this function changes.
  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      const doc = new Y.Doc();
      yjsDocMap.set(id, doc);
      const connection = connectDocument({ serverUrl, documentId: id, doc, connect: false });
      onConnection(connection);
      return asLexicalProvider(connection.provider);
    },
    [serverUrl, onConnection],
  );

  const placeholderText = synced ? t('editor.placeholder') : t('app.loading');

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <LexicalCollaboration>
        <div className="editor-shell">
          <div className="editor-bar">
            <div className="editor-bar__row">
              {editable && <Toolbar editorId={EDITOR_ID} />}
              {barTools}
              <span className="editor-bar__spacer" />
              {barEnd}
            </div>
            {notices}
          </div>
          <div className="editor-surface" ref={cursorsContainerRef}>
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  id={EDITOR_ID}
                  className="editor-content"
                  data-testid="editor"
                  ariaLabel={t('editor.label', { title })}
                  ariaMultiline
                  spellCheck
                  aria-placeholder={placeholderText}
                  placeholder={<div className="editor-placeholder">{placeholderText}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
        <CollaborationPlugin
          id={documentId}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={self.caretLabel}
          cursorColor={self.colour}
          awarenessData={self.awarenessData}
          cursorsContainerRef={cursorsContainerRef}
        />
        <EditablePlugin editable={editable} />
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
        <ListPlugin />
        <ListTabPlugin />
        <LinkPlugin validateUrl={isValidLinkUrl} />
        <LinkOpenerPlugin />
        <ActionsPlugin />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
        {plugins}
      </LexicalCollaboration>
    </LexicalComposer>
  );
}
