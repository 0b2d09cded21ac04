/**
 * Said on `window` when what waits for my signature may have changed in this tab (the signing
 * panel saw a move or a decision), so the header's count refreshes without waiting a minute.
 */
export const TO_SIGN_CHANGED = 'accord:to-sign-changed';

export function announceToSignChanged(): void {
  window.dispatchEvent(new Event(TO_SIGN_CHANGED));
}
