import type { Role } from './roles.ts';

/**
 * Everything a member can try to do in a partnership. The server checks every REST call and
 * every websocket frame against `can`; the client only uses it to hide what would be refused.
 */
export const actions = [
  'partnership.view',
  'partnership.update',
  'document.view',
  'document.export',
  'document.edit',
  'document.comment',
  'comment.resolve',
  'review.manage',
  'review.mark',
  'document.create',
  'document.rename',
  'document.archive',
  'member.invite',
  'member.changeRole',
  'member.remove',
  'member.setSignatory',
  'member.issuePasswordReset',
  'organisation.add',
  'organisation.remove',
  'audit.download',
  'agreement.move',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Role[] = ['facilitator', 'editor', 'commenter', 'viewer'];
const writers: readonly Role[] = ['facilitator', 'editor'];
const facilitators: readonly Role[] = ['facilitator'];

/** Who may do what: one line per action, so a review reads the whole policy at once. */
export const policy: Readonly<Record<Action, readonly Role[]>> = {
  'partnership.view': everyone,
  'partnership.update': facilitators,
  'document.view': everyone,
  // Whoever may read a document may take it away as a file: an export shows nothing more.
  'document.export': everyone,
  'document.edit': writers,
  'document.comment': ['facilitator', 'editor', 'commenter'],
  'comment.resolve': writers,
  'review.manage': facilitators,
  // Commenters take part in review by role, and an organisation may have no editor in a
  // partnership (e.g. a community group that only comments): they may speak for its review.
  'review.mark': ['facilitator', 'editor', 'commenter'],
  'document.create': writers,
  'document.rename': writers,
  'document.archive': facilitators,
  'member.invite': facilitators,
  'member.changeRole': facilitators,
  'member.remove': facilitators,
  'member.setSignatory': facilitators,
  'member.issuePasswordReset': facilitators,
  'organisation.add': facilitators,
  'organisation.remove': facilitators,
  'audit.download': everyone,
  // Signing is not a role: any member their organisation made signatory decides (maySignFor).
  'agreement.move': facilitators,
};

/** Whether a member with `role` may do `action`. No role (not a member) may do nothing. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && policy[action].includes(role);
}

/** Roles whose sync connection may change a document body; the others are read-only. */
export function canEditBody(role: Role | null | undefined): boolean {
  return can(role, 'document.edit');
}

/**
 * A change of the facilitators that would leave a partnership with none is refused: nobody could
 * invite, change roles or archive any more.
 */
export function leavesNoFacilitator(
  facilitatorIds: readonly string[],
  change: { personId: string; newRole: Role | null },
): boolean {
  if (!facilitatorIds.includes(change.personId)) return false;
  if (change.newRole === 'facilitator') return false;
  return facilitatorIds.length <= 1;
}

/**
 * A reset link lets whoever holds it into the account — every partnership of it. So a
 * facilitator may issue one only for someone who is not a facilitator (no taking over a
 * co-facilitator) and who takes part in no partnership where the issuer is not a facilitator
 * (no reaching into partnerships the issuer does not run).
 */
export function mayIssuePasswordReset(input: {
  issuerId: string;
  targetId: string;
  /** Every membership of the target, across partnerships. */
  targetMemberships: readonly { partnershipId: string; role: Role }[];
  /** The partnerships where the issuer is a facilitator. */
  issuerFacilitates: ReadonlySet<string>;
}): boolean {
  if (input.issuerId === input.targetId) return false;
  return input.targetMemberships.every(
    (m) => m.role !== 'facilitator' && input.issuerFacilitates.has(m.partnershipId),
  );
}
