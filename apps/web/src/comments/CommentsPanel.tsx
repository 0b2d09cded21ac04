import type { Thread } from '../api/index.ts';
import { shortcuts } from '../editor/index.ts';
import { useT } from '../i18n/index.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadItem } from './ThreadItem.tsx';
import type { CommentsController } from './useComments.ts';

const byCreation = (a: Thread, b: Thread) => a.createdAt - b.createdAt;

/**
 * The document's threads beside the text: open ones first, resolved ones folded away, the
 * composer of a new thread on top. Collapsible, so the text can take the whole width.
 */
export function CommentsPanel({ comments }: { comments: CommentsController }) {
  const t = useT();
  const { env, threads, expanded, draft, activeId } = comments;
  const open = threads.filter((th) => th.status === 'open').sort(byCreation);
  const resolved = threads.filter((th) => th.status === 'resolved').sort(byCreation);
  const unread = threads.reduce((sum, th) => sum + (th.unread ?? 0), 0);

  const item = (thread: Thread) => (
    <ThreadItem
      key={thread.id}
      env={env}
      thread={thread}
      anchorStatus={comments.statuses.get(thread.id)}
      active={thread.id === activeId}
      replyFocus={comments.replyFocus}
      onActivate={() => {
        comments.setReplyFocus(true);
        comments.setActiveId(thread.id);
      }}
      onShowInText={() => {
        comments.setActiveId(thread.id);
        comments.apiRef.current?.showPassage(thread.id);
      }}
    />
  );

  return (
    <section className="comments" aria-labelledby="comments-title" data-testid="comments-panel">
      <div className="comments__header">
        <h2 id="comments-title" className="comments__title">
          {t('comments.title')}
          <span className="comments__count">{t('comments.openCount', { count: open.length })}</span>
          {unread > 0 && (
            <span className="badge badge--new">{t('comments.unread', { count: unread })}</span>
          )}
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          aria-expanded={expanded}
          aria-controls="comments-body"
          aria-label={expanded ? t('comments.hide') : t('comments.show')}
          onClick={() => comments.setExpanded(!expanded)}
        >
          {expanded ? t('comments.hideShort') : t('comments.showShort')}
        </button>
      </div>
      <div id="comments-body" className="comments__body" hidden={!expanded}>
        {env.archived ? (
          <p className="comments__note">{t('comments.archived')}</p>
        ) : comments.canComment ? (
          <p className="comments__note">
            {t('comments.shortcutHint', { shortcut: shortcuts.comment })}
          </p>
        ) : (
          <p className="comments__note">{t('comments.readOnly')}</p>
        )}
        {draft !== null && (
          <NewThreadForm
            key={`${draft.start}:${draft.end}`}
            env={env}
            anchor={draft}
            onCancel={() => comments.setDraft(null)}
            onCreated={(thread) => {
              env.upsert(thread);
              comments.setDraft(null);
              comments.focusThread(thread.id);
            }}
          />
        )}
        {comments.status === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p>{t('comments.loadFailed')}</p>
            <button type="button" className="button button--small" onClick={comments.reload}>
              {t('errors.retry')}
            </button>
          </div>
        )}
        {comments.status === 'ready' && threads.length === 0 && draft === null && (
          <p className="comments__empty">{t('comments.empty')}</p>
        )}
        {open.length > 0 && (
          <ol className="comments__list" aria-label={t('comments.open')} data-testid="open-threads">
            {open.map(item)}
          </ol>
        )}
        {resolved.length > 0 && (
          <details className="comments__resolved">
            <summary>{t('comments.resolvedCount', { count: resolved.length })}</summary>
            <ol
              className="comments__list"
              aria-label={t('comments.resolved')}
              data-testid="resolved-threads"
            >
              {resolved.map(item)}
            </ol>
          </details>
        )}
      </div>
    </section>
  );
}
