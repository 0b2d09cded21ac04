import type { CommentActor } from '@accord/domain';
import type { Mention, Thread } from '../api/index.ts';
import type { MentionCandidate } from './mentions.ts';

/** What every part of the panel needs to know about the page, built once by `useComments`. */
export interface CommentsEnv {
  documentId: string;
  actor: CommentActor;
  /** An archived document keeps its threads readable and refuses new writes. */
  archived: boolean;
  /** "Name (Organisation)". */
  personLabel: (personId: string) => string;
  organisationName: (organisationId: string) => string;
  /** How each mention is written after '@' in a body. */
  mentionLabel: (mention: Mention) => string | null;
  /** Whom a comment on a thread of this visibility and organisation may mention. */
  candidatesFor: (scope: Pick<Thread, 'visibility' | 'organisationId'>) => MentionCandidate[];
  upsert: (thread: Thread) => void;
}
