import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { isStoreError, type StoreError, type StoreErrorCode } from '../errors.ts';
import type {
  DocumentRecord,
  MembershipRecord,
  OrganisationRecord,
  ParticipationRecord,
  PartnershipRecord,
  PersonRecord,
  Store,
} from '../store.ts';

/** Shared by the store's tests (not itself a test file): temp dirs, records and Yjs bodies. */

/** Resolves with the StoreError `promise` rejects with; fails unless its code is `code`. */
export async function storeError(
  promise: Promise<unknown>,
  code: StoreErrorCode,
): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error, code)) return error;
    throw new Error(`expected a StoreError with code ${code}, got ${String(error)}`, {
      cause: error,
    });
  }
  throw new Error(`expected a StoreError with code ${code}, but the call succeeded`);
}

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
  overrides: Partial<OrganisationRecord> = {},
): OrganisationRecord {
  return {
    id,
    name: `Organisation ${id}`,
    sector: 'non-profit',
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function participation(
  partnershipId: string,
  organisationId: string,
  overrides: Partial<ParticipationRecord> = {},
): ParticipationRecord {
  return {
    partnershipId,
    organisationId,
    colour: '#1e88e5',
    joinedAt: 1_700_000_000_000,
    leftAt: null,
    ...overrides,
  };
}

/** A person whose email is `<id>@example.org`. */
export function person(
  id: string,
  organisationId: string,
  overrides: Partial<PersonRecord> = {},
): PersonRecord {
  return {
    id,
    organisationId,
    name: `Person ${id}`,
    email: `${id}@example.org`,
    colour: '#e53935',
    createdAt: 1_700_000_000_000,
    erasedAt: null,
    ...overrides,
  };
}

export function membership(
  partnershipId: string,
  personId: string,
  overrides: Partial<MembershipRecord> = {},
): MembershipRecord {
  return {
    partnershipId,
    personId,
    role: 'editor',
    signatory: false,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/**
 * Two partnerships: p1 with the city (ana, facilitator; al, not a member) and the food bank
 * (bo, editor and signatory), p2 with the grocer (cy, viewer). Every person has the password
 * hash `hash-<id>`.
 */
export async function seedPeople(store: Store): Promise<void> {
  await store.createPartnership(partnership('p1', { createdAt: 1_000 }));
  await store.createPartnership(partnership('p2', { createdAt: 2_000 }));
  for (const id of ['city', 'foodbank', 'grocer']) await store.createOrganisation(organisation(id));
  await store.addParticipation(participation('p1', 'city', { joinedAt: 1_000 }));
  await store.addParticipation(participation('p1', 'foodbank', { joinedAt: 2_000 }));
  await store.addParticipation(participation('p2', 'grocer', { joinedAt: 3_000 }));
  const people = [person('ana', 'city'), person('al', 'city'), person('bo', 'foodbank')];
  for (const p of [...people, person('cy', 'grocer')]) await store.createPerson(p, `hash-${p.id}`);
  await store.addMembership(membership('p1', 'ana', { role: 'facilitator', createdAt: 1_000 }));
  await store.addMembership(membership('p1', 'bo', { signatory: true, createdAt: 2_000 }));
  await store.addMembership(membership('p2', 'cy', { role: 'viewer', createdAt: 3_000 }));
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
