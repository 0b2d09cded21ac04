import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { isValidLinkUrl } from './url.ts';

/**
 * Follows links in the text: on a plain click when the document is read-only, on Ctrl/Cmd+click
 * while editing (a plain click there places the caret, to edit the link's text). Always in a new
 * tab without `opener`, and only for the schemes the editor accepts: a link can come from any
 * other client, not only from this one's link dialog.
 */
export function LinkOpenerPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0) return;
      if (editor.isEditable() && !event.ctrlKey && !event.metaKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      if (isValidLinkUrl(anchor.href)) window.open(anchor.href, '_blank', 'noopener,noreferrer');
    };
    return editor.registerRootListener((root, previousRoot) => {
      previousRoot?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor]);
  return null;
}
