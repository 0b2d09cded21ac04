import { useSyncExternalStore } from 'react';
import { requestNavigationFocus } from './focus.ts';

/**
 * A pathname router on the history API: three routes do not need a library. `navigate()` pushes
 * a new entry and notifies subscribers; the back button comes through `popstate`.
 */

export type Route =
  | { name: 'home' }
  | { name: 'partnership'; id: string }
  | { name: 'document'; id: string }
  | { name: 'not-found' };

const NAVIGATE_EVENT = 'accord:navigate';

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded === '' ? null : decoded;
  } catch {
    return null; // a malformed %-escape is a page that does not exist
  }
}

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const match = /^\/([pd])\/([^/]+)\/?$/.exec(pathname);
  if (match === null) return { name: 'not-found' };
  const id = decodeSegment(match[2] ?? '');
  if (id === null) return { name: 'not-found' };
  return match[1] === 'p' ? { name: 'partnership', id } : { name: 'document', id };
}

export const paths = {
  home: () => '/',
  partnership: (id: string) => `/p/${encodeURIComponent(id)}`,
  document: (id: string) => `/d/${encodeURIComponent(id)}`,
};

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  requestNavigationFocus();
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function onPopState(): void {
  requestNavigationFocus();
}

function subscribe(onChange: () => void): () => void {
  // Registered before `onChange`, so the focus request is in place when the new page renders.
  window.addEventListener('popstate', onPopState);
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname);
}
