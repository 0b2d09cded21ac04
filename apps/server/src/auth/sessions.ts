import type { PersonRecord, SessionRecord } from '@accord/domain';
import type { Store } from '@accord/store';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'accord_session';

export interface SessionOptions {
  /** A session unused for this long expires. @default 12 hours: a workshop day, not a week. */
  idleMs: number;
  /** Set the cookie's Secure flag (behind HTTPS). */
  secureCookies: boolean;
}

/**
 * Sessions live in the store; the cookie holds a random token and the store only its hash.
 * Activity moves the idle expiry forward, at most once a minute per session to spare the store.
 */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly options: SessionOptions,
  ) {}

  async create(c: Context, personId: string): Promise<SessionRecord> {
    const token = newToken();
    const now = Date.now();
    const session: SessionRecord = {
      id: hashToken(token),
      personId,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.options.idleMs,
    };
    await this.store.createSession(session);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: this.options.secureCookies,
      path: '/',
    });
    return session;
  }

  /** The live session behind a request's cookie, touched; null when absent or expired. */
  async fromRequest(c: Context): Promise<{ session: SessionRecord; person: PersonRecord } | null> {
    const token = getCookie(c, SESSION_COOKIE);
    return token ? this.fromToken(token) : null;
  }

  async fromToken(token: string): Promise<{ session: SessionRecord; person: PersonRecord } | null> {
    const session = await this.store.getSession(hashToken(token));
    const now = Date.now();
    if (!session || session.expiresAt <= now) return null;
    const person = await this.store.getPerson(session.personId);
    if (!person || person.erasedAt !== null) return null;
    await this.touch(session, now);
    return { session, person };
  }

  /** Marks activity (a request, or typing on a socket). */
  async touch(session: SessionRecord, now = Date.now()): Promise<void> {
    // At most one write a minute (or four per idle period, for short idle times).
    if (now - session.lastSeenAt < Math.min(60_000, this.options.idleMs / 4)) return;
    session.lastSeenAt = now;
    session.expiresAt = now + this.options.idleMs;
    await this.store.touchSession(session.id, now, session.expiresAt);
  }

  async end(c: Context, sessionId: string): Promise<void> {
    await this.store.deleteSession(sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  }
}
