import type {
  AgreementDecisionRecord,
  AgreementExportRecord,
  AgreementRecord,
  AgreementState,
  AgreementVersionRecord,
} from '@accord/domain';
import { currentDecisions, everyPartyApproved } from '@accord/domain';
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { AgreementExportFile, StartSigning } from '../store.ts';

interface AgreementRow {
  document_id: string;
  partnership_id: string;
  state: string;
  version: number;
  updated_at: number;
  updated_by: string | null;
}

interface VersionRow {
  document_id: string;
  version: number;
  fingerprint: string;
  canonical: Buffer;
  canonical_version: number;
  parties: string;
  locked_at: number;
  locked_by: string;
  ended_at: number | null;
  outcome: string | null;
}

interface DecisionRow {
  id: string;
  document_id: string;
  version: number;
  fingerprint: string;
  organisation_id: string;
  person_id: string;
  role: string;
  decision: string;
  reason: string | null;
  at: number;
  withdrawn_at: number | null;
  withdrawn_by: string | null;
}

interface ExportRow {
  document_id: string;
  name: string;
  media_type: string;
  sha256: string;
  size: number;
  created_at: number;
}

const toAgreement = (r: AgreementRow): AgreementRecord => ({
  documentId: r.document_id,
  partnershipId: r.partnership_id,
  state: r.state as AgreementState,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const toVersion = (r: VersionRow): AgreementVersionRecord => ({
  documentId: r.document_id,
  version: r.version,
  fingerprint: r.fingerprint,
  canonical: new Uint8Array(r.canonical),
  canonicalVersion: r.canonical_version,
  parties: JSON.parse(r.parties) as string[],
  lockedAt: r.locked_at,
  lockedBy: r.locked_by,
  endedAt: r.ended_at,
  outcome: r.outcome as AgreementVersionRecord['outcome'],
});

const toDecision = (r: DecisionRow): AgreementDecisionRecord => ({
  id: r.id,
  documentId: r.document_id,
  version: r.version,
  fingerprint: r.fingerprint,
  organisationId: r.organisation_id,
  personId: r.person_id,
  role: r.role as AgreementDecisionRecord['role'],
  decision: r.decision as AgreementDecisionRecord['decision'],
  reason: r.reason,
  at: r.at,
  withdrawnAt: r.withdrawn_at,
  withdrawnBy: r.withdrawn_by,
});

const toExport = (r: ExportRow): AgreementExportRecord => ({
  documentId: r.document_id,
  name: r.name,
  mediaType: r.media_type,
  sha256: r.sha256,
  size: r.size,
  createdAt: r.created_at,
});

const conflict = (documentId: string, expected: string, actual: string) =>
  new StoreError('agreement_conflict', `agreement ${documentId} is ${actual}, not ${expected}`);

/**
 * Agreement sign-off: the lifecycle state, the versions locked for signing, the decisions of
 * signatories and the exports of final agreements. Every change is a compare-and-set on the
 * state inside one IMMEDIATE transaction, so two facilitators (or a facilitator and the last
 * approval) can never both win.
 */
export class SqliteAgreements {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #agreement(documentId: string): AgreementRecord | undefined {
    const row = this.#db
      .prepare<[string], AgreementRow>('SELECT * FROM agreements WHERE document_id = ?')
      .get(documentId);
    return row ? toAgreement(row) : undefined;
  }

  get(documentId: string): AgreementRecord | undefined {
    return this.#agreement(documentId);
  }

  list(partnershipId: string): AgreementRecord[] {
    return this.#db
      .prepare<[string], AgreementRow>(
        'SELECT * FROM agreements WHERE partnership_id = ? ORDER BY updated_at',
      )
      .all(partnershipId)
      .map(toAgreement);
  }

  #write(a: AgreementRecord): void {
    this.#db
      .prepare(
        `INSERT INTO agreements (document_id, partnership_id, state, version, updated_at, updated_by)
         VALUES (@documentId, @partnershipId, @state, @version, @updatedAt, @updatedBy)
         ON CONFLICT (document_id) DO UPDATE SET state = excluded.state,
           version = excluded.version, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(a);
  }

  /** Current state, with "never moved" read as draft. */
  #current(documentId: string, partnershipId: string): AgreementRecord {
    return (
      this.#agreement(documentId) ?? {
        documentId,
        partnershipId,
        state: 'draft',
        version: 0,
        updatedAt: 0,
        updatedBy: null,
      }
    );
  }

  move(input: {
    documentId: string;
    partnershipId: string;
    from: 'draft' | 'review';
    to: 'draft' | 'review';
    at: number;
    by: string;
  }): AgreementRecord {
    return this.#db
      .transaction(() => {
        const current = this.#current(input.documentId, input.partnershipId);
        if (current.state !== input.from)
          throw conflict(input.documentId, input.from, current.state);
        const next = { ...current, state: input.to, updatedAt: input.at, updatedBy: input.by };
        this.#write(next);
        return next;
      })
      .immediate();
  }

  startSigning(input: StartSigning): AgreementRecord {
    return this.#db
      .transaction(() => {
        const current = this.#current(input.documentId, input.partnershipId);
        if (current.state !== 'review') throw conflict(input.documentId, 'review', current.state);
        const version = current.version + 1;
        this.#db
          .prepare(
            `INSERT INTO agreement_versions (document_id, version, fingerprint, canonical,
             canonical_version, parties, locked_at, locked_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.documentId,
            version,
            input.fingerprint,
            Buffer.from(input.canonical),
            input.canonicalVersion,
            JSON.stringify(input.parties),
            input.at,
            input.by,
          );
        const next: AgreementRecord = {
          ...current,
          state: 'signing',
          version,
          updatedAt: input.at,
          updatedBy: input.by,
        };
        this.#write(next);
        return next;
      })
      .immediate();
  }

  returnToReview(input: { documentId: string; at: number; by: string | null }): AgreementRecord {
    return this.#db
      .transaction(() => {
        const current = this.#agreement(input.documentId);
        if (current?.state !== 'signing') {
          throw conflict(input.documentId, 'signing', current?.state ?? 'draft');
        }
        this.#db
          .prepare(
            `UPDATE agreement_versions SET ended_at = ?, outcome = 'returned'
           WHERE document_id = ? AND version = ?`,
          )
          .run(input.at, input.documentId, current.version);
        const next: AgreementRecord = {
          ...current,
          state: 'review',
          updatedAt: input.at,
          updatedBy: input.by,
        };
        this.#write(next);
        return next;
      })
      .immediate();
  }

  version(documentId: string, version: number): AgreementVersionRecord | undefined {
    const row = this.#db
      .prepare<[string, number], VersionRow>(
        'SELECT * FROM agreement_versions WHERE document_id = ? AND version = ?',
      )
      .get(documentId, version);
    return row ? toVersion(row) : undefined;
  }

  versions(documentId: string): AgreementVersionRecord[] {
    return this.#db
      .prepare<[string], VersionRow>(
        'SELECT * FROM agreement_versions WHERE document_id = ? ORDER BY version',
      )
      .all(documentId)
      .map(toVersion);
  }

  finalVersionsWithFingerprint(fingerprint: string): AgreementVersionRecord[] {
    return this.#db
      .prepare<[string], VersionRow>(
        `SELECT * FROM agreement_versions WHERE fingerprint = ? AND outcome = 'final'
         ORDER BY locked_at`,
      )
      .all(fingerprint)
      .map(toVersion);
  }

  decisions(documentId: string): AgreementDecisionRecord[] {
    return this.#db
      .prepare<[string], DecisionRow>(
        'SELECT * FROM agreement_decisions WHERE document_id = ? ORDER BY at, rowid',
      )
      .all(documentId)
      .map(toDecision);
  }

  decide(d: AgreementDecisionRecord): { agreement: AgreementRecord; final: boolean } {
    return this.#db
      .transaction(() => {
        const current = this.#agreement(d.documentId);
        if (current?.state !== 'signing') {
          throw conflict(d.documentId, 'signing', current?.state ?? 'draft');
        }
        const version = this.version(d.documentId, current.version);
        if (!version || version.version !== d.version || version.fingerprint !== d.fingerprint) {
          throw new StoreError(
            'stale_fingerprint',
            `agreement ${d.documentId} is being signed as ${version?.fingerprint}, not ${d.fingerprint}`,
          );
        }
        const before = currentDecisions(this.decisions(d.documentId), version.version);
        if (before.has(d.organisationId)) {
          throw new StoreError(
            'already_decided',
            `organisation ${d.organisationId} already decided on version ${version.version}`,
          );
        }
        this.#db
          .prepare(
            `INSERT INTO agreement_decisions (id, document_id, version, fingerprint,
             organisation_id, person_id, role, decision, reason, at, withdrawn_at, withdrawn_by)
           VALUES (@id, @documentId, @version, @fingerprint, @organisationId, @personId, @role,
             @decision, @reason, @at, NULL, NULL)`,
          )
          .run(d);
        before.set(d.organisationId, d);
        if (!everyPartyApproved(version.parties, before))
          return { agreement: current, final: false };
        this.#db
          .prepare(
            `UPDATE agreement_versions SET ended_at = ?, outcome = 'final'
           WHERE document_id = ? AND version = ?`,
          )
          .run(d.at, d.documentId, version.version);
        const next: AgreementRecord = {
          ...current,
          state: 'final',
          updatedAt: d.at,
          updatedBy: d.personId,
        };
        this.#write(next);
        return { agreement: next, final: true };
      })
      .immediate();
  }

  withdraw(input: {
    documentId: string;
    organisationId: string;
    at: number;
    by: string;
  }): AgreementDecisionRecord {
    return this.#db
      .transaction(() => {
        const current = this.#agreement(input.documentId);
        if (current?.state !== 'signing') {
          throw conflict(input.documentId, 'signing', current?.state ?? 'draft');
        }
        const decision = currentDecisions(this.decisions(input.documentId), current.version).get(
          input.organisationId,
        );
        if (!decision) {
          throw new StoreError('no_decision', `no decision of ${input.organisationId} in force`);
        }
        this.#db
          .prepare('UPDATE agreement_decisions SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?')
          .run(input.at, input.by, decision.id);
        return { ...decision, withdrawnAt: input.at, withdrawnBy: input.by };
      })
      .immediate();
  }

  saveExports(documentId: string, files: readonly AgreementExportFile[]): void {
    const insert = this.#db.prepare(
      `INSERT INTO agreement_exports (document_id, name, media_type, sha256, bytes, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#db
      .transaction(() => {
        for (const f of files) {
          insert.run(documentId, f.name, f.mediaType, f.sha256, Buffer.from(f.bytes), f.createdAt);
        }
      })
      .immediate();
  }

  exports(documentId: string): AgreementExportRecord[] {
    return this.#db
      .prepare<[string], ExportRow>(
        `SELECT document_id, name, media_type, sha256, length(bytes) AS size, created_at
         FROM agreement_exports WHERE document_id = ? ORDER BY name`,
      )
      .all(documentId)
      .map(toExport);
  }

  exportFile(documentId: string, name: string): AgreementExportFile | undefined {
    const row = this.#db
      .prepare<[string, string], ExportRow & { bytes: Buffer }>(
        `SELECT document_id, name, media_type, sha256, length(bytes) AS size, created_at, bytes
         FROM agreement_exports WHERE document_id = ? AND name = ?`,
      )
      .get(documentId, name);
    return row ? { ...toExport(row), bytes: new Uint8Array(row.bytes) } : undefined;
  }

  exportsWithSha256(sha256: string): AgreementExportRecord[] {
    return this.#db
      .prepare<[string], ExportRow>(
        `SELECT document_id, name, media_type, sha256, length(bytes) AS size, created_at
         FROM agreement_exports WHERE sha256 = ?`,
      )
      .all(sha256)
      .map(toExport);
  }
}
