import type {
  CommentRecord,
  CommentThreadRecord,
  Mention,
  ThreadVisibility,
} from './comment-records.ts';
import { can } from './permissions.ts';
import type { Role } from './roles.ts';

/**
 * Who may see and do what with comment threads: pure rules, applied by the server to every REST
 * call and every live event, and by the web app only to hide what would be refused. Each rule
 * assumes the caller already checked that the person is a member of the thread's partnership
 * (their `role` there); a non-member never reaches these functions.
 */

/** A member looking at a document: who they are, their organisation and role. */
export interface CommentActor {
  personId: string;
  organisationId: string;
  role: Role | null | undefined;
}

type ThreadScope = Pick<CommentThreadRecord, 'visibility' | 'organisationId'>;

/**
 * A shared thread is seen by every member of the partnership; an internal one only by the people
 * of the organisation that wrote it. Anything else (an unknown visibility, a viewer without an
 * organisation) is refused: this rule fails closed.
 */
export function canSeeThread(
  viewer: { organisationId: string | null | undefined },
  thread: ThreadScope,
): boolean {
  if (thread.visibility === 'partnership') return true;
  if (thread.visibility !== 'organisation') return false;
  return (
    typeof viewer.organisationId === 'string' && viewer.organisationId === thread.organisationId
  );
}

/** Facilitators, editors and commenters start threads; viewers only read them. */
export function canStartThread(actor: Pick<CommentActor, 'role'>): boolean {
  return can(actor.role, 'document.comment');
}

export function canReply(actor: CommentActor, thread: ThreadScope): boolean {
  return canStartThread(actor) && canSeeThread(actor, thread);
}

/** Only the author edits a comment, while they may still comment, and never a deleted one. */
export function canEditComment(
  actor: CommentActor,
  thread: ThreadScope,
  comment: Pick<CommentRecord, 'authorId' | 'deletedAt'>,
): boolean {
  return canDeleteComment(actor, thread, comment) && comment.deletedAt === null;
}

/** Only the author deletes a comment, while they may still comment (deleting twice is a no-op). */
export function canDeleteComment(
  actor: CommentActor,
  thread: ThreadScope,
  comment: Pick<CommentRecord, 'authorId'>,
): boolean {
  return canReply(actor, thread) && comment.authorId === actor.personId;
}

/** Facilitators and editors resolve and reopen the threads they can see. */
export function canResolveThread(actor: CommentActor, thread: ThreadScope): boolean {
  return can(actor.role, 'comment.resolve') && canSeeThread(actor, thread);
}

/**
 * Whom a comment may mention, given the organisation of the person (or the organisation itself)
 * it names: anyone in the partnership on a shared thread; on an internal thread only the owning
 * organisation and its people — nobody else could read the note they were called to.
 */
export function mayMention(
  thread: { visibility: ThreadVisibility; organisationId: string },
  mentionedOrganisationId: string,
): boolean {
  if (thread.visibility === 'partnership') return true;
  return thread.visibility === 'organisation' && mentionedOrganisationId === thread.organisationId;
}

/** Whether the mention names this person, directly or through their organisation. */
export function mentionsPerson(
  mention: Mention,
  person: { personId: string; organisationId: string },
): boolean {
  return mention.kind === 'person'
    ? mention.personId === person.personId
    : mention.organisationId === person.organisationId;
}

/**
 * A comment is new to a person when someone else wrote or edited it after the person's last visit
 * of the document (`seenAt`, null when they never marked it read). Deleted comments are not.
 */
export function isUnread(
  comment: Pick<CommentRecord, 'authorId' | 'createdAt' | 'editedAt' | 'deletedAt'>,
  viewerId: string,
  seenAt: number | null,
): boolean {
  if (comment.authorId === viewerId || comment.deletedAt !== null) return false;
  if (seenAt === null) return true;
  return comment.createdAt > seenAt || (comment.editedAt ?? 0) > seenAt;
}

export function unreadCount(
  comments: readonly Pick<CommentRecord, 'authorId' | 'createdAt' | 'editedAt' | 'deletedAt'>[],
  viewerId: string,
  seenAt: number | null,
): number {
  return comments.filter((comment) => isUnread(comment, viewerId, seenAt)).length;
}
