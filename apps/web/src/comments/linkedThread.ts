/**
 * The thread a link names: `/d/:documentId#thread=:threadId`, as the inbox and the digest emails
 * write it (docs/ARCHITECTURE.md, "Links into the web app"). Null when the fragment names none.
 */
export function linkedThreadId(hash: string): string | null {
  const match = /^#thread=([^&]+)$/.exec(hash);
  if (match === null) return null;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
}
