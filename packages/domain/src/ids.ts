/**
 * Opaque identifiers: 16 URL-safe characters from 12 random bytes (96 bits), short enough for
 * URLs, unguessable enough that an id alone never grants anything (the server still checks).
 */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_');
}

/** What an id looks like on the wire; anything else cannot name a record. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
