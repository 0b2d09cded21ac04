import type { AccordConnection } from '@accord/sync/client';
import type { LexicalEditor } from 'lexical';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { readBlocks } from '../editor/index.ts';
import { unappliedBlocks } from './unapplied.ts';

/** Whatever happens, the editor is not remounted more than once in this interval. */
const RESYNC_INTERVAL_MS = 2_000;

export interface Refusal {
  reason: string;
  /** The text the person had that the server's version lacks; null until the resync is done. */
  unapplied: string[] | null;
}

interface RefusalState {
  reason: string;
  /** The editor's blocks when the refusal arrived: what the person had locally. */
  local: string[];
  /** Text still on screen from an earlier refusal, kept in front of the new one. */
  carried: string[];
  /** The editor was remounted on a fresh doc; the comparison waits for its first sync. */
  resynced: boolean;
  unapplied: string[] | null;
}

interface RefusedEditsOptions {
  connection: AccordConnection | null;
  /** Whether `connection` has received the server's state. */
  synced: boolean;
  /** The connection closed for good (no resync will come). */
  closed: boolean;
  editorRef: RefObject<LexicalEditor | null>;
  /** Drops the spent connection; the remounted editor hands up a new one. */
  onResync: () => void;
}

/**
 * When the server refuses an edit, the document in this tab holds text the server will never
 * accept (see `AccordConnection.onRefused`). This reads what the person had, remounts the editor
 * on a fresh doc (a new `editorKey`), and once that doc has the server's text, keeps the blocks
 * the person had that the server lacks, to show them. Nothing typed is silently lost.
 */
export function useRefusedEdits({
  connection,
  synced,
  closed,
  editorRef,
  onResync,
}: RefusedEditsOptions): { refusal: Refusal | null; editorKey: number; dismiss: () => void } {
  const [state, setState] = useState<RefusalState | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const lastResync = useRef(0);

  useEffect(() => {
    if (connection === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = connection.onRefused(({ reason }) => {
      const editor = editorRef.current;
      const local = editor ? readBlocks(editor) : [];
      setState((previous) => ({
        reason,
        local,
        carried: previous ? [...previous.carried, ...(previous.unapplied ?? [])] : [],
        resynced: false,
        unapplied: null,
      }));
      const wait = Math.max(0, lastResync.current + RESYNC_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        lastResync.current = Date.now();
        setState((current) => current && { ...current, resynced: true });
        setEditorKey((key) => key + 1);
        onResync();
      }, wait);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [connection, editorRef, onResync]);

  useEffect(() => {
    if (state === null || !state.resynced || state.unapplied !== null) return;
    if (synced && editorRef.current) {
      const fresh = unappliedBlocks(state.local, readBlocks(editorRef.current));
      setState({ ...state, unapplied: [...state.carried, ...fresh] });
    } else if (closed) {
      // No server text to compare with: show everything the person had rather than lose it.
      setState({ ...state, unapplied: [...state.carried, ...nonBlank(state.local)] });
    }
  }, [state, synced, closed, editorRef]);

  const dismiss = useCallback(() => setState(null), []);
  const refusal = state && { reason: state.reason, unapplied: state.unapplied };
  return { refusal, editorKey, dismiss };
}

function nonBlank(blocks: string[]): string[] {
  return blocks.map((block) => block.trim()).filter((block) => block !== '');
}
