import { useSyncExternalStore } from 'react';
import { configureSessionHooks, fetchSession, type Me, setCsrfToken } from '../api/index.ts';

/**
 * Who is signed in, for the whole app. The session cookie is HttpOnly: the app learns who it is
 * from `GET /api/auth/session` (and the sign-in, sign-up and reset answers), which also carry the
 * CSRF token every write must send. Other tabs hear of a sign-in or sign-out through a
 * BroadcastChannel and ask the server again.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-out'; lastEmail: string | null }
  | { status: 'signed-in'; me: Me };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('accord:session');

function set(next: SessionState): void {
  state = next;
  setCsrfToken(next.status === 'signed-in' ? next.me.csrfToken : null);
  for (const listener of listeners) listener();
}

function lastEmail(): string | null {
  return state.status === 'signed-in'
    ? state.me.person.email
    : state.status === 'signed-out'
      ? state.lastEmail
      : null;
}

export function getSession(): SessionState {
  return state;
}

/** Asks the server who is signed in. Resolves true when someone is. */
export async function loadSession(): Promise<boolean> {
  try {
    const me = await fetchSession();
    if (me === null) set({ status: 'signed-out', lastEmail: lastEmail() });
    else set({ status: 'signed-in', me });
    return me !== null;
  } catch (error) {
    // Keep a known session through a network blip; only a first load shows the error.
    if (state.status === 'loading' || state.status === 'error') set({ status: 'error', error });
    return false;
  }
}

/** After a sign-in, sign-up or reset answered with the person and a fresh CSRF token. */
export function signedIn(me: Me): void {
  set({ status: 'signed-in', me });
  channel?.postMessage('changed');
}

/**
 * The server said the session is gone (401): remember the email to offer it again. After an
 * explicit sign-out (`byChoice`), forget it.
 */
export function signedOut({ byChoice = false }: { byChoice?: boolean } = {}): void {
  if (state.status === 'signed-out' && !byChoice) return;
  set({ status: 'signed-out', lastEmail: byChoice ? null : lastEmail() });
}

/** Tells the other tabs to ask the server who is signed in now (after a sign-out). */
export function announceSessionChange(): void {
  channel?.postMessage('changed');
}

configureSessionHooks({
  onUnauthenticated: () => signedOut(),
  refreshSession: loadSession,
});

channel?.addEventListener('message', () => {
  void loadSession();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession);
}

/** The signed-in person; only for components rendered behind <RequireSession>. */
export function useMe(): Me {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useMe() needs a signed-in session');
  return session.me;
}
