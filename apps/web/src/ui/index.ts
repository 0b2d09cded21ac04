export { CopyLink } from './CopyLink.tsx';
export { ConfirmDialog, Dialog } from './Dialog.tsx';
export { useToast } from './Toast.tsx';
export { type CopyStatus, useCopy } from './useCopy.ts';
