import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { ReviewMarkRecord, ReviewRoundRecord, ReviewRoundWithMarks } from '../store.ts';
import {
  alreadyExists,
  notParticipating,
  unknownDocument,
  withClearConstraints,
} from './errors.ts';
import type { Lookups } from './lookups.ts';

interface RoundRow {
  id: string;
  document_id: string;
  partnership_id: string;
  opened_by: string;
  opened_at: number;
  deadline: number;
  closed_by: string | null;
  closed_at: number | null;
}

interface MarkRow {
  round_id: string;
  organisation_id: string;
  marked_by: string;
  marked_at: number;
  summary: string;
}

const unknownRound = (id: string) =>
  new StoreError('unknown_review_round', `unknown review round ${id}`);

function toRound(row: RoundRow): ReviewRoundRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    partnershipId: row.partnership_id,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    deadline: row.deadline,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
  };
}

function toMark(row: MarkRow): ReviewMarkRecord {
  return {
    roundId: row.round_id,
    organisationId: row.organisation_id,
    markedBy: row.marked_by,
    markedAt: row.marked_at,
    summary: row.summary,
  };
}

/**
 * Review rounds and the reviews organisations mark in them: the synchronous SQLite half of the
 * Store's review section. One open round per document is a partial unique index, so it holds
 * even for two facilitators opening at the same moment.
 */
export class SqliteReviews {
  readonly #lookups: Lookups;
  readonly #insertRound;
  readonly #selectRound;
  readonly #selectRounds;
  readonly #selectOpenRound;
  readonly #selectMarksOf;
  readonly #selectDocumentPartnership;
  readonly #closeRound;
  readonly #upsertMark;
  readonly #open;
  readonly #close;
  readonly #mark;

  constructor(db: Database.Database, lookups: Lookups) {
    this.#lookups = lookups;
    this.#insertRound = db.prepare<[RoundRow]>(
      `INSERT INTO review_rounds (id, document_id, partnership_id, opened_by, opened_at, deadline,
         closed_by, closed_at)
       VALUES (@id, @document_id, @partnership_id, @opened_by, @opened_at, @deadline,
         @closed_by, @closed_at)`,
    );
    this.#selectRound = db.prepare<[string], RoundRow>('SELECT * FROM review_rounds WHERE id = ?');
    this.#selectRounds = db.prepare<[string, number], RoundRow>(
      `SELECT * FROM review_rounds WHERE document_id = ?
       ORDER BY opened_at DESC, rowid DESC LIMIT ?`,
    );
    this.#selectOpenRound = db
      .prepare<[string], string>(
        'SELECT id FROM review_rounds WHERE document_id = ? AND closed_at IS NULL',
      )
      .pluck();
    // Ids as one JSON array: any number of rounds in one statement.
    this.#selectMarksOf = db.prepare<[string], MarkRow>(
      `SELECT * FROM review_marks WHERE round_id IN (SELECT value FROM json_each(?))
       ORDER BY rowid`,
    );
    this.#selectDocumentPartnership = db
      .prepare<[string], string>('SELECT partnership_id FROM documents WHERE id = ?')
      .pluck();
    this.#closeRound = db.prepare<[string, number, string]>(
      'UPDATE review_rounds SET closed_by = ?, closed_at = ? WHERE id = ? AND closed_at IS NULL',
    );
    // Marking again replaces the review; the row keeps its rowid, so the order of first marking.
    this.#upsertMark = db.prepare<[MarkRow]>(
      `INSERT INTO review_marks (round_id, organisation_id, marked_by, marked_at, summary)
       VALUES (@round_id, @organisation_id, @marked_by, @marked_at, @summary)
       ON CONFLICT (round_id, organisation_id) DO UPDATE SET
         marked_by = excluded.marked_by, marked_at = excluded.marked_at,
         summary = excluded.summary`,
    );
    this.#open = db.transaction((round: ReviewRoundRecord) => {
      if (round.closedAt !== null || round.closedBy !== null) {
        throw new Error(`review round ${round.id} must be opened open`);
      }
      const partnershipId = this.#selectDocumentPartnership.get(round.documentId);
      if (partnershipId === undefined || partnershipId !== round.partnershipId) {
        throw unknownDocument(round.documentId);
      }
      this.#lookups.requireActivePerson(round.openedBy);
      if (this.#selectOpenRound.get(round.documentId) !== undefined) throw roundOpen(round);
      withClearConstraints(
        {
          primaryKey: () => alreadyExists(`review round ${round.id}`),
          // The partial unique index: another open round slipped in.
          unique: () => roundOpen(round),
        },
        () =>
          this.#insertRound.run({
            id: round.id,
            document_id: round.documentId,
            partnership_id: round.partnershipId,
            opened_by: round.openedBy,
            opened_at: round.openedAt,
            deadline: round.deadline,
            closed_by: null,
            closed_at: null,
          }),
      );
    });
    this.#close = db.transaction((id: string, by: string, at: number) => {
      if (!this.#selectRound.get(id)) throw unknownRound(id);
      const changed = this.#closeRound.run(by, at, id).changes > 0;
      return { round: this.#withMarks(id), changed };
    });
    this.#mark = db.transaction((mark: ReviewMarkRecord) => {
      const row = this.#selectRound.get(mark.roundId);
      if (!row) throw unknownRound(mark.roundId);
      if (row.closed_at !== null) {
        throw new StoreError('review_round_closed', `review round ${mark.roundId} is closed`);
      }
      if (!this.#lookups.participates(row.partnership_id, mark.organisationId)) {
        throw notParticipating(row.partnership_id, mark.organisationId);
      }
      this.#lookups.requireActivePerson(mark.markedBy);
      this.#upsertMark.run({
        round_id: mark.roundId,
        organisation_id: mark.organisationId,
        marked_by: mark.markedBy,
        marked_at: mark.markedAt,
        summary: mark.summary,
      });
      return this.#withMarks(mark.roundId);
    });
  }

  openReviewRound(round: ReviewRoundRecord): void {
    this.#open.immediate(round);
  }

  getReviewRound(id: string): ReviewRoundWithMarks | undefined {
    return this.#selectRound.get(id) === undefined ? undefined : this.#withMarks(id);
  }

  listReviewRounds(documentId: string, limit: number): ReviewRoundWithMarks[] {
    return this.#attachMarks(this.#selectRounds.all(documentId, limit));
  }

  closeReviewRound(
    id: string,
    by: string,
    at: number,
  ): { round: ReviewRoundWithMarks; changed: boolean } {
    return this.#close.immediate(id, by, at);
  }

  markReview(mark: ReviewMarkRecord): ReviewRoundWithMarks {
    return this.#mark.immediate(mark);
  }

  #withMarks(id: string): ReviewRoundWithMarks {
    const row = this.#selectRound.get(id);
    if (!row) throw unknownRound(id);
    return this.#attachMarks([row])[0]!;
  }

  #attachMarks(rows: RoundRow[]): ReviewRoundWithMarks[] {
    if (rows.length === 0) return [];
    const marks = new Map<string, ReviewMarkRecord[]>(rows.map((row) => [row.id, []]));
    for (const row of this.#selectMarksOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      marks.get(row.round_id)?.push(toMark(row));
    }
    return rows.map((row) => ({ ...toRound(row), marks: marks.get(row.id) ?? [] }));
  }
}

function roundOpen(round: Pick<ReviewRoundRecord, 'documentId'>): StoreError {
  return new StoreError(
    'review_round_open',
    `document ${round.documentId} already has an open review round`,
  );
}
