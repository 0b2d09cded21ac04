import { asciiFileName } from '@accord/export/files';

/** RFC 5987 `ext-value` encoding: UTF-8, percent-encoded except attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition: attachment` with the file's real (Unicode) name in `filename*` (RFC 6266,
 * RFC 5987) and an ASCII `filename` for clients that do not read it.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
