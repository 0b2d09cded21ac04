import { useEffect, useState } from 'react';

/** How the last copy went, said for a few seconds; null once said (or before any copy). */
export type CopyStatus = 'copied' | 'failed' | null;

/**
 * Copies to the clipboard and reports how it went. Without clipboard access (permissions, plain
 * http), `select` selects the text instead, for Ctrl+C.
 */
export function useCopy(select: () => void): [CopyStatus, (text: string) => Promise<void>] {
  const [status, setStatus] = useState<CopyStatus>(null);

  useEffect(() => {
    if (status === null) return;
    const timer = setTimeout(() => setStatus(null), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      select();
      setStatus('failed');
    }
  }

  return [status, copy];
}
