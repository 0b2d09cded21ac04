/**
 * Comment threads, as the store returns them and the API serves them. Threads live outside the
 * document body: their anchors point into it (Yjs relative positions) and keep the quoted text,
 * so a thread survives the deletion of what it was about. Pure types: no I/O here.
 */

/** Who may see a thread: the whole partnership, or only the author's organisation. */
export const threadVisibilities = ['partnership', 'organisation'] as const;
export type ThreadVisibility = (typeof threadVisibilities)[number];

export const threadStatuses = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

/**
 * Where a thread points in the body. `start` and `end` are base64 of `Y.encodeRelativePosition`;
 * the server stores them opaque. `quote` is the selected text when the thread was made, with a
 * little context either side, so the client can re-attach a collapsed anchor from its quote and
 * show the original text when it was deleted.
 */
export interface CommentAnchor {
  start: string;
  end: string;
  quote: string;
  prefix: string;
  suffix: string;
}

/** A person, or a whole organisation, named in a comment. */
export type Mention =
  | { kind: 'person'; personId: string }
  | { kind: 'organisation'; organisationId: string };

export interface CommentThreadRecord {
  id: string;
  documentId: string;
  partnershipId: string;
  /** The organisation of the person who started the thread: the owner of an internal thread. */
  organisationId: string;
  visibility: ThreadVisibility;
  anchor: CommentAnchor;
  status: ThreadStatus;
  /** Who resolved it and when; both null while open (a reopen clears them). */
  resolvedBy: string | null;
  resolvedAt: number | null;
  createdBy: string;
  createdAt: number;
  /** Time of the last change of the thread or any of its comments (for ordering an inbox). */
  lastActivityAt: number;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  authorId: string;
  authorOrganisationId: string;
  /** Plain text (mentions and links are written in it); '' once deleted. */
  body: string;
  /** Empty once deleted. */
  mentions: Mention[];
  createdAt: number;
  editedAt: number | null;
  /** A deleted comment keeps its row as a visible trace ("commentaire supprimé"). */
  deletedAt: number | null;
}

/** A thread with its comments, oldest first: the first comment is the one that started it. */
export interface ThreadWithComments extends CommentThreadRecord {
  comments: CommentRecord[];
}

/** What happened to a thread, as live events and audit entries name it. */
export const threadChanges = [
  'created',
  'replied',
  'edited',
  'deleted',
  'resolved',
  'reopened',
] as const;
export type ThreadChange = (typeof threadChanges)[number];

/**
 * The live event the server pushes (sync message 23) to the sockets on the document that may see
 * the thread, and to no other: the thread as it is after the change, comments included.
 */
export interface ThreadChangedEvent {
  type: 'thread.changed';
  documentId: string;
  threadId: string;
  change: ThreadChange;
  /** Who made the change. */
  actorId: string;
  thread: ThreadWithComments;
}
