import {
  type AgreementDecision,
  type AgreementRecord,
  type AgreementState,
  type DocumentRecord,
  mayMoveAgreement,
  newId,
  type Role,
} from '@accord/domain';
import { CANONICAL_FORM_VERSION, fingerprintState, UnsupportedNodeError } from '@accord/editor';
import type { Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import * as Y from 'yjs';
import { appendAudit, partnershipChain } from '../audit.ts';

/** A refusal the routes turn into `{ code, message }` with this status. */
export class AgreementRefusal extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    readonly code:
      | 'not_an_agreement'
      | 'invalid_transition'
      | 'no_parties'
      | 'unsupported_content'
      | 'not_signing'
      | 'not_a_signatory'
      | 'stale_fingerprint'
      | 'already_decided'
      | 'no_decision'
      | 'document_archived',
    message: string,
  ) {
    super(message);
  }
}

export interface AgreementEvents {
  /** After every change, e.g. to refresh open pages and render final exports. */
  changed(change: {
    document: DocumentRecord;
    agreement: AgreementRecord;
    kind: 'moved' | 'signing' | 'returned' | 'decided' | 'withdrawn' | 'final';
  }): void;
}

/**
 * The agreement lifecycle on the server: draft ⇄ review ⇄ signing → final. Entering signing locks
 * the body in the sync core first (no edit is applied from then on), waits until everything
 * accepted before is stored, fingerprints the stored state and records the version; returning
 * to review stores the change first and unlocks after. Changes of one document run one at a time.
 */
