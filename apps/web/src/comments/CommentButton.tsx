import { shortcuts } from '../editor/index.ts';
import { useT } from '../i18n/index.ts';
import type { CommentsController } from './useComments.ts';

/**
 * "Comment" in the bar above the text, for everyone who may comment (also when the text itself is
 * read-only for them). Pressing it must not take the selection away from the text: the mouse
 * down is cancelled, so the page's selection is still the text's when the click runs.
 */
export function CommentButton({ comments }: { comments: CommentsController }) {
  const t = useT();
  if (!comments.canComment) return null;
  const label = t('comments.comment');
  return (
    <button
      type="button"
      className="button button--small comment-button"
      title={t('editor.shortcut', {
        label: t('comments.commentSelection'),
        shortcut: shortcuts.comment,
      })}
      aria-keyshortcuts={shortcuts.comment.startsWith('Ctrl') ? 'Control+Alt+M' : 'Meta+Alt+M'}
      onMouseDown={(event) => event.preventDefault()}
      onClick={comments.startComment}
      data-testid="comment-button"
    >
      {label}
    </button>
  );
}
