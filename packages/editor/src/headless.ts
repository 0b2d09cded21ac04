import { createHeadlessEditor } from '@lexical/headless';
import {
  type Binding,
  createYjsBinding,
  type Provider,
  type ProviderAwareness,
  type SyncCursorPositionsFn,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from '@lexical/yjs';
import { type LexicalEditor, SKIP_COLLAB_TAG } from 'lexical';
import { type Doc, type Transaction, UndoManager, type YEvent, type Text as YText } from 'yjs';
import { accordNodes } from './nodes.ts';
import { accordTheme } from './theme.ts';

/**
 * A Lexical editor with Accord's nodes and theme that runs in Node without a DOM. Errors throw
 * instead of being logged: on the server a half-built document must fail loudly, not be stored.
 */
export function createAccordHeadlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'accord',
    nodes: accordNodes,
    theme: accordTheme,
    onError(error) {
      throw error;
    },
  });
}

/**
 * @lexical/yjs talks to a provider only for presence: it reads the local awareness state to publish
 * the caret, and every peer's state to draw their carets. A server-side editor has no caret and no
 * peers, so a local state of `null` makes every cursor code path return early, and the connection
 * methods do nothing because the Y.Doc itself is the only channel.
 */
function createNoopProvider(): Provider {
  const awareness: ProviderAwareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  };
  return { awareness, connect() {}, disconnect() {}, on() {}, off() {} };
}

/** Remote carets are DOM decorations; there is nothing to draw headless. */
const skipCursors: SyncCursorPositionsFn = () => {};

/** A headless editor kept in two-way sync with a Y.Doc, as CollaborationPlugin does in a browser. */
export interface HeadlessYjsEditor {
  editor: LexicalEditor;
  doc: Doc;
  /** Stops syncing in both directions and releases the binding's references to the Y.Doc. */
  dispose(): void;
}

/**
 * Binds a fresh headless editor to `doc` with the same V1 binding as the browser's
 * CollaborationPlugin — `createYjsBinding` with its default root, `doc.get('root', XmlText)` — so
 * a tree built here is exactly the tree a client renders, and the reverse.
 *
 * Bind BEFORE applying stored state to `doc`: the binding learns content only from Yjs events, so
 * an update applied earlier stays invisible to the editor. Changes arriving through `doc` are
 * committed to the editor synchronously; edits made with `editor.update(fn, { discrete: true })`
 * are in `doc` when the call returns.
 */
export function bindHeadlessEditor(doc: Doc): HeadlessYjsEditor {
  const editor = createAccordHeadlessEditor();
  const id = 'accord-headless';
  const binding: Binding = createYjsBinding({ editor, id, doc, docMap: new Map([[id, doc]]) });
  const provider = createNoopProvider();
  const sharedRoot = binding.root.getSharedType();

  const onYjsChanges = (events: YEvent<YText>[], transaction: Transaction) => {
    // Our own Lexical→Yjs writes carry the binding as origin; echoing them back would re-apply them.
    if (transaction.origin === binding) return;
    const fromUndoManager = transaction.origin instanceof UndoManager;
    syncYjsChangesToLexical(binding, provider, events, fromUndoManager, skipCursors);
    // Commit now instead of on the next microtask. A pending remote change would absorb the caller's
    // next `editor.update()`, which then inherits its 'collaboration' tag, and
    // syncLexicalUpdateToYjs skips tagged updates: the local edit would never reach the Y.Doc.
    // Committing here also means the editor state is current as soon as `applyUpdate` returns.
    editor.update(() => {}, { discrete: true });
  };
  sharedRoot.observeDeep(onYjsChanges);

  const removeUpdateListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );

  return {
    editor,
    doc,
    dispose() {
      sharedRoot.unobserveDeep(onYjsChanges);
      removeUpdateListener();
      binding.root.destroy(binding);
    },
  };
}
