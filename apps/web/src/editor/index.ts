export { readBlocks } from './blocks.ts';
export { CollaborativeEditor, EDITOR_ID, type PresenceSelf } from './CollaborativeEditor.tsx';
export { shortcuts } from './shortcuts.ts';
export { isValidLinkUrl, normaliseLinkUrl } from './url.ts';
