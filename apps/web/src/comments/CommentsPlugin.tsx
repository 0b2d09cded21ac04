import { $createAnchorFromSelection, $resolveAnchors } from '@accord/editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, type LexicalEditor } from 'lexical';
import { type RefObject, useEffect, useRef } from 'react';
import { type Doc, XmlText } from 'yjs';
import type { Thread } from '../api/index.ts';
import {
  clearHighlights,
  domRange,
  paintHighlights,
  type ThreadRange,
  threadAt,
} from './highlights.ts';

export type AnchorStatus = 'attached' | 'reattached' | 'orphaned';

/** What the comments panel asks of the editor. */
export interface CommentsEditorApi {
  /** An anchor for the text selected in the editor, or null when nothing is selected there. */
  createAnchor(): Thread['anchor'] | null;
  /** Whether some text is selected inside the editor. */
  hasSelection(): boolean;
  /** The open thread whose passage holds the caret (or the selection's start). */
  threadAtCaret(): string | null;
  /** Selects a thread's passage, scrolls it into view and focuses the text. */
  showPassage(threadId: string): boolean;
}

interface CommentsPluginProps {
  doc: Doc | null;
  threads: readonly Thread[];
  activeId: string | null;
  apiRef: RefObject<CommentsEditorApi | null>;
  onStatuses: (statuses: ReadonlyMap<string, AnchorStatus>) => void;
  /** A highlighted passage was clicked. */
  onActivate: (threadId: string) => void;
}

/**
 * Inside the Lexical composer: resolves every thread's anchor after each editor update, draws the
 * open ones as highlights, opens a thread when its passage is clicked, and gives the panel the
 * editor-side operations it needs (`apiRef`).
 */
export function CommentsPlugin({
  doc,
  threads,
  activeId,
  apiRef,
  onStatuses,
  onActivate,
}: CommentsPluginProps) {
  const [editor] = useLexicalComposerContext();
  const ranges = useRef<ThreadRange[]>([]);
  const redraw = useRef<() => void>(() => {});
  const latest = useRef({ threads, activeId, onStatuses, onActivate });
  latest.current = { threads, activeId, onStatuses, onActivate };

  useEffect(() => {
    if (doc === null) return;
    const root = doc.get('root', XmlText);
    let frame = 0;
    const refresh = () => {
      frame = 0;
      const { threads, activeId, onStatuses } = latest.current;
      const resolved = editor.getEditorState().read(() =>
        $resolveAnchors(
          root,
          threads.map((t) => t.anchor),
        ),
      );
      // The editor has not caught up with the Y.Doc: its next update will call again.
      if (resolved === null) return;
      const next: ThreadRange[] = [];
      const statuses = new Map<string, AnchorStatus>();
      threads.forEach((thread, i) => {
        const result = resolved[i]!;
        statuses.set(thread.id, result.status);
        if (thread.status !== 'open' || result.status === 'orphaned') return;
        const range = domRange(editor, result.start, result.end);
        if (range !== null) next.push({ threadId: thread.id, range });
      });
      ranges.current = next;
      paintHighlights(next, activeId);
      onStatuses(statuses);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(refresh);
    };
    redraw.current = schedule;
    schedule();
    const removeUpdate = editor.registerUpdateListener(schedule);
    return () => {
      removeUpdate();
      cancelAnimationFrame(frame);
      redraw.current = () => {};
    };
  }, [editor, doc]);

  // New threads or another active one: redraw now rather than at the next keystroke.
  useEffect(() => {
    void threads;
    void activeId;
    redraw.current();
  }, [threads, activeId]);

  useEffect(() => clearHighlights, []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const point = caretPoint(event);
      if (point === null) return;
      const id = threadAt(ranges.current, point[0], point[1], latest.current.activeId);
      if (id !== null) latest.current.onActivate(id);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor]);

  useEffect(() => {
    if (doc === null) return;
    const root = doc.get('root', XmlText);
    apiRef.current = {
      createAnchor: () => createAnchor(editor, root),
      hasSelection: () => selectionIn(editor) !== null,
      threadAtCaret() {
        const selection = selectionIn(editor) ?? caretIn(editor);
        if (selection === null) return null;
        return threadAt(
          ranges.current,
          selection.startContainer,
          selection.startOffset,
          latest.current.activeId,
        );
      },
      showPassage(threadId) {
        const found = ranges.current.find((r) => r.threadId === threadId);
        if (found === undefined) return false;
        const rootElement = editor.getRootElement();
        rootElement?.focus({ preventScroll: true });
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(found.range.cloneRange());
        found.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        return true;
      },
    };
    return () => {
      apiRef.current = null;
    };
  }, [editor, doc, apiRef]);

  return null;
}

function createAnchor(editor: LexicalEditor, root: XmlText): Thread['anchor'] | null {
  const dom = window.getSelection();
  if (selectionIn(editor) === null) return null;
  return editor.read(() => {
    // A read-only editor keeps no selection of its own: build it from the page's.
    const selection = $createRangeSelectionFromDom(dom, editor);
    return selection === null ? null : $createAnchorFromSelection(root, selection);
  });
}

/** The page's selection when it is a non-empty range inside the editor. */
function selectionIn(editor: LexicalEditor): Range | null {
  const range = caretIn(editor);
  return range === null || range.collapsed ? null : range;
}

function caretIn(editor: LexicalEditor): Range | null {
  const root = editor.getRootElement();
  const selection = window.getSelection();
  if (root === null || selection === null || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.startContainer) ? range : null;
}

function caretPoint(event: MouseEvent): [Node, number] | null {
  if ('caretPositionFromPoint' in document) {
    const position = document.caretPositionFromPoint(event.clientX, event.clientY);
    return position === null ? null : [position.offsetNode, position.offset];
  }
  const range = (
    document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(event.clientX, event.clientY);
  return range ? [range.startContainer, range.startOffset] : null;
}
