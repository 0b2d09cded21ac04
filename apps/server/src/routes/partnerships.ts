import {
  addOrganisationInput,
  createDocumentInput,
  createInvitationInput,
  createPartnershipInput,
  newId,
  updatePartnershipInput,
} from '@accord/domain';
import { createTemplateState } from '@accord/editor';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import type { AgreementLifecycle } from '../agreements/lifecycle.ts';
import { appendAudit, partnershipChain, verifyChain } from '../audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { LiveAccess } from '../live-access.ts';
import type { Mailer } from '../mail/mailer.ts';
import { publicPerson } from '../people.ts';
import { memberRoutes } from './members.ts';
import { requireMember } from './membership.ts';
import { readJson } from './read-json.ts';

const DEFAULT_ORGANISATION_COLOUR = '#1d4ed8';

export interface PartnershipDeps {
  store: Store;
  live: LiveAccess;
  /** Base URL for links in invitations and password resets (the request's origin by default). */
  publicUrl: string | null;
  /** Also emails facilitator-issued reset links, when enabled. */
  mailer: Mailer;
  /** Told when an organisation leaves, for the agreements it was signing. */
  agreements: Pick<AgreementLifecycle, 'partyLeft'>;
  /** Told of each new document, so its template's actions are indexed without an edit. */
  actionIndex?: { schedule(documentId: string): void };
}

