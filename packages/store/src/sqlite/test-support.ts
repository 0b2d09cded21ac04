import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type {
  DocumentRecord,
  OrganisationRecord,
  PartnershipRecord,
  PersonRecord,
  Store,
} from '../store.ts';

/** Shared by the store's tests (not itself a test file): temp dirs, records and Yjs bodies. */

export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-store-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function partnership(
  id: string,
  overrides: Partial<PartnershipRecord> = {},
): PartnershipRecord {
  return {
    id,
    name: `Partnership ${id}`,
    purpose: 'Reduce food waste in the district',
    language: 'fr',
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function organisation(
  id: string,
  partnershipId: string,
  overrides: Partial<OrganisationRecord> = {},
): OrganisationRecord {
  return { id, partnershipId, name: `Organisation ${id}`, colour: '#1e88e5', ...overrides };
}

export function person(id: string, organisationId: string): PersonRecord {
  return { id, organisationId, name: `Person ${id}`, colour: '#e53935' };
}

export function documentRecord(
  id: string,
  partnershipId: string,
  overrides: Partial<DocumentRecord> = {},
): DocumentRecord {
  return {
    id,
    partnershipId,
    title: `Plan ${id}`,
    kind: 'action-plan',
    language: 'fr',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    archived: false,
    ...overrides,
  };
}

/** A Y.Doc whose text is `text`, as a full-state update (what a template produces). */
export function textState(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Appends `suffix` to the document's text and returns just that edit as an update. */
export function appendText(doc: Y.Doc, suffix: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const text = doc.getText('body');
  text.insert(text.length, suffix);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Rebuilds the body as a client would: snapshot, then the tail in order. */
export async function loadText(store: Store, documentId: string): Promise<string> {
  return loadDoc(store, documentId).then((doc) => doc.getText('body').toString());
}

export async function loadDoc(store: Store, documentId: string): Promise<Y.Doc> {
  const body = await store.loadBody(documentId);
  const doc = new Y.Doc();
  if (body.snapshot) Y.applyUpdate(doc, body.snapshot);
  for (const update of body.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A partnership with one document whose text is `text`. */
export async function seedDocument(store: Store, documentId: string, text = ''): Promise<void> {
  if (!(await store.getPartnership('p1'))) await store.createPartnership(partnership('p1'));
  await store.createDocument(documentRecord(documentId, 'p1'), textState(text));
}
