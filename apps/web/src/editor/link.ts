import { $createLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
} from 'lexical';
import { $getSelectedNode } from './selection.ts';

export interface LinkContext {
  /** The URL of the link under the selection, if any. */
  url: string | null;
  /** Nothing selected and no link: the dialog also asks for the text to show. */
  needsText: boolean;
}

export function readLinkContext(editor: LexicalEditor): LinkContext | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const link = $findMatchingParent($getSelectedNode(selection), $isLinkNode);
    const url = link !== null && $isLinkNode(link) ? link.getURL() : null;
    return { url, needsText: url === null && selection.isCollapsed() };
  });
}

/** Links the selection to `url`, or inserts `text` as a new link at the caret. */
export function applyLink(editor: LexicalEditor, url: string, text: string | null): void {
  editor.update(() => {
    // Never focused yet: a new link goes at the end of the document.
    const selection = $getSelection() ?? $getRoot().selectEnd();
    if (!$isRangeSelection(selection)) return;
    if (text !== null && selection.isCollapsed()) {
      const link = $createLinkNode(url);
      link.append($createTextNode(text));
      selection.insertNodes([link]);
      link.selectEnd();
      return;
    }
    $toggleLink(url);
  });
}

function $unwrap(link: LinkNode): void {
  for (const child of link.getChildren()) link.insertBefore(child);
  link.remove();
}

export function removeLink(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (selection.isCollapsed()) {
      const link = $findMatchingParent($getSelectedNode(selection), $isLinkNode);
      if (link !== null && $isLinkNode(link)) $unwrap(link);
      return;
    }
    $toggleLink(null);
  });
}