export function partnershipRoutes(deps: PartnershipDeps) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    return c.json(await store.listPartnershipsOf(auth.person.id));
  });

  app.post('/', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const body = await readJson(c, createPartnershipInput);
    if (!body.ok) return body.response;
    const now = Date.now();
    const partnership = {
      id: newId(),
      name: body.value.name,
      purpose: body.value.purpose,
      language: body.value.language,
      createdAt: now,
    };
    await store.createPartnership(partnership);
    await store.addParticipation({
      partnershipId: partnership.id,
      organisationId: auth.person.organisationId,
      colour: body.value.colour ?? DEFAULT_ORGANISATION_COLOUR,
      joinedAt: now,
      leftAt: null,
    });
    await store.addMembership({
      partnershipId: partnership.id,
      personId: auth.person.id,
      role: 'facilitator',
      signatory: true,
      createdAt: now,
    });
    await appendAudit(store, partnershipChain(partnership.id), {
      actorId: auth.person.id,
      action: 'partnership.created',
      data: { partnershipId: partnership.id, organisationId: auth.person.organisationId },
    });
    return c.json(partnership, 201);
  });

  app.get('/:id', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'partnership.view');
    if (ctx instanceof Response) return ctx;
    const id = ctx.partnership.id;
    const [participations, members, documents] = await Promise.all([
      store.listParticipations(id),
      store.listMembers(id),
      // Archived documents only when asked (`?includeArchived=1`), e.g. to restore one.
      store.listDocuments(id, { includeArchived: c.req.query('includeArchived') === '1' }),
    ]);
    return c.json({
      partnership: ctx.partnership,
      membership: ctx.membership,
      organisations: participations
        .filter((p) => p.leftAt === null)
        .map((p) => ({ ...p.organisation, colour: p.colour, joinedAt: p.joinedAt })),
      members: members.map((m) => ({
        ...publicPerson(m.person),
        role: m.role,
        signatory: m.signatory,
        joinedAt: m.createdAt,
      })),
      documents,
    });
  });

  app.patch('/:id', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'partnership.update');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, updatePartnershipInput);
    if (!body.ok) return body.response;
    await store.updatePartnership(ctx.partnership.id, body.value);
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'partnership.updated',
      data: { fields: Object.keys(body.value) },
    });
    return c.json({ ...ctx.partnership, ...body.value });
  });

  app.post('/:id/organisations', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'organisation.add');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, addOrganisationInput);
    if (!body.ok) return body.response;
    const now = Date.now();
    let organisationId: string;
    if ('organisation' in body.value) {
      organisationId = newId();
      await store.createOrganisation({
        id: organisationId,
        ...body.value.organisation,
        createdAt: now,
      });
    } else {
      organisationId = body.value.organisationId;
      if (!(await store.getOrganisation(organisationId))) {
        return apiError(c, 404, 'not_found', 'No such organisation.');
      }
    }
    await store.addParticipation({
      partnershipId: ctx.partnership.id,
      organisationId,
      colour: body.value.colour,
      joinedAt: now,
      leftAt: null,
    });
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'organisation.added',
      data: { organisationId },
    });
    const organisation = await store.getOrganisation(organisationId);
    return c.json({ ...organisation, colour: body.value.colour, joinedAt: now }, 201);
  });

  app.delete('/:id/organisations/:organisationId', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'organisation.remove');
    if (ctx instanceof Response) return ctx;
    const organisationId = c.req.param('organisationId');
    const participation = await store.getParticipation(ctx.partnership.id, organisationId);
    if (!participation || participation.leftAt !== null) {
      return apiError(c, 404, 'not_found', 'This organisation does not take part.');
    }
    const members = await store.listMembers(ctx.partnership.id);
    const facilitatorsLeft = members.filter(
      (m) => m.role === 'facilitator' && m.person.organisationId !== organisationId,
    );
    if (facilitatorsLeft.length === 0) {
      return apiError(
        c,
        409,
        'last_facilitator',
        'The partnership would have no facilitator left.',
      );
    }
    const removed = await store.endParticipation(ctx.partnership.id, organisationId, Date.now());
    deps.live.accessRevoked(ctx.partnership.id, removed);
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'organisation.left',
      data: { organisationId, removedPersonIds: removed },
    });
    // A party that leaves cannot sign: the agreements it was signing go back to review.
    await deps.agreements.partyLeft(ctx.partnership.id, organisationId);
    return c.json({ ok: true, removedPersonIds: removed });
  });

  app.route('/:id/members', memberRoutes(deps));

  app.post('/:id/invitations', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'member.invite');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, createInvitationInput);
    if (!body.ok) return body.response;
    const participation = await store.getParticipation(
      ctx.partnership.id,
      body.value.organisationId,
    );
    if (!participation || participation.leftAt !== null) {
      return apiError(c, 404, 'not_found', 'This organisation does not take part.');
    }
    const token = newToken();
    const now = Date.now();
    const invitation = {
      id: newId(),
      tokenHash: hashToken(token),
      partnershipId: ctx.partnership.id,
      organisationId: body.value.organisationId,
      role: body.value.role,
      createdBy: ctx.auth.person.id,
      createdAt: now,
      expiresAt: now + body.value.expiresInDays * 24 * 60 * 60_000,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    };
    await store.createInvitation(invitation);
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'invitation.created',
      data: {
        invitationId: invitation.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
      },
    });
    const { tokenHash: _secret, ...visible } = invitation;
    // The token is shown once, here; the store keeps only its hash.
    return c.json({ ...visible, token, url: `${baseUrl(c, deps)}/invitation/${token}` }, 201);
  });

  app.get('/:id/invitations', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'member.invite');
    if (ctx instanceof Response) return ctx;
    const invitations = await store.listInvitations(ctx.partnership.id);
    return c.json(invitations.map(({ tokenHash: _secret, ...visible }) => visible));
  });

  app.delete('/:id/invitations/:invitationId', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'member.invite');
    if (ctx instanceof Response) return ctx;
    const invitation = await store.getInvitation(c.req.param('invitationId'));
    if (!invitation || invitation.partnershipId !== ctx.partnership.id) {
      return apiError(c, 404, 'not_found', 'No such invitation.');
    }
    await store.revokeInvitation(invitation.id, Date.now());
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'invitation.revoked',
      data: { invitationId: invitation.id },
    });
    return c.json({ ok: true });
  });

  app.post('/:id/documents', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'document.create');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, createDocumentInput);
    if (!body.ok) return body.response;
    const now = Date.now();
    const document = {
      id: newId(),
      partnershipId: ctx.partnership.id,
      title: body.value.title,
      kind: body.value.kind,
      language: body.value.language ?? ctx.partnership.language,
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    // Content is made here, from the template, through the same Lexical nodes as the browser:
    // clients never bootstrap a document.
    await store.createDocument(
      document,
      createTemplateState(document.kind, { title: document.title }),
    );
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'document.created',
      data: { documentId: document.id, kind: document.kind },
    });
    deps.actionIndex?.schedule(document.id);
    return c.json(document, 201);
  });

  /** The partnership's audit log as JSON Lines, one entry per line, oldest first. */
  app.get('/:id/audit', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'audit.download');
    if (ctx instanceof Response) return ctx;
    const entries = await store.listAudit(partnershipChain(ctx.partnership.id));
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="accord-audit-${ctx.partnership.id}.jsonl"`,
    );
    return c.body(entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
  });

  app.get('/:id/audit/verify', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'audit.download');
    if (ctx instanceof Response) return ctx;
    return c.json(verifyChain(await store.listAudit(partnershipChain(ctx.partnership.id))));
  });

  return app;
}

export function baseUrl(c: { req: { url: string } }, deps: { publicUrl: string | null }): string {
  return deps.publicUrl ?? new URL(c.req.url).origin;
}
