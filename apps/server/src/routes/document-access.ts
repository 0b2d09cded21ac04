import { type Action, ID_PATTERN } from '@accord/domain';
import type { DocumentRecord, Store } from '@accord/store';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { type MemberContext, requireMember } from './membership.ts';

export type DocumentContext = MemberContext & { document: DocumentRecord };

/**
 * The document named by the route's `:id` and the caller's membership of its partnership, with
 * `action` checked. Someone who is not a member gets the same 404 as for a document that does
 * not exist; a member without the right gets 403.
 */
export async function requireDocument(
  c: Context<AppEnv>,
  store: Store,
  action: Action,
): Promise<DocumentContext | Response> {
  const id = c.req.param('id') ?? '';
  const document = ID_PATTERN.test(id) ? await store.getDocument(id) : undefined;
  if (!document) return apiError(c, 404, 'not_found', 'No such document.');
  const ctx = await requireMember(c, store, document.partnershipId, action);
  if (ctx instanceof Response) {
    // Not a member: the document does not exist for them either.
    return ctx.status === 404 ? apiError(c, 404, 'not_found', 'No such document.') : ctx;
  }
  return { ...ctx, document };
}
