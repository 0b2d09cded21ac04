import type { MembershipRecord, PartnershipRecord } from '@accord/domain';
import { type Action, can, ID_PATTERN } from '@accord/domain';
import type { Store } from '@accord/store';
import type { Context } from 'hono';
import type { AppEnv, Auth } from '../env.ts';
import { apiError } from '../errors.ts';

export interface MemberContext {
  auth: Auth;
  partnership: PartnershipRecord;
  membership: MembershipRecord;
}

/**
 * Resolves the partnership of a request and the caller's membership, and checks `action`.
 * Someone who is not a member gets the same 404 as for a partnership that does not exist: ids
 * of other partnerships reveal nothing. A member without the right gets 403.
 */
export async function requireMember(
  c: Context<AppEnv>,
  store: Store,
  partnershipId: string,
  action: Action,
): Promise<MemberContext | Response> {
  const auth = c.get('auth');
  if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
  const partnership = ID_PATTERN.test(partnershipId)
    ? await store.getPartnership(partnershipId)
    : undefined;
  const membership = partnership
    ? await store.getMembership(partnershipId, auth.person.id)
    : undefined;
  if (!partnership || !membership) return apiError(c, 404, 'not_found', 'No such partnership.');
  if (!can(membership.role, action)) {
    return apiError(
      c,
      403,
      'forbidden',
      `Your role (${membership.role}) does not allow ${action}.`,
    );
  }
  return { auth, partnership, membership };
}
