import { type CommentActor, canStartThread, commentLimits, mayMention } from '@accord/domain';
import type { AccordConnection } from '@accord/sync/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Member,
  type Mention,
  markThreadsRead,
  type ParticipantOrganisation,
  type PublicPerson,
  type Thread,
} from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { personLabel, type Role } from '../people/index.ts';
import type { AnchorStatus, CommentsEditorApi } from './CommentsPlugin.tsx';
import type { CommentsEnv } from './env.ts';
import { linkedThreadId } from './linkedThread.ts';
import type { MentionCandidate } from './mentions.ts';
import { threadElementId } from './ThreadItem.tsx';
import { useThreads } from './useThreads.ts';

interface UseCommentsOptions {
  documentId: string;
  connection: AccordConnection | null;
  connected: boolean;
  me: { personId: string; organisationId: string } | null;
  role: Role | null;
  archived: boolean;
  members: readonly Member[];
  organisations: readonly ParticipantOrganisation[];
  /** Says something without moving focus (e.g. "select some text first"). */
  announce: (message: string) => void;
}

/** Is this the shortcut that comments the selection (Ctrl+Alt+M, ⌥⌘M on Apple)? */
const isCommentShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';

/**
 * Everything the document page's comments need, in one place: the live thread list, the draft of
 * a new thread, the active thread (drawn stronger in the text), where each anchor stands, and the
 * keyboard path between text and threads.
 */
export function useComments(options: UseCommentsOptions) {
  const { documentId, connection, connected, me, role, archived, members, organisations } = options;
  const t = useT();
  const state = useThreads(documentId, connection, connected, me?.personId ?? null);
  const [draft, setDraft] = useState<Thread['anchor'] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [replyFocus, setReplyFocus] = useState(false);
  const [expanded, setExpanded] = useState(true);
  const [statuses, setStatuses] = useState<ReadonlyMap<string, AnchorStatus>>(new Map());
  const apiRef = useRef<CommentsEditorApi | null>(null);
  const announce = useRef(options.announce);
  announce.current = options.announce;

  const actor: CommentActor = useMemo(
    () => ({ personId: me?.personId ?? '', organisationId: me?.organisationId ?? '', role }),
    [me?.personId, me?.organisationId, role],
  );
  const canComment = !archived && canStartThread(actor);

  const env: CommentsEnv = useMemo(() => {
    const people = new Map<string, PublicPerson>();
    for (const member of members) people.set(member.id, member);
    for (const person of state.people) people.set(person.id, person);
    const organisationsById = new Map(organisations.map((o) => [o.id, o]));
    const organisationName = (id: string) =>
      organisationsById.get(id)?.name ?? t('person.unknownOrganisation');
    const candidates: MentionCandidate[] = [
      ...organisations.map((o) => ({
        mention: { kind: 'organisation' as const, organisationId: o.id },
        label: o.name,
        description: t('comments.mentionOrganisation', { organisation: o.name }),
        organisationId: o.id,
      })),
      ...members
        .filter((m) => !m.erased && m.name !== null)
        .map((m) => ({
          mention: { kind: 'person' as const, personId: m.id },
          label: m.name ?? '',
          description: personLabel(t, m, organisationName(m.organisationId)),
          organisationId: m.organisationId,
        })),
    ];
    return {
      documentId,
      actor,
      archived,
      organisationName,
      personLabel(id) {
        const person = people.get(id);
        if (person === undefined) return t('person.erased');
        return personLabel(t, person, organisationName(person.organisationId));
      },
      mentionLabel(mention: Mention) {
        if (mention.kind === 'organisation') {
          return organisationsById.get(mention.organisationId)?.name ?? null;
        }
        const person = people.get(mention.personId);
        return person && !person.erased ? person.name : null;
      },
      candidatesFor: (scope) => candidates.filter((c) => mayMention(scope, c.organisationId)),
      upsert: state.upsert,
    };
  }, [documentId, actor, archived, members, organisations, state.people, state.upsert, t]);

  const focusThread = useCallback((threadId: string) => {
    setExpanded(true);
    setActiveId(threadId);
    requestAnimationFrame(() => {
      const element = document.getElementById(threadElementId(threadId));
      // A resolved thread sits in the folded list: unfold it, once, leaving the reader free to
      // fold it again (an `open` prop tied to the active thread would fight their clicks).
      const folded = element?.closest('details');
      if (folded && !folded.open) folded.open = true;
      element?.scrollIntoView({ block: 'nearest' });
      element?.focus({ preventScroll: true });
    });
  }, []);

  /** The "Comment" button and the shortcut: a new thread on the selection, or the one at the caret. */
  const startComment = useCallback(() => {
    const api = apiRef.current;
    if (api === null) return;
    if (!api.hasSelection()) {
      const id = api.threadAtCaret();
      if (id !== null) focusThread(id);
      else announce.current(t('comments.selectFirst'));
      return;
    }
    if (!canComment) return;
    const anchor = api.createAnchor();
    if (anchor === null) {
      announce.current(t('comments.selectFirst'));
      return;
    }
    if (anchor.quote.length > commentLimits.quoteChars) {
      announce.current(t('comments.selectionTooLong', { max: commentLimits.quoteChars }));
      return;
    }
    setExpanded(true);
    setDraft(anchor);
  }, [canComment, focusThread, t]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      startComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [startComment]);

  // A link into the document (`#thread=…`, from the inbox or a digest) opens that thread once the
  // list holds it, and again whenever the fragment changes; a thread this person may not see is
  // simply not in the list, so such a link opens nothing.
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const openedLink = useRef<string | null>(null);
  const linkedId = linkedThreadId(hash);
  const linkedIsHere = linkedId !== null && state.threads.some((th) => th.id === linkedId);
  useEffect(() => {
    if (!linkedIsHere || linkedId === null || openedLink.current === hash) return;
    openedLink.current = hash;
    focusThread(linkedId);
  }, [hash, linkedId, linkedIsHere, focusThread]);

  // What the open panel shows counts as read; `upTo` keeps whatever arrives later new.
  const markedUpTo = useRef(0);
  const latestActivity = state.threads.reduce((max, th) => Math.max(max, th.lastActivityAt), 0);
  useEffect(() => {
    if (!expanded || state.status !== 'ready' || state.at === null) return;
    const upTo = Math.max(state.at, latestActivity);
    if (upTo <= markedUpTo.current) return;
    markedUpTo.current = upTo;
    markThreadsRead(documentId, upTo).catch((error: unknown) => {
      console.error('[accord comments]', error);
      markedUpTo.current = 0;
    });
  }, [documentId, expanded, state.status, state.at, latestActivity]);

  const onStatuses = useCallback((next: ReadonlyMap<string, AnchorStatus>) => {
    setStatuses((previous) => (sameStatuses(previous, next) ? previous : next));
  }, []);

  return {
    env,
    threads: state.threads,
    status: state.status,
    reload: state.reload,
    canComment,
    draft,
    setDraft,
    activeId,
    setActiveId,
    replyFocus,
    setReplyFocus,
    expanded,
    setExpanded,
    statuses,
    onStatuses,
    apiRef,
    startComment,
    focusThread,
  };
}

export type CommentsController = ReturnType<typeof useComments>;

function sameStatuses(
  a: ReadonlyMap<string, AnchorStatus>,
  b: ReadonlyMap<string, AnchorStatus>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, status] of a) if (b.get(id) !== status) return false;
  return true;
}
