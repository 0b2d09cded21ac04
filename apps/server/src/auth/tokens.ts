import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie, a link or a ticket: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the store keeps of a secret: its SHA-256. A stolen database then holds no usable session,
 * ticket or link (the tokens have 256 bits of entropy, so no salt or slow hash is needed).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
