import { leavesNoFacilitator, mayIssuePasswordReset, updateMemberInput } from '@accord/domain';
import { Hono } from 'hono';
import { appendAudit, partnershipChain } from '../audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { mailResetLink } from '../mail/reset.ts';
import { requireMember } from './membership.ts';
import { baseUrl, type PartnershipDeps } from './partnerships.ts';
import { readJson } from './read-json.ts';

/** A facilitator-issued password reset link lives this long. @default 24 hours */
export const RESET_TTL_MS = 24 * 60 * 60_000;

/** `/api/partnerships/:id/members/:personId…`: roles, signatories, removal, password resets. */
export function memberRoutes(deps: PartnershipDeps) {
  const { store, live } = deps;
  const app = new Hono<AppEnv>();

  const facilitatorIds = async (partnershipId: string) =>
    (await store.listMembers(partnershipId))
      .filter((m) => m.role === 'facilitator')
      .map((m) => m.personId);

  app.patch('/:personId', async (c) => {
    const partnershipId = c.req.param('id') ?? '';
    const body = await readJson(c, updateMemberInput);
    if (!body.ok) return body.response;
    const action = body.value.role !== undefined ? 'member.changeRole' : 'member.setSignatory';
    const ctx = await requireMember(c, store, partnershipId, action);
    if (ctx instanceof Response) return ctx;
    if (body.value.role !== undefined && body.value.signatory !== undefined) {
      const other = await requireMember(c, store, partnershipId, 'member.setSignatory');
      if (other instanceof Response) return other;
    }
    const personId = c.req.param('personId');
    const target = await store.getMembership(partnershipId, personId);
    if (!target) return apiError(c, 404, 'not_found', 'No such member.');
    const { role, signatory } = body.value;
    if (
      role &&
      leavesNoFacilitator(await facilitatorIds(partnershipId), { personId, newRole: role })
    ) {
      return apiError(
        c,
        409,
        'last_facilitator',
        'The partnership would have no facilitator left.',
      );
    }
    await store.updateMembership(partnershipId, personId, body.value);
    if (role !== undefined && role !== target.role) {
      live.roleChanged(partnershipId, personId);
      await appendAudit(store, partnershipChain(partnershipId), {
        actorId: ctx.auth.person.id,
        action: 'member.roleChanged',
        data: { personId, from: target.role, to: role },
      });
    }
    if (signatory !== undefined && signatory !== target.signatory) {
      await appendAudit(store, partnershipChain(partnershipId), {
        actorId: ctx.auth.person.id,
        action: 'member.signatoryChanged',
        data: { personId, signatory },
      });
    }
    return c.json({ ...target, ...body.value });
  });

  app.delete('/:personId', async (c) => {
    const partnershipId = c.req.param('id') ?? '';
    const ctx = await requireMember(c, store, partnershipId, 'member.remove');
    if (ctx instanceof Response) return ctx;
    const personId = c.req.param('personId');
    const target = await store.getMembership(partnershipId, personId);
    if (!target) return apiError(c, 404, 'not_found', 'No such member.');
    if (leavesNoFacilitator(await facilitatorIds(partnershipId), { personId, newRole: null })) {
      return apiError(
        c,
        409,
        'last_facilitator',
        'The partnership would have no facilitator left.',
      );
    }
    await store.removeMembership(partnershipId, personId);
    live.accessRevoked(partnershipId, [personId]);
    await appendAudit(store, partnershipChain(partnershipId), {
      actorId: ctx.auth.person.id,
      action: 'member.removed',
      data: { personId, role: target.role },
    });
    return c.json({ ok: true });
  });

  /**
   * A facilitator gives a member a link to set a new password (e.g. read out in a workshop); with
   * mail configured it is also emailed to the member. A mail failure is logged and answered
   * `emailed: false`: the link is stored first and still works.
   */
  app.post('/:personId/password-reset', async (c) => {
    const partnershipId = c.req.param('id') ?? '';
    const ctx = await requireMember(c, store, partnershipId, 'member.issuePasswordReset');
    if (ctx instanceof Response) return ctx;
    const personId = c.req.param('personId');
    if (!(await store.getMembership(partnershipId, personId))) {
      return apiError(c, 404, 'not_found', 'No such member.');
    }
    const [targetMemberships, issuerMemberships] = await Promise.all([
      store.listPartnershipsOf(personId),
      store.listPartnershipsOf(ctx.auth.person.id),
    ]);
    const allowed = mayIssuePasswordReset({
      issuerId: ctx.auth.person.id,
      targetId: personId,
      targetMemberships: targetMemberships.map((m) => ({ partnershipId: m.id, role: m.role })),
      issuerFacilitates: new Set(
        issuerMemberships.filter((m) => m.role === 'facilitator').map((m) => m.id),
      ),
    });
    if (!allowed) {
      return apiError(
        c,
        403,
        'forbidden',
        'A reset link opens every partnership of the account: only for non-facilitators whose partnerships you all facilitate. They can use “forgot password” instead.',
      );
    }
    const person = await store.getPerson(personId);
    const token = newToken();
    const expiresAt = Date.now() + RESET_TTL_MS;
    await store.createPasswordReset({
      hash: hashToken(token),
      personId,
      createdBy: ctx.auth.person.id,
      expiresAt,
    });
    await appendAudit(store, partnershipChain(partnershipId), {
      actorId: ctx.auth.person.id,
      action: 'member.passwordResetIssued',
      data: { personId },
    });
    const url = `${baseUrl(c, deps)}/reset/${token}`;
    const emailed = person
      ? await mailResetLink(deps.mailer, person, {
          language: ctx.partnership.language,
          url,
          validHours: RESET_TTL_MS / 3_600_000,
          issuedBy: { name: ctx.auth.person.name, partnership: ctx.partnership.name },
        })
      : false;
    return c.json({ url, token, expiresAt, emailed }, 201);
  });

  return app;
}
