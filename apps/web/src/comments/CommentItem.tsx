import { canDeleteComment, canEditComment } from '@accord/domain';
import { useState } from 'react';
import {
  type Comment,
  deleteComment,
  editComment,
  errorMessage,
  type Thread,
} from '../api/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { CommentText } from './CommentText.tsx';
import { Composer } from './Composer.tsx';
import type { CommentsEnv } from './env.ts';
import type { MentionCandidate } from './mentions.ts';

/** One comment: author "Name (Organisation)", time, edited marker or deletion trace, own actions. */
export function CommentItem({
  env,
  thread,
  comment,
}: {
  env: CommentsEnv;
  thread: Thread;
  comment: Comment;
}) {
  const t = useT();
  const formatTime = useDateTimeFormat();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleted = comment.deletedAt !== null;
  const writable = !env.archived;
  const mayEdit = writable && canEditComment(env.actor, thread, comment);
  const mayDelete = writable && !deleted && canDeleteComment(env.actor, thread, comment);
  const labels = comment.mentions
    .map(env.mentionLabel)
    .filter((label): label is string => label !== null);

  async function remove() {
    setError(null);
    try {
      env.upsert(await deleteComment(env.documentId, thread.id, comment.id));
      setConfirming(false);
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
  }

  const picked: MentionCandidate[] = env
    .candidatesFor(thread)
    .filter((c) => labels.includes(c.label));

  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="comment__meta">
        <span className="comment__author">{env.personLabel(comment.authorId)}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()}>
          {formatTime(comment.createdAt)}
        </time>
        {comment.editedAt !== null && !deleted && (
          <span className="comment__edited">({t('comments.edited')})</span>
        )}
      </p>
      {deleted ? (
        <p className="comment__deleted">{t('comments.deleted')}</p>
      ) : editing ? (
        <Composer
          label={t('comments.editLabel')}
          submitLabel={t('common.save')}
          initialBody={comment.body}
          initialPicked={picked}
          candidates={env.candidatesFor(thread)}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            env.upsert(
              await editComment(env.documentId, thread.id, comment.id, { body, mentions }),
            );
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment__body" data-testid="comment-body">
          <CommentText body={comment.body} mentionLabels={labels} />
        </p>
      )}
      {!editing && (mayEdit || mayDelete) && (
        <div className="comment__actions">
          {mayEdit && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setEditing(true)}
            >
              {t('comments.edit')}
            </button>
          )}
          {mayDelete &&
            (confirming ? (
              <>
                <button
                  type="button"
                  className="button button--danger-ghost button--small"
                  onClick={remove}
                >
                  {t('comments.confirmDelete')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setConfirming(false)}
                >
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setConfirming(true)}
              >
                {t('comments.delete')}
              </button>
            ))}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
