export { CommentButton } from './CommentButton.tsx';
export { CommentsPanel } from './CommentsPanel.tsx';
export { CommentsPlugin } from './CommentsPlugin.tsx';
export { type CommentsController, useComments } from './useComments.ts';
