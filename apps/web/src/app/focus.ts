/**
 * Set when the user navigates inside the app; the next page heading takes focus once. A first
 * page load leaves focus where the browser puts it.
 */
let pending = false;

export function requestNavigationFocus(): void {
  pending = true;
}

export function consumeNavigationFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
