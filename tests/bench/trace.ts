import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/** One edit of the trace: at `pos`, delete `del` characters, then insert `ins`. */
export type TraceOp = readonly [pos: number, del: number, ins: string];

export interface Trace {
  ops: TraceOp[];
  endContent: string;
}

const TRACE_FILE = path.join(import.meta.dirname, 'data', 'automerge-paper.json.gz');
const CACHE_DIR = path.join(os.tmpdir(), 'accord-bench-cache');

let trace: Trace | null = null;

/** The automerge-paper editing trace (259,778 single-character edits), flattened. */
export function loadTrace(): Trace {
  if (trace) return trace;
  const raw = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString('utf8')) as {
    startContent: string;
    endContent: string;
    txns: { patches: [number, number, string][] }[];
  };
  if (raw.startContent !== '') throw new Error('the trace must start from an empty document');
  const ops: TraceOp[] = [];
  for (const txn of raw.txns) for (const patch of txn.patches) ops.push(patch);
  trace = { ops, endContent: raw.endContent };
  return trace;
}

/** Applies ops [from, to) of the trace to a Y.Text, each op its own transaction (own update). */
export function replay(text: Y.Text, ops: readonly TraceOp[], from: number, to: number): void {
  const doc = text.doc;
  if (!doc) throw new Error('the text must belong to a document');
  for (let i = from; i < to; i++) {
    const [pos, del, ins] = ops[i]!;
    doc.transact(() => {
      if (del > 0) text.delete(pos, del);
      if (ins) text.insert(pos, ins);
    });
  }
}

export interface BuiltDocument {
  /** The whole document as one Yjs update (what a client sends to store it). */
  state: Uint8Array;
  /** Expected content of each Y.Text of the document, by name. */
  texts: Record<string, string>;
}

function cached(name: string, build: () => BuiltDocument): BuiltDocument {
  const file = path.join(CACHE_DIR, `${name}.bin`);
  const textsFile = path.join(CACHE_DIR, `${name}.json`);
  try {
    return {
      state: new Uint8Array(readFileSync(file)),
      texts: JSON.parse(readFileSync(textsFile, 'utf8')) as Record<string, string>,
    };
  } catch {
    // Not built yet on this machine.
  }
  const built = build();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(`${textsFile}.tmp`, JSON.stringify(built.texts));
  writeFileSync(`${file}.tmp`, built.state);
  renameSync(`${textsFile}.tmp`, textsFile);
  renameSync(`${file}.tmp`, file);
  return built;
}

/**
 * The first `opCount` edits of the trace replayed into Y.Text `bench` by one client, character by
 * character. With every op the text must equal the trace's `endContent` (checked).
 */
export function traceDocument(opCount: number): BuiltDocument {
  return cached(`trace-${opCount}`, () => {
    const { ops, endContent } = loadTrace();
    const doc = new Y.Doc();
    doc.clientID = 7_000_001;
    const text = doc.getText('bench');
    replay(text, ops, 0, Math.min(opCount, ops.length));
    const content = text.toString();
    if (opCount >= ops.length && content !== endContent) {
      throw new Error('replaying the trace did not produce its endContent');
    }
    return { state: Y.encodeStateAsUpdate(doc), texts: { bench: content } };
  });
}

/**
 * A document of at least `minBytes` (encoded state) made of real editing history: the trace
 * replayed into `bench-0`, then again into `bench-1`… until the state is large enough.
 */
export function largeDocument(minBytes: number): BuiltDocument {
  return cached(`large-${minBytes}`, () => {
    const { ops } = loadTrace();
    const doc = new Y.Doc();
    doc.clientID = 7_000_002;
    const texts: Record<string, string> = {};
    const chunk = 2_000;
    for (let t = 0; ; t++) {
      const text = doc.getText(`bench-${t}`);
      for (let from = 0; from < ops.length; from += chunk) {
        replay(text, ops, from, Math.min(from + chunk, ops.length));
        if (Y.encodeStateAsUpdate(doc).byteLength >= minBytes) {
          texts[`bench-${t}`] = text.toString();
          return { state: Y.encodeStateAsUpdate(doc), texts };
        }
      }
      texts[`bench-${t}`] = text.toString();
    }
  });
}

/** Applies a state to a fresh doc and compares every expected text; returns the mismatches. */
export function verifyState(state: Uint8Array, texts: Record<string, string>): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const wrong: string[] = [];
  for (const [name, expected] of Object.entries(texts)) {
    if (doc.getText(name).toString() !== expected) wrong.push(name);
  }
  doc.destroy();
  return wrong;
}
