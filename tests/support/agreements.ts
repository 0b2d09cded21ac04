import { readDocumentState } from '@accord/editor';
import * as Y from 'yjs';
import { api, apiJson, type TestSession } from './session.ts';

/** `GET /api/documents/:id/agreement`, the fields the tests read. */
export interface AgreementView {
  agreement: { state: 'draft' | 'review' | 'signing' | 'final'; version: number };
  signing: {
    version: number;
    fingerprint: string;
    shortFingerprint: string;
    finalAt: number | null;
    parties: {
      organisation: { id: string; name: string };
      decision: {
        decision: 'approved' | 'declined';
        personId: string;
        reason: string | null;
      } | null;
    }[];
  } | null;
  history: {
    version: number;
    fingerprint: string;
    decisions: { decision: string; organisationId: string }[];
  }[];
  exports: { name: string; mediaType: string; sha256: string; size: number }[];
  me: { canMove: boolean; signsFor: string | null };
}

export const agreementPath = (documentId: string) => `/api/documents/${documentId}/agreement`;

export function getAgreement(session: TestSession, documentId: string): Promise<AgreementView> {
  return apiJson<AgreementView>(session, agreementPath(documentId));
}

export function moveAgreement(session: TestSession, documentId: string, to: string) {
  return api(session, `${agreementPath(documentId)}/state`, { method: 'POST', body: { to } });
}

/** Moves through each state in `path`, failing on any refusal. */
export async function moveThrough(
  session: TestSession,
  documentId: string,
  ...path: string[]
): Promise<AgreementView> {
  for (const to of path) {
    const response = await moveAgreement(session, documentId, to);
    if (!response.ok) throw new Error(`move to ${to}: ${response.status} ${await response.text()}`);
  }
  return getAgreement(session, documentId);
}

export function decide(
  session: TestSession,
  documentId: string,
  body: { decision: 'approved' | 'declined'; fingerprint: string; reason?: string },
) {
  return api(session, `${agreementPath(documentId)}/decisions`, { method: 'POST', body });
}

/**
 * Appends `text` to the document's first block, as typing at its end would: Lexical keeps a
 * block's text in the block's Y.XmlText right after the text node's attribute map, so inserting
 * at the end extends the last text node. A visible edit, made without an editor.
 */
export function typeAtEndOfFirstBlock(doc: Y.Doc, text: string): void {
  const root = doc.get('root', Y.XmlText);
  const first = root.toDelta()[0]?.insert;
  if (!(first instanceof Y.XmlText)) throw new Error('the document has no first block');
  first.insert(first.length, text);
}

/** The text of a document as Lexical shows it (blocks separated by blank lines). */
export function visibleText(doc: Y.Doc): string {
  return readDocumentState(Y.encodeStateAsUpdate(doc)).text;
}
