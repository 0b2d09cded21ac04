/**
 * Link addresses accepted in documents. Only schemes that are safe to open from an agreement:
 * web pages, email and phone. `javascript:`, `data:` and the like are refused.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isValidLinkUrl(url: string): boolean {
  if (url.length === 0 || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    return parsed.hostname.includes('.') || parsed.hostname === 'localhost';
  }
  return parsed.pathname.length > 0;
}

/**
 * What a person typed, made into an address: "www.exemple.fr" → "https://www.exemple.fr",
 * "nom@exemple.fr" → "mailto:nom@exemple.fr". Returns null when it still is not valid.
 */
export function normaliseLinkUrl(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const candidates = [trimmed];
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) candidates.push(`mailto:${trimmed}`);
    else candidates.push(`https://${trimmed.replace(/^\/\//, '')}`);
  }
  for (const candidate of candidates) {
    if (isValidLinkUrl(candidate)) return candidate;
  }
  return null;
}
