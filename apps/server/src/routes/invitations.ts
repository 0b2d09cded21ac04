import type { Store } from '@accord/store';
import { Hono } from 'hono';
import { appendAudit, partnershipChain } from '../audit.ts';
import { hashToken } from '../auth/tokens.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { invitationError } from './auth.ts';

/** `/api/invitations/:token`: what the link offers, and accepting it with an existing account. */
export function invitationRoutes(store: Store) {
  const app = new Hono<AppEnv>();

  app.get('/:token', async (c) => {
    const invitation = await store.findInvitationByTokenHash(hashToken(c.req.param('token')));
    if (!invitation) return apiError(c, 404, 'invitation_not_found', 'No such invitation.');
    const [partnership, organisation] = await Promise.all([
      store.getPartnership(invitation.partnershipId),
      store.getOrganisation(invitation.organisationId),
    ]);
    const now = Date.now();
    const status = invitation.revokedAt
      ? 'revoked'
      : invitation.usedAt
        ? 'used'
        : invitation.expiresAt <= now
          ? 'expired'
          : 'valid';
    return c.json({
      status,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      partnership: partnership && {
        id: partnership.id,
        name: partnership.name,
        language: partnership.language,
      },
      organisation: organisation && {
        id: organisation.id,
        name: organisation.name,
        sector: organisation.sector,
      },
    });
  });

  app.post('/:token/accept', async (c) => {
    const auth = c.get('auth');
    if (!auth)
      return apiError(c, 401, 'unauthenticated', 'Sign in first, or sign up with this link.');
    const invitation = await store.findInvitationByTokenHash(hashToken(c.req.param('token')));
    if (!invitation) return apiError(c, 404, 'invitation_not_found', 'No such invitation.');
    const result = await store.acceptInvitation({
      invitationId: invitation.id,
      at: Date.now(),
      person: { existingId: auth.person.id },
    });
    if (!result.ok) return invitationError(c, result.reason);
    await appendAudit(store, partnershipChain(invitation.partnershipId), {
      actorId: auth.person.id,
      action: 'member.joined',
      data: {
        personId: auth.person.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
        invitationId: invitation.id,
      },
    });
    return c.json({ partnershipId: invitation.partnershipId, membership: result.membership });
  });

  return app;
}