export class AgreementLifecycle {
  #queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly sync: SyncServer,
    private readonly events: AgreementEvents,
  ) {}

  /** Runs `task` after every earlier task on the same document. */
  #serial<T>(documentId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(documentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.#queues.set(documentId, settled);
    void settled.then(() => {
      if (this.#queues.get(documentId) === settled) this.#queues.delete(documentId);
    });
    return next;
  }

  async current(document: DocumentRecord): Promise<AgreementRecord> {
    return (
      (await this.store.getAgreement(document.id)) ?? {
        documentId: document.id,
        partnershipId: document.partnershipId,
        state: 'draft',
        version: 0,
        updatedAt: document.createdAt,
        updatedBy: null,
      }
    );
  }

  /** A facilitator's move. */
  move(document: DocumentRecord, to: AgreementState, actorId: string): Promise<AgreementRecord> {
    checkAgreement(document);
    return this.#serial(document.id, async () => {
      const from = (await this.current(document)).state;
      if (!mayMoveAgreement(from, to)) {
        throw new AgreementRefusal(
          409,
          'invalid_transition',
          `An agreement in ${from} cannot move to ${to}.`,
        );
      }
      if (to === 'signing') return this.#startSigning(document, actorId);
      if (from === 'signing') return this.#returnToReview(document, actorId, 'facilitator');
      const at = Date.now();
      const moved = await this.store.moveAgreement({
        documentId: document.id,
        partnershipId: document.partnershipId,
        from: from as 'draft' | 'review',
        to: to as 'draft' | 'review',
        at,
        by: actorId,
      });
      await this.#audit(document, actorId, 'agreement.moved', { from, to });
      this.events.changed({ document, agreement: moved, kind: 'moved' });
      return moved;
    });
  }

  async #startSigning(document: DocumentRecord, actorId: string): Promise<AgreementRecord> {
    const parties = (await this.store.listParticipations(document.partnershipId))
      .filter((p) => p.leftAt === null)
      .map((p) => p.organisationId);
    if (parties.length === 0) {
      throw new AgreementRefusal(409, 'no_parties', 'No organisation takes part to sign.');
    }
    // Lock first: from the next frame on no edit is applied; then wait until everything accepted
    // before the lock is committed, so the stored state is exactly the locked text.
    this.sync.setLock(document.id, 'locked');
    try {
      await this.sync.settled();
      const state = await storedState(this.store, document.id);
      const { bytes, fingerprint } = await fingerprintState(state);
      const at = Date.now();
      const agreement = await this.store.startSigning({
        documentId: document.id,
        partnershipId: document.partnershipId,
        fingerprint,
        canonical: bytes,
        canonicalVersion: CANONICAL_FORM_VERSION,
        parties,
        at,
        by: actorId,
      });
      await this.#audit(document, actorId, 'agreement.signing_started', {
        version: agreement.version,
        fingerprint,
        parties,
      });
      this.events.changed({ document, agreement, kind: 'signing' });
      return agreement;
    } catch (error) {
      this.sync.setLock(document.id, null);
      if (error instanceof UnsupportedNodeError) {
        throw new AgreementRefusal(
          409,
          'unsupported_content',
          `The text holds content the signed form cannot represent (${error.nodeType}).`,
        );
      }
      throw error;
    }
  }

  async #returnToReview(
    document: DocumentRecord,
    actorId: string | null,
    reason: 'facilitator' | 'party_left',
    data: Record<string, unknown> = {},
  ): Promise<AgreementRecord> {
    const agreement = await this.store.returnAgreementToReview({
      documentId: document.id,
      at: Date.now(),
      by: actorId,
    });
    // Stored first, then unlocked: a restart in between keeps it locked, never the reverse.
    this.sync.setLock(document.id, null);
    await this.#audit(document, actorId, 'agreement.returned_to_review', {
      version: agreement.version,
      reason,
      ...data,
    });
    this.events.changed({ document, agreement, kind: 'returned' });
    return agreement;
  }

  /** A signatory's decision on behalf of their organisation (rights checked by the caller). */
  decide(
    document: DocumentRecord,
    input: {
      personId: string;
      organisationId: string;
      role: Role;
      decision: AgreementDecision;
      fingerprint: string;
      reason: string | null;
    },
  ): Promise<{ agreement: AgreementRecord; final: boolean }> {
    checkAgreement(document);
    return this.#serial(document.id, async () => {
      const agreement = await this.current(document);
      if (agreement.state !== 'signing') {
        throw new AgreementRefusal(409, 'not_signing', 'This agreement is not being signed.');
      }
      const version = await this.store.getAgreementVersion(document.id, agreement.version);
      if (!version?.parties.includes(input.organisationId)) {
        throw new AgreementRefusal(
          403,
          'not_a_signatory',
          'Your organisation is not a party to this agreement.',
        );
      }
      if (version.fingerprint !== input.fingerprint) {
        throw new AgreementRefusal(
          409,
          'stale_fingerprint',
          `The text being signed has the fingerprint ${version.fingerprint}, not the one you read.`,
        );
      }
      const at = Date.now();
      const result = await this.store.decideAgreement({
        id: newId(),
        documentId: document.id,
        version: version.version,
        fingerprint: input.fingerprint,
        organisationId: input.organisationId,
        personId: input.personId,
        role: input.role,
        decision: input.decision,
        reason: input.reason,
        at,
        withdrawnAt: null,
        withdrawnBy: null,
      });
      await this.#audit(document, input.personId, `agreement.${input.decision}`, {
        version: version.version,
        fingerprint: input.fingerprint,
        organisationId: input.organisationId,
        role: input.role,
      });
      if (result.final) {
        // Already locked since signing began; `final` is for ever, and tells clients so.
        this.sync.setLock(document.id, 'final');
        await this.#audit(document, null, 'agreement.finalised', {
          version: version.version,
          fingerprint: input.fingerprint,
          parties: version.parties,
        });
      }
      this.events.changed({
        document,
        agreement: result.agreement,
        kind: result.final ? 'final' : 'decided',
      });
      return result;
    });
  }

  withdraw(
    document: DocumentRecord,
    input: { personId: string; organisationId: string },
  ): Promise<void> {
    checkAgreement(document);
    return this.#serial(document.id, async () => {
      const agreement = await this.current(document);
      if (agreement.state !== 'signing') {
        throw new AgreementRefusal(409, 'not_signing', 'This agreement is not being signed.');
      }
      const withdrawn = await this.store.withdrawAgreementDecision({
        documentId: document.id,
        organisationId: input.organisationId,
        at: Date.now(),
        by: input.personId,
      });
      await this.#audit(document, input.personId, 'agreement.decision_withdrawn', {
        version: withdrawn.version,
        organisationId: input.organisationId,
        decision: withdrawn.decision,
      });
      this.events.changed({ document, agreement, kind: 'withdrawn' });
    });
  }

  /** An organisation left the partnership: every agreement it was signing returns to review. */
  async partyLeft(partnershipId: string, organisationId: string): Promise<void> {
    for (const agreement of await this.store.listAgreements(partnershipId)) {
      if (agreement.state !== 'signing') continue;
      const document = await this.store.getDocument(agreement.documentId);
      if (!document) continue;
      await this.#serial(document.id, async () => {
        const now = await this.current(document);
        if (now.state !== 'signing') return;
        const version = await this.store.getAgreementVersion(document.id, now.version);
        if (!version?.parties.includes(organisationId)) return;
        await this.#returnToReview(document, null, 'party_left', { organisationId });
      });
    }
  }

  async #audit(
    document: DocumentRecord,
    actorId: string | null,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendAudit(this.store, partnershipChain(document.partnershipId), {
      actorId,
      action,
      data: { documentId: document.id, ...data },
    });
  }
}

function checkAgreement(document: DocumentRecord): void {
  if (document.kind !== 'agreement') {
    throw new AgreementRefusal(409, 'not_an_agreement', 'Only agreements are signed.');
  }
  if (document.archived) {
    throw new AgreementRefusal(409, 'document_archived', 'This document is archived.');
  }
}

/** The body as stored: snapshot and log merged into one update. */
export async function storedState(store: Store, documentId: string): Promise<Uint8Array> {
  const body = await store.loadBody(documentId);
  const parts = body.snapshot ? [body.snapshot, ...body.updates] : body.updates;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/** The lock the sync core applies when it loads a document's room. */
export async function documentLock(
  store: Store,
  documentId: string,
): Promise<'locked' | 'final' | null> {
  const agreement = await store.getAgreement(documentId);
  if (agreement?.state === 'signing') return 'locked';
  if (agreement?.state === 'final') return 'final';
  return null;
}
