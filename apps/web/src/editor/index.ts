export { CollaborativeEditor, EDITOR_ID } from './CollaborativeEditor.tsx';
export { isValidLinkUrl, normaliseLinkUrl } from './url.ts';
