import {
  changePasswordInput,
  erasureInput,
  forgotPasswordInput,
  newId,
  resetPasswordInput,
  signInInput,
  signUpInput,
} from '@accord/domain';
import type { PersonRecord, Store } from '@accord/store';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { appendAudit, partnershipChain } from '../audit.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords.ts';
import { FailureLimiter } from '../auth/rate-limit.ts';
import type { Sessions } from '../auth/sessions.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { BackgroundTasks } from '../background.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { LiveAccess } from '../live-access.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailResetLink } from '../mail/reset.ts';
import { colourFor, publicPerson } from '../people.ts';
import { RESET_TTL_MS } from './members.ts';
import { baseUrl } from './partnerships.ts';
import { readJson } from './read-json.ts';

/** Single-use websocket tickets for non-browser clients live this long. @default 60 s */
export const TICKET_TTL_MS = 60_000;

/** `POST /api/auth/forgot` answers this many requests per email, and per address, per hour. */
export const FORGOT_LIMITS = { perEmail: 5, perAddress: 30, windowMs: 60 * 60_000 };

export function authRoutes(deps: {
  store: Store;
  sessions: Sessions;
  live: LiveAccess;
  mailer: Mailer;
  background: BackgroundTasks;
  publicUrl: string | null;
}) {
  const { store, sessions, live, mailer, background } = deps;
  const app = new Hono<AppEnv>();
  // Ten wrong passwords per account per quarter hour, and a hundred per address.
  const perAccount = new FailureLimiter(10, 15 * 60_000);
  const perAddress = new FailureLimiter(100, 15 * 60_000);
  // Reset requests by mail: every request counts, whether or not the account exists.
  const forgotPerEmail = new FailureLimiter(FORGOT_LIMITS.perEmail, FORGOT_LIMITS.windowMs);
  const forgotPerAddress = new FailureLimiter(FORGOT_LIMITS.perAddress, FORGOT_LIMITS.windowMs);

  const me = async (person: PersonRecord, csrfToken: string) => ({
    person: { ...publicPerson(person), email: person.email },
    organisation: (await store.getOrganisation(person.organisationId)) ?? null,
    csrfToken,
  });

  app.get('/session', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Not signed in.');
    return c.json(await me(auth.person, auth.session.csrfToken));
  });

  app.post('/signup', async (c) => {
    const body = await readJson(c, signUpInput);
    if (!body.ok) return body.response;
    const input = body.value;
    const now = Date.now();
    const id = newId();
    const passwordHash = await hashPassword(input.password);
    const base = {
      id,
      name: input.name,
      email: input.email,
      colour: colourFor(id),
      createdAt: now,
      erasedAt: null,
    };

    if ('invitationToken' in input) {
      const invitation = await store.findInvitationByTokenHash(hashToken(input.invitationToken));
      if (!invitation) return apiError(c, 404, 'invitation_not_found', 'No such invitation.');
      const person: PersonRecord = { ...base, organisationId: invitation.organisationId };
      const result = await store.acceptInvitation({
        invitationId: invitation.id,
        at: now,
        person: { create: person, passwordHash },
      });
      if (!result.ok) return invitationError(c, result.reason);
      await appendAudit(store, partnershipChain(invitation.partnershipId), {
        actorId: id,
        action: 'member.joined',
        data: {
          personId: id,
          organisationId: invitation.organisationId,
          role: invitation.role,
          invitationId: invitation.id,
        },
      });
      const session = await sessions.create(c, id);
      return c.json(
        { ...(await me(person, session.csrfToken)), partnershipId: invitation.partnershipId },
        201,
      );
    }

    if (await store.findPersonByEmail(input.email)) {
      return apiError(c, 409, 'email_taken', 'An account already uses this email.');
    }
    const organisationId = newId();
    await store.createOrganisation({ id: organisationId, ...input.organisation, createdAt: now });
    const person: PersonRecord = { ...base, organisationId };
    try {
      await store.createPerson(person, passwordHash);
    } catch (error) {
      if (isCode(error, 'email_taken'))
        return apiError(c, 409, 'email_taken', 'An account already uses this email.');
      throw error;
    }
    const session = await sessions.create(c, id);
    return c.json(await me(person, session.csrfToken), 201);
  });

  app.post('/signin', async (c) => {
    const body = await readJson(c, signInInput);
    if (!body.ok) return body.response;
    const { email, password } = body.value;
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const wait = Math.max(perAccount.retryAfter(email), perAddress.retryAfter(address));
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return apiError(c, 429, 'too_many_attempts', 'Too many failed sign-ins; try again later.');
    }
    const found = await store.findPersonByEmail(email);
    const ok = found?.passwordHash
      ? await verifyPassword(password, found.passwordHash)
      : await verifyAgainstDecoy(password);
    if (!found || !ok || found.person.erasedAt !== null) {
      perAccount.fail(email);
      perAddress.fail(address);
      return apiError(c, 401, 'invalid_credentials', 'Wrong email or password.');
    }
    perAccount.reset(email);
    const session = await sessions.create(c, found.person.id);
    return c.json(await me(found.person, session.csrfToken));
  });

  app.post('/signout', async (c) => {
    const auth = c.get('auth');
    if (auth) {
      await sessions.end(c, auth.session.id);
      live.sessionsEnded([auth.session.id]);
    }
    return c.json({ ok: true });
  });

  app.post('/password', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const body = await readJson(c, changePasswordInput);
    if (!body.ok) return body.response;
    const current = await store.getPasswordHash(auth.person.id);
    if (!current || !(await verifyPassword(body.value.currentPassword, current))) {
      return apiError(c, 401, 'invalid_credentials', 'The current password is wrong.');
    }
    await store.setPasswordHash(auth.person.id, await hashPassword(body.value.newPassword));
    // Other devices signed in with the old password are signed out.
    live.sessionsEnded(await store.deleteSessionsOf(auth.person.id, auth.session.id));
    return c.json({ ok: true });
  });

  app.post('/reset', async (c) => {
    const body = await readJson(c, resetPasswordInput);
    if (!body.ok) return body.response;
    const personId = await store.consumePasswordReset(hashToken(body.value.token), Date.now());
    if (!personId)
      return apiError(c, 400, 'reset_invalid', 'This reset link is unknown, used or expired.');
    await store.setPasswordHash(personId, await hashPassword(body.value.newPassword));
    live.sessionsEnded(await store.deleteSessionsOf(personId));
    const person = await store.getPerson(personId);
    if (!person) return apiError(c, 400, 'reset_invalid', 'This account no longer exists.');
    const session = await sessions.create(c, personId);
    return c.json(await me(person, session.csrfToken));
  });

  /**
   * Self-service reset: emails a link (valid as long as a facilitator-issued one) to the account
   * of that email, if there is one. The answer never depends on it — same status, same body, and
   * the lookup and the mail happen after answering, so neither the time taken does.
   */
  app.post('/forgot', async (c) => {
    if (!mailer.enabled) {
      return apiError(
        c,
        501,
        'mail_disabled',
        'This server sends no mail: ask a facilitator of your partnership for a reset link.',
      );
    }
    const body = await readJson(c, forgotPasswordInput);
    if (!body.ok) return body.response;
    const { email } = body.value;
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const wait = Math.max(forgotPerEmail.retryAfter(email), forgotPerAddress.retryAfter(address));
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return apiError(c, 429, 'too_many_attempts', 'Too many reset requests; try again later.');
    }
    forgotPerEmail.fail(email);
    forgotPerAddress.fail(address);
    const base = baseUrl(c, deps);
    background.run('forgot', async () => {
      const found = await store.findPersonByEmail(email);
      if (!found || found.person.erasedAt !== null) return;
      const person = found.person;
      const token = newToken();
      await store.createPasswordReset({
        hash: hashToken(token),
        personId: person.id,
        createdBy: null,
        expiresAt: Date.now() + RESET_TTL_MS,
      });
      // The language of the person's first partnership; French when they have none.
      const [first] = await store.listPartnershipsOf(person.id);
      await mailResetLink(mailer, person, {
        language: first?.language ?? 'fr',
        url: `${base}/reset/${token}`,
        validHours: RESET_TTL_MS / 3_600_000,
        issuedBy: null,
      });
    });
    return c.json({ ok: true }, 202);
  });

  /**
   * Erases the signed-in person's personal data (GDPR): name, email and password go; what they
   * wrote stays under a neutral label; audit entries name them by id, so every chain still
   * verifies. Confirmed with the password.
   */
  app.post('/erase', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const body = await readJson(c, erasureInput);
    if (!body.ok) return body.response;
    const current = await store.getPasswordHash(auth.person.id);
    if (!current || !(await verifyPassword(body.value.password, current))) {
      return apiError(c, 401, 'invalid_credentials', 'The password is wrong.');
    }
    const partnerships = await store.listPartnershipsOf(auth.person.id);
    await store.erasePerson(auth.person.id, Date.now());
    live.personErased(auth.person.id);
    for (const partnership of partnerships) {
      await appendAudit(store, partnershipChain(partnership.id), {
        actorId: auth.person.id,
        action: 'person.erased',
        data: { personId: auth.person.id },
      });
    }
    await sessions.end(c, auth.session.id);
    return c.json({ ok: true });
  });

  /** A single-use ticket to open a websocket without a cookie (tests, integrations, benchmarks). */
  app.post('/ticket', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const ticket = newToken();
    const expiresAt = Date.now() + TICKET_TTL_MS;
    await store.createTicket({ hash: hashToken(ticket), personId: auth.person.id, expiresAt });
    return c.json({ ticket, expiresAt }, 201);
  });

  return app;
}

export function invitationError(
  c: Parameters<typeof apiError>[0],
  reason:
    | 'invitation_not_found'
    | 'invitation_used'
    | 'invitation_expired'
    | 'invitation_revoked'
    | 'email_taken'
    | 'wrong_organisation'
    | 'already_member',
): Response {
  const messages = {
    invitation_not_found: [404, 'No such invitation.'],
    invitation_used: [410, 'This invitation was already used.'],
    invitation_expired: [410, 'This invitation has expired.'],
    invitation_revoked: [410, 'This invitation was withdrawn.'],
    email_taken: [409, 'An account already uses this email.'],
    wrong_organisation: [409, 'This invitation is for another organisation than yours.'],
    already_member: [409, 'You are already a member of this partnership.'],
  } as const;
  const [status, message] = messages[reason];
  return apiError(c, status, reason, message);
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
