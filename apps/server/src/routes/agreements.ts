import { createHash } from 'node:crypto';
import {
  type AgreementState,
  can,
  decideAgreementInput,
  maySignFor,
  moveAgreementInput,
} from '@accord/domain';
import { isStoreError, type Store } from '@accord/store';
import { Hono } from 'hono';
import { type AgreementLifecycle, AgreementRefusal } from '../agreements/lifecycle.ts';
import { agreementView } from '../agreements/view.ts';
import { appendAudit, partnershipChain } from '../audit.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { attachmentDisposition } from '../exports/content-disposition.ts';
import { type DocumentContext, requireDocument } from './document-access.ts';
import { readJson } from './read-json.ts';

/** Store refusals that a race can still produce after the lifecycle's own checks. */
const storeRefusals = {
  agreement_conflict: 'invalid_transition',
  stale_fingerprint: 'stale_fingerprint',
  already_decided: 'already_decided',
  no_decision: 'no_decision',
} as const;

/**
 * Agreement sign-off under `/api/documents/:id/agreement`: the lifecycle (facilitators), the
 * decisions of signatories, the locked text, and the exports of a final agreement.
 */
export function agreementRoutes(deps: { store: Store; lifecycle: AgreementLifecycle }) {
  const { store, lifecycle } = deps;
  const app = new Hono<AppEnv>();

  const refused = async <T>(c: Parameters<typeof apiError>[0], run: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await run() };
    } catch (error) {
      if (error instanceof AgreementRefusal) {
        return {
          ok: false as const,
          response: apiError(c, error.status, error.code, error.message),
        };
      }
      if (isStoreError(error) && error.code in storeRefusals) {
        const code = storeRefusals[error.code as keyof typeof storeRefusals];
        return { ok: false as const, response: apiError(c, 409, code, error.message) };
      }
      throw error;
    }
  };

  const view = async (ctx: DocumentContext) =>
    agreementView(store, ctx.document, await lifecycle.current(ctx.document), {
      person: ctx.auth.person,
      membership: ctx.membership,
      canMove: can(ctx.membership.role, 'agreement.move'),
    });

  const agreementOnly = (c: Parameters<typeof apiError>[0], ctx: DocumentContext) =>
    ctx.document.kind === 'agreement'
      ? null
      : apiError(c, 409, 'not_an_agreement', 'Only agreements are signed.');

  app.get('/:id/agreement', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const notAgreement = agreementOnly(c, ctx);
    if (notAgreement) return notAgreement;
    return c.json(await view(ctx));
  });

  app.post('/:id/agreement/state', async (c) => {
    const ctx = await requireDocument(c, store, 'agreement.move');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, moveAgreementInput);
    if (!body.ok) return body.response;
    const moved = await refused(c, () =>
      lifecycle.move(ctx.document, body.value.to as AgreementState, ctx.auth.person.id),
    );
    if (!moved.ok) return moved.response;
    return c.json(await view(ctx));
  });

  app.post('/:id/agreement/decisions', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const notAgreement = agreementOnly(c, ctx);
    if (notAgreement) return notAgreement;
    const body = await readJson(c, decideAgreementInput);
    if (!body.ok) return body.response;
    if (!ctx.membership.signatory) {
      return apiError(c, 403, 'not_a_signatory', 'Only signatories decide on agreements.');
    }
    const decided = await refused(c, () =>
      lifecycle.decide(ctx.document, {
        personId: ctx.auth.person.id,
        organisationId: ctx.auth.person.organisationId,
        role: ctx.membership.role,
        decision: body.value.decision,
        fingerprint: body.value.fingerprint,
        reason: body.value.decision === 'declined' ? (body.value.reason ?? null) : null,
      }),
    );
    if (!decided.ok) return decided.response;
    return c.json(await view(ctx), 201);
  });

  // A signatory withdraws their organisation's decision in force (e.g. to lift a decline).
  app.delete('/:id/agreement/decisions/:organisationId', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const organisationId = c.req.param('organisationId');
    const current = await lifecycle.current(ctx.document);
    const version = await store.getAgreementVersion(ctx.document.id, current.version);
    if (
      organisationId !== ctx.auth.person.organisationId ||
      !maySignFor(ctx.membership, organisationId, version?.parties ?? [])
    ) {
      return apiError(
        c,
        403,
        'not_a_signatory',
        'Only a signatory of that organisation withdraws its decision.',
      );
    }
    const withdrawn = await refused(c, () =>
      lifecycle.withdraw(ctx.document, { personId: ctx.auth.person.id, organisationId }),
    );
    if (!withdrawn.ok) return withdrawn.response;
    return c.json(await view(ctx));
  });

  // The text being signed (or signed), as the server holds it: the canonical tree of the
  // locked version, parsed from the very bytes that were fingerprinted.
  app.get('/:id/agreement/text', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const current = await lifecycle.current(ctx.document);
    const asked = c.req.query('version');
    const number = asked === undefined ? current.version : Number(asked);
    const version =
      Number.isInteger(number) && number > 0
        ? await store.getAgreementVersion(ctx.document.id, number)
        : undefined;
    if (!version) return apiError(c, 404, 'not_found', 'No locked version of this agreement.');
    return c.json({
      version: version.version,
      fingerprint: version.fingerprint,
      canonicalVersion: version.canonicalVersion,
      document: JSON.parse(new TextDecoder().decode(version.canonical)),
    });
  });

  app.get('/:id/agreement/exports/:name', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const file = await store.getAgreementExport(ctx.document.id, c.req.param('name'));
    if (!file) return apiError(c, 404, 'not_found', 'No such export.');
    // Exporting a final agreement is a sensitive action (DESIGN.md): it goes into the audit.
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'agreement.exported',
      data: { documentId: ctx.document.id, name: file.name, sha256: file.sha256 },
    });
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': attachmentDisposition(file.name),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Content-SHA256': file.sha256,
    });
  });

  return app;
}

/** SHA-256 (hex) of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
