import WebSocket from 'ws';

/** The demo seed's password for every demo account (see apps/server/src/seed.ts). */
export const DEMO_PASSWORD = 'accord-demo';

/** Demo accounts by role, as seeded. */
export const demo = {
  facilitator: 'claire@demo.accord',
  editor: 'karim@demo.accord',
  editorOtherOrganisation: 'sophie@demo.accord',
  commenter: 'lucas@demo.accord',
  viewer: 'nadia@demo.accord',
} as const;

/** A signed-in HTTP client: the session cookie and the CSRF token every write must carry. */
export interface TestSession {
  baseUrl: string;
  cookie: string;
  csrfToken: string;
  personId: string;
  organisationId: string;
}

export async function signIn(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await fetch(`${baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return sessionFrom(baseUrl, response);
}

export async function sessionFrom(baseUrl: string, response: Response): Promise<TestSession> {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('accord_session='));
  if (!setCookie) throw new Error('no session cookie in the response');
  const body = (await response.json()) as {
    csrfToken: string;
    person: { id: string; organisationId: string };
  };
  return {
    baseUrl,
    cookie: setCookie.split(';')[0]!,
    csrfToken: body.csrfToken,
    personId: body.person.id,
    organisationId: body.person.organisationId,
  };
}

/** fetch as the signed-in person, with the cookie, JSON and the CSRF header. */
export function api(
  session: TestSession,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  return fetch(`${session.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export async function apiJson<T>(
  session: TestSession,
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  const response = await api(session, path, init);
  if (!response.ok)
    throw new Error(
      `${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as T;
}

/**
 * A `ws` WebSocket class that sends the session cookie, as a browser would (minus the Origin, which
 * only browsers send). Reconnects reuse it, so a reconnecting test client stays signed in.
 */
export function cookieWebSocket(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}
