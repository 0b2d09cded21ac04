/**
 * Links leave Accord in files people open elsewhere: only web, mail and phone links become links
 * (the editor accepts no other scheme, but an old or crafted state might hold one). Anything else
 * is rendered as its text alone.
 */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? url : null;
  } catch {
    return null;
  }
}
