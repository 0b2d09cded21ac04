import { useSyncExternalStore } from 'react';
import { requestNavigationFocus } from './focus.ts';

/**
 * A pathname router on the history API: a handful of routes do not need a library. `navigate()` pushes
 * a new entry and notifies subscribers; the back button comes through `popstate`.
 */

export type Route =
  | { name: 'home' }
  | { name: 'partnership'; id: string }
  | { name: 'inbox'; partnershipId: string }
  | { name: 'plan-actions'; documentId: string }
  | { name: 'commitments'; partnershipId: string }
  | { name: 'document'; id: string }
  | { name: 'signup' }
  | { name: 'account' }
  | { name: 'forgot' }
  | { name: 'invitation'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'verify' }
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
  if (/^\/signup\/?$/.test(pathname)) return { name: 'signup' };
  if (/^\/account\/?$/.test(pathname)) return { name: 'account' };
  if (/^\/forgot\/?$/.test(pathname)) return { name: 'forgot' };
  const inbox = /^\/p\/([^/]+)\/inbox\/?$/.exec(pathname);
  if (inbox !== null) {
    const partnershipId = decodeSegment(inbox[1] ?? '');
    return partnershipId === null ? { name: 'not-found' } : { name: 'inbox', partnershipId };
  }
  const planActions = /^\/d\/([^/]+)\/actions\/?$/.exec(pathname);
  if (planActions !== null) {
    const documentId = decodeSegment(planActions[1] ?? '');
    return documentId === null ? { name: 'not-found' } : { name: 'plan-actions', documentId };
  }
  const commitments = /^\/p\/([^/]+)\/commitments\/?$/.exec(pathname);
  if (commitments !== null) {
    const partnershipId = decodeSegment(commitments[1] ?? '');
    return partnershipId === null ? { name: 'not-found' } : { name: 'commitments', partnershipId };
  }
  if (/^\/verifier\/?$/.test(pathname)) return { name: 'verify' };
  const match = /^\/(p|d|invitation|reset)\/([^/]+)\/?$/.exec(pathname);
  if (match === null) return { name: 'not-found' };
  const value = decodeSegment(match[2] ?? '');
  if (value === null) return { name: 'not-found' };
  switch (match[1]) {
    case 'p':
      return { name: 'partnership', id: value };
    case 'd':
      return { name: 'document', id: value };
    case 'invitation':
      return { name: 'invitation', token: value };
    default:
      return { name: 'reset', token: value };
  }
}

export const paths = {
  home: () => '/',
  partnership: (id: string) => `/p/${encodeURIComponent(id)}`,
  inbox: (partnershipId: string) => `/p/${encodeURIComponent(partnershipId)}/inbox`,
  document: (id: string) => `/d/${encodeURIComponent(id)}`,
  planActions: (documentId: string) => `/d/${encodeURIComponent(documentId)}/actions`,
  commitments: (partnershipId: string) => `/p/${encodeURIComponent(partnershipId)}/commitments`,
  signup: () => '/signup',
  account: () => '/account',
  forgot: () => '/forgot',
  verify: () => '/verifier',
  invitation: (token: string) => `/invitation/${encodeURIComponent(token)}`,
  reset: (token: string) => `/reset/${encodeURIComponent(token)}`,
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
