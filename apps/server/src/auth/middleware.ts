import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { Sessions } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the session cookie on every API request; `c.var.auth` is null when signed out. */
export function authenticate(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    c.set('auth', await sessions.fromRequest(c));
    await next();
  };
}

/**
 * State-changing requests, once signed in, carry the session's CSRF token in `x-csrf-token`: the
 * cookie alone never authorises a change. POSTs must also be JSON, which a cross-site form cannot
 * send without a CORS preflight the API never grants — this covers sign-in and sign-up, which
 * have no session yet. (Forms cannot send PATCH or DELETE at all.)
 */
export function protectWrites(): MiddlewareHandler<AppEnv> {
  return async function protectWrites(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'POST' && !type.toLowerCase().startsWith('application/json')) {
      return apiError(
        c,
        415,
        'unsupported_media_type',
        'Send JSON (content-type: application/json).',
      );
    }
    const auth = c.get('auth');
    if (auth && c.req.header('x-csrf-token') !== auth.session.csrfToken) {
      return apiError(c, 403, 'csrf_failed', 'Missing or wrong x-csrf-token header.');
    }
    return next();
  };
}

/** 401 unless signed in. */
export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async function requireAuth(c, next) {
    if (!c.get('auth')) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    return next();
  };
}
