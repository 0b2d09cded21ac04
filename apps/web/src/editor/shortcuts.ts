const isApple =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** Keyboard shortcuts as this platform writes them (Lexical binds Cmd on Apple, Ctrl elsewhere). */
export const shortcuts = {
  undo: isApple ? '⌘Z' : 'Ctrl+Z',
  redo: isApple ? '⇧⌘Z' : 'Ctrl+Y',
  bold: isApple ? '⌘B' : 'Ctrl+B',
  italic: isApple ? '⌘I' : 'Ctrl+I',
  underline: isApple ? '⌘U' : 'Ctrl+U',
  /** Comment on the selection, or go to the thread under the caret. */
  comment: isApple ? '⌥⌘M' : 'Ctrl+Alt+M',
} as const;
