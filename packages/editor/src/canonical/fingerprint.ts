import { applyUpdate, Doc } from 'yjs';
import { bindHeadlessEditor } from '../headless.ts';
import { $canonicalDocument } from './build.ts';
import { canonicalizeJson, type JsonValue } from './jcs.ts';
import type { CanonicalDocument } from './tree.ts';

/** What is stored and signed: the canonical bytes and their SHA-256. */
export interface CanonicalFingerprint {
  document: CanonicalDocument;
  /** UTF-8 of the RFC 8785 serialisation of `document`. */
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, 64 lower-case hex digits. */
  fingerprint: string;
}

/** The canonical tree of a stored Y.Doc state (a Yjs update). Throws on an invalid update. */
export function canonicalDocumentOf(state: Uint8Array): CanonicalDocument {
  const doc = new Doc();
  // Bind first, then apply: the binding only sees content that arrives as Yjs events.
  const headless = bindHeadlessEditor(doc);
  try {
    applyUpdate(doc, state);
    return headless.editor.getEditorState().read($canonicalDocument);
  } finally {
    headless.dispose();
    doc.destroy();
  }
}

/** RFC 8785 bytes of a canonical tree. */
export function canonicalBytes(document: CanonicalDocument): Uint8Array {
  return new TextEncoder().encode(canonicalizeJson(document as unknown as JsonValue));
}

/** SHA-256 (hex) of bytes, through Web Crypto: the same in Node and in a browser. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Canonical tree, bytes and fingerprint of a stored Y.Doc state. */
export async function fingerprintState(state: Uint8Array): Promise<CanonicalFingerprint> {
  const document = canonicalDocumentOf(state);
  const bytes = canonicalBytes(document);
  return { document, bytes, fingerprint: await sha256Hex(bytes) };
}

/**
 * The readable short form people compare aloud: the first 16 hex digits in four groups of four,
 * e.g. `3f2a 9c01 77be 0d12` (64 bits: enough to tell versions apart at a glance; the full
 * fingerprint is always shown beside it and is what approvals bind to).
 */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}
