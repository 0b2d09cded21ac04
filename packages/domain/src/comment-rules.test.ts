import { describe, expect, it } from 'vitest';
import type { CommentRecord } from './comment-records.ts';
import {
  type CommentActor,
  canDeleteComment,
  canEditComment,
  canReply,
  canResolveThread,
  canSeeThread,
  canStartThread,
  isUnread,
  mayMention,
  mentionsPerson,
  unreadCount,
} from './comment-rules.ts';
import { type Role, roles } from './roles.ts';

const shared = { visibility: 'partnership', organisationId: 'city' } as const;
const internal = { visibility: 'organisation', organisationId: 'city' } as const;

const actor = (
  role: Role | null | undefined,
  organisationId = 'city',
  personId = 'ana',
): CommentActor => ({
  personId,
  organisationId,
  role,
});

function comment(overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id: 'c1',
    threadId: 't1',
    authorId: 'ana',
    authorOrganisationId: 'city',
    body: 'Pouvons-nous préciser le calendrier ?',
    mentions: [],
    createdAt: 1_000,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

describe('who sees a thread', () => {
  it('shows a shared thread to every organisation', () => {
    expect(canSeeThread({ organisationId: 'city' }, shared)).toBe(true);
    expect(canSeeThread({ organisationId: 'foodbank' }, shared)).toBe(true);
  });

  it('shows an internal thread only to its organisation', () => {
    expect(canSeeThread({ organisationId: 'city' }, internal)).toBe(true);
    expect(canSeeThread({ organisationId: 'foodbank' }, internal)).toBe(false);
  });

  it('fails closed on a missing organisation or an unknown visibility', () => {
    expect(canSeeThread({ organisationId: undefined }, internal)).toBe(false);
    expect(canSeeThread({ organisationId: null }, internal)).toBe(false);
    const odd = { visibility: 'everyone', organisationId: 'city' } as unknown as typeof shared;
    expect(canSeeThread({ organisationId: 'city' }, odd)).toBe(false);
  });
});

describe('what each role may do', () => {
  // Written out, not derived from the policy under test.
  const expected: Record<Role, { start: boolean; resolve: boolean }> = {
    facilitator: { start: true, resolve: true },
    editor: { start: true, resolve: true },
    commenter: { start: true, resolve: false },
    viewer: { start: false, resolve: false },
  };

  it.each(roles)('%s', (role) => {
    expect(canStartThread({ role })).toBe(expected[role].start);
    expect(canReply(actor(role), shared)).toBe(expected[role].start);
    expect(canResolveThread(actor(role), shared)).toBe(expected[role].resolve);
    // Another organisation's internal thread: nothing, whatever the role.
    expect(canReply(actor(role, 'foodbank'), internal)).toBe(false);
    expect(canResolveThread(actor(role, 'foodbank'), internal)).toBe(false);
  });

  it('refuses everything to someone without a role', () => {
    expect(canStartThread({ role: null })).toBe(false);
    expect(canReply(actor(null), shared)).toBe(false);
    expect(canResolveThread(actor(undefined), shared)).toBe(false);
  });
});

describe('editing and deleting', () => {
  it('lets only the author edit and delete, while they may comment', () => {
    expect(canEditComment(actor('commenter'), shared, comment())).toBe(true);
    expect(canDeleteComment(actor('commenter'), shared, comment())).toBe(true);
    // Not even a facilitator touches someone else's words.
    const other = actor('facilitator', 'city', 'al');
    expect(canEditComment(other, shared, comment())).toBe(false);
    expect(canDeleteComment(other, shared, comment())).toBe(false);
    // An author who became a viewer can no longer change what they wrote.
    expect(canEditComment(actor('viewer'), shared, comment())).toBe(false);
    expect(canDeleteComment(actor('viewer'), shared, comment())).toBe(false);
  });

  it('never edits a deleted comment, but deleting again is allowed (a no-op)', () => {
    const deleted = comment({ body: '', deletedAt: 2_000 });
    expect(canEditComment(actor('editor'), shared, deleted)).toBe(false);
    expect(canDeleteComment(actor('editor'), shared, deleted)).toBe(true);
  });

  it('refuses an author who can no longer see the thread', () => {
    expect(canEditComment(actor('editor', 'foodbank'), internal, comment())).toBe(false);
  });
});

describe('mentions', () => {
  it('may name anyone on a shared thread, only the owning organisation on an internal one', () => {
    expect(mayMention(shared, 'foodbank')).toBe(true);
    expect(mayMention(internal, 'city')).toBe(true);
    expect(mayMention(internal, 'foodbank')).toBe(false);
  });

  it('names a person directly or through their organisation', () => {
    const ana = { personId: 'ana', organisationId: 'city' };
    expect(mentionsPerson({ kind: 'person', personId: 'ana' }, ana)).toBe(true);
    expect(mentionsPerson({ kind: 'person', personId: 'bo' }, ana)).toBe(false);
    expect(mentionsPerson({ kind: 'organisation', organisationId: 'city' }, ana)).toBe(true);
    expect(mentionsPerson({ kind: 'organisation', organisationId: 'foodbank' }, ana)).toBe(false);
  });
});

describe('what is new since the last visit', () => {
  const byBo = comment({ authorId: 'bo', createdAt: 1_000 });

  it('counts comments by others, written or edited after the visit', () => {
    expect(isUnread(byBo, 'ana', null)).toBe(true);
    expect(isUnread(byBo, 'ana', 999)).toBe(true);
    expect(isUnread(byBo, 'ana', 1_000)).toBe(false);
    expect(isUnread({ ...byBo, editedAt: 3_000 }, 'ana', 2_000)).toBe(true);
  });

  it('never counts my own comments or deleted ones', () => {
    expect(isUnread(comment(), 'ana', null)).toBe(false);
    expect(isUnread(comment({ authorId: 'bo', deletedAt: 5_000, body: '' }), 'ana', null)).toBe(
      false,
    );
  });

  it('adds them up', () => {
    const comments = [
      comment(),
      byBo,
      comment({ authorId: 'cy', createdAt: 3_000 }),
      comment({ authorId: 'cy', createdAt: 4_000, deletedAt: 4_500 }),
    ];
    expect(unreadCount(comments, 'ana', null)).toBe(2);
    expect(unreadCount(comments, 'ana', 2_000)).toBe(1);
    expect(unreadCount(comments, 'ana', 9_000)).toBe(0);
  });
});
