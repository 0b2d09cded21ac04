/**
 * The file name of an export: the document's title, with what file systems refuse replaced,
 * and the format's extension. Unicode is kept (the HTTP layer adds an ASCII fallback).
 */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    // Control characters (\p{Cc}) and what Windows or POSIX refuse in a name.
    .replace(/[\p{Cc}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 120)
    // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || 'document'}.${extension}`;
}

/** An ASCII-only version of a file name, for clients that ignore `filename*` (RFC 6266 §4.3). */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\%]/g, '_')
    .replace(/_+/g, '_');
}
