import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useSyncExternalStore } from 'react';

/** Whether the editor accepts edits now (read-only roles and refused sessions turn it off). */
export function useEditable(): boolean {
  const [editor] = useLexicalComposerContext();
  return useSyncExternalStore(
    (onChange) => editor.registerEditableListener(onChange),
    () => editor.isEditable(),
  );
}
