import { $getRoot, type SerializedEditorState } from 'lexical';
import { applyUpdate, Doc } from 'yjs';
import { bindHeadlessEditor } from './headless.ts';

export interface DocumentContent {
  /** The Lexical tree, as `editor.getEditorState().toJSON()` gives it in a browser. */
  json: SerializedEditorState;
  /** Plain text; blocks are separated by blank lines. */
  text: string;
}

/**
 * Reads a stored Y.Doc state (a Yjs update, e.g. snapshot + log merged) into a Lexical tree, for
 * export, indexing and fingerprints. Throws if `state` is not a valid Yjs update.
 */
export function readDocumentState(state: Uint8Array): DocumentContent {
  const doc = new Doc();
  // Bind first, then apply: the binding only sees content that arrives as Yjs events.
  const headless = bindHeadlessEditor(doc);
  try {
    // The binding commits the change to the editor before applyUpdate returns (see headless.ts).
    applyUpdate(doc, state);
    const editorState = headless.editor.getEditorState();
    return {
      json: editorState.toJSON(),
      text: editorState.read(() => $getRoot().getTextContent()),
    };
  } finally {
    headless.dispose();
    doc.destroy();
  }
}
