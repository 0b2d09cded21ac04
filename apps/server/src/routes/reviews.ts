import {
  canManageReviewRounds,
  canMarkReview,
  closeReviewRoundInput,
  deadlineProblem,
  ID_PATTERN,
  markReviewInput,
  newId,
  openReviewRoundInput,
  type ReviewRoundWithMarks,
  reviewLimits,
} from '@accord/domain';
import { isStoreError, type Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { publicPerson } from '../people.ts';
import { announceReviewChange } from '../reviews/announce.ts';
import { archived, commentRequestLimit, forbidden } from './comment-access.ts';
import { type DocumentContext, requireDocument } from './document-access.ts';
import { readJson } from './read-json.ts';

/**
 * Review rounds of a document: `/api/documents/:id/review-rounds…`. Facilitators open and close
 * a round (one open at a time, with a deadline); each organisation marks its own review done,
 * with an optional summary. Membership is checked first (404 for anyone else), then the role.
 */
export function reviewRoutes(deps: { store: Store; sync: SyncServer }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  app.get('/:id/review-rounds', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const rounds = await store.listReviewRounds(ctx.document.id, reviewLimits.history + 1);
    return c.json(await roundsView(store, ctx, rounds));
  });

  app.post('/:id/review-rounds', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    if (!canManageReviewRounds(ctx.membership.role)) return forbidden(c, 'open a review round');
    if (ctx.document.archived) return archived(c);
    const input = await readJson(c, openReviewRoundInput);
    if (!input.ok) return input.response;
    const at = Date.now();
    const problem = deadlineProblem(input.value.deadline, at);
    if (problem) {
      return apiError(
        c,
        400,
        'invalid_deadline',
        problem === 'past'
          ? 'The deadline must be in the future.'
          : 'The deadline must be within a year.',
      );
    }
    const round: ReviewRoundWithMarks = {
      id: newId(),
      documentId: ctx.document.id,
      partnershipId: ctx.partnership.id,
      openedBy: ctx.auth.person.id,
      openedAt: at,
      deadline: input.value.deadline,
      closedBy: null,
      closedAt: null,
      marks: [],
    };
    try {
      await store.openReviewRound(round);
    } catch (error) {
      if (isStoreError(error, 'review_round_open')) return roundAlreadyOpen(c);
      throw error;
    }
    await announceReviewChange(deps, round, 'opened', actorOf(ctx), at);
    return c.json({ round }, 201);
  });

  app.patch('/:id/review-rounds/:roundId', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const found = await requireRound(c, store, ctx);
    if (found instanceof Response) return found;
    if (!canManageReviewRounds(ctx.membership.role)) return forbidden(c, 'close a review round');
    const input = await readJson(c, closeReviewRoundInput);
    if (!input.ok) return input.response;
    const at = Date.now();
    const { round, changed } = await store.closeReviewRound(found.id, ctx.auth.person.id, at);
    if (changed) await announceReviewChange(deps, round, 'closed', actorOf(ctx), at);
    return c.json({ round });
  });

  app.post('/:id/review-rounds/:roundId/reviews', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const found = await requireRound(c, store, ctx);
    if (found instanceof Response) return found;
    const input = await readJson(c, markReviewInput, { tooLong: { summary: 'summary_too_long' } });
    if (!input.ok) return input.response;
    const organisationId = input.value.organisationId ?? ctx.auth.person.organisationId;
    const participation = await store.getParticipation(ctx.partnership.id, organisationId);
    if (!participation || participation.leftAt !== null) {
      return apiError(c, 404, 'not_found', 'No such organisation in this partnership.');
    }
    const actor = { role: ctx.membership.role, organisationId: ctx.auth.person.organisationId };
    if (!canMarkReview(actor, organisationId)) {
      return forbidden(c, 'mark this organisation’s review');
    }
    if (found.closedAt !== null) return roundClosed(c);
    const at = Date.now();
    let round: ReviewRoundWithMarks;
    try {
      round = await store.markReview({
        roundId: found.id,
        organisationId,
        markedBy: ctx.auth.person.id,
        markedAt: at,
        summary: input.value.summary,
      });
    } catch (error) {
      // Closed between our read and the write.
      if (isStoreError(error, 'review_round_closed')) return roundClosed(c);
      throw error;
    }
    await announceReviewChange(deps, round, 'marked', actorOf(ctx), at);
    return c.json({ round });
  });

  return app;
}

function actorOf(ctx: DocumentContext) {
  return { personId: ctx.auth.person.id, organisationId: ctx.auth.person.organisationId };
}

/** The round named by `:roundId` if it is one of this document's; 404 otherwise. */
async function requireRound(
  c: Context<AppEnv>,
  store: Store,
  ctx: DocumentContext,
): Promise<ReviewRoundWithMarks | Response> {
  const id = c.req.param('roundId') ?? '';
  const round = ID_PATTERN.test(id) ? await store.getReviewRound(id) : undefined;
  if (!round || round.documentId !== ctx.document.id) {
    return apiError(c, 404, 'not_found', 'No such review round.');
  }
  return round;
}

function roundAlreadyOpen(c: Context): Response {
  return apiError(
    c,
    409,
    'review_round_open',
    'This document already has an open review round: close it first.',
  );
}

function roundClosed(c: Context): Response {
  return apiError(c, 409, 'review_round_closed', 'This review round is closed.');
}

/**
 * A document's rounds for the page: the open one (if any), the past ones newest first, the
 * organisations taking part now (whose reviews are expected), and the people the rounds name.
 */
async function roundsView(store: Store, ctx: DocumentContext, all: ReviewRoundWithMarks[]) {
  const rounds = all.slice(0, reviewLimits.history);
  const current = rounds[0]?.closedAt === null ? rounds[0] : null;
  const participations = await store.listParticipations(ctx.partnership.id);
  const ids = new Set<string>();
  for (const round of rounds) {
    ids.add(round.openedBy);
    if (round.closedBy) ids.add(round.closedBy);
    for (const mark of round.marks) ids.add(mark.markedBy);
  }
  const people = await Promise.all([...ids].map((id) => store.getPerson(id)));
  return {
    current,
    history: current ? rounds.slice(1) : rounds,
    hasMore: all.length > reviewLimits.history,
    organisations: participations
      .filter((p) => p.leftAt === null)
      .map((p) => ({ id: p.organisationId, name: p.organisation.name, colour: p.colour })),
    people: people.filter((p) => p !== undefined).map(publicPerson),
  };
}
