import { canReply, canResolveThread } from '@accord/domain';
import { useState } from 'react';
import { errorMessage, replyToThread, setThreadStatus, type Thread } from '../api/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { CommentItem } from './CommentItem.tsx';
import type { AnchorStatus } from './CommentsPlugin.tsx';
import { Composer } from './Composer.tsx';
import type { CommentsEnv } from './env.ts';

interface ThreadItemProps {
  env: CommentsEnv;
  thread: Thread;
  anchorStatus: AnchorStatus | undefined;
  active: boolean;
  onActivate: () => void;
  onShowInText: () => void;
  /** Focus the reply box when it opens (after "Reply", not after a click in the text). */
  replyFocus: boolean;
}

export const threadElementId = (threadId: string) => `thread-${threadId}`;

/** A thread: its quote (or the original one, labelled, once the passage is gone) and comments. */
export function ThreadItem({
  env,
  thread,
  anchorStatus,
  active,
  onActivate,
  onShowInText,
  replyFocus,
}: ThreadItemProps) {
  const t = useT();
  const formatTime = useDateTimeFormat();
  const [error, setError] = useState<string | null>(null);
  const internal = thread.visibility !== 'partnership';
  const orphaned = anchorStatus === 'orphaned';
  const writable = !env.archived;
  const mayResolve = writable && canResolveThread(env.actor, thread);
  const mayReply = writable && thread.status === 'open' && canReply(env.actor, thread);
  const titleId = `${threadElementId(thread.id)}-title`;

  async function toggleStatus() {
    setError(null);
    try {
      const next = thread.status === 'open' ? 'resolved' : 'open';
      env.upsert(await setThreadStatus(env.documentId, thread.id, next));
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
  }

  return (
    <li>
      <article
        id={threadElementId(thread.id)}
        tabIndex={-1}
        aria-labelledby={titleId}
        className={[
          'thread',
          active ? 'thread--active' : '',
          internal ? 'thread--internal' : '',
          thread.status === 'resolved' ? 'thread--resolved' : '',
        ].join(' ')}
        data-testid="thread"
        data-thread-id={thread.id}
        data-status={thread.status}
        data-visibility={thread.visibility}
        onClickCapture={onActivate}
        onFocusCapture={onActivate}
      >
        <h3 id={titleId} className="visually-hidden">
          {t('comments.thread', { quote: thread.anchor.quote.slice(0, 80) })}
        </h3>
        <div className="thread__badges">
          {internal ? (
            <span className="badge badge--internal">
              {t('comments.internal', {
                organisation: env.organisationName(thread.organisationId),
              })}
            </span>
          ) : (
            <span className="badge badge--shared">{t('comments.shared')}</span>
          )}
          {(thread.unread ?? 0) > 0 && (
            <span className="badge badge--new">{t('comments.new')}</span>
          )}
          {orphaned && <span className="badge badge--orphaned">{t('comments.orphaned')}</span>}
        </div>
        {orphaned && <p className="thread__orphaned-hint">{t('comments.orphanedHint')}</p>}
        <blockquote className="thread__quote" data-testid="thread-quote">
          {thread.anchor.quote}
        </blockquote>
        {!orphaned && thread.status === 'open' && (
          <button type="button" className="link-button thread__show" onClick={onShowInText}>
            {t('comments.showInText')}
          </button>
        )}
        <ol className="thread__comments">
          {thread.comments.map((comment) => (
            <CommentItem key={comment.id} env={env} thread={thread} comment={comment} />
          ))}
        </ol>
        {thread.status === 'resolved' && thread.resolvedBy !== null && (
          <p className="thread__resolution" data-testid="thread-resolution">
            {t('comments.resolvedBy', { name: env.personLabel(thread.resolvedBy) })}
            {thread.resolvedAt !== null && <> · {formatTime(thread.resolvedAt)}</>}
          </p>
        )}
        {mayReply && !active && (
          <button type="button" className="button button--small" onClick={onActivate}>
            {t('comments.reply')}
          </button>
        )}
        {mayReply && active && (
          <Composer
            autoFocus={replyFocus}
            label={t('comments.replyLabel')}
            submitLabel={t('comments.reply')}
            candidates={env.candidatesFor(thread)}
            testId="reply-form"
            onSubmit={async (body, mentions) => {
              env.upsert(await replyToThread(env.documentId, thread.id, { body, mentions }));
            }}
          />
        )}
        {mayResolve && (
          <div className="thread__actions">
            <button type="button" className="button button--small" onClick={toggleStatus}>
              {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
            </button>
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </article>
    </li>
  );
}
