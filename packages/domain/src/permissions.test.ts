import { describe, expect, it } from 'vitest';
import {
  actions,
  can,
  canEditBody,
  leavesNoFacilitator,
  mayIssuePasswordReset,
  policy,
} from './permissions.ts';
import { roles } from './roles.ts';

describe('permission policy', () => {
  it('names every action once and only known roles', () => {
    expect(Object.keys(policy).sort()).toEqual([...actions].sort());
    for (const allowed of Object.values(policy)) {
      for (const role of allowed) expect(roles).toContain(role);
    }
  });

  it('gives facilitators everything and viewers only reading', () => {
    for (const action of actions) expect(can('facilitator', action)).toBe(true);
    const viewerActions = actions.filter((action) => can('viewer', action));
    expect(viewerActions).toEqual([
      'partnership.view',
      'document.view',
      'document.export',
      'audit.download',
    ]);
  });

  it('lets commenters comment but never edit a body', () => {
    expect(can('commenter', 'document.comment')).toBe(true);
    expect(canEditBody('commenter')).toBe(false);
    expect(canEditBody('viewer')).toBe(false);
    expect(canEditBody('editor')).toBe(true);
  });

  it('lets facilitators and editors resolve comment threads, not commenters or viewers', () => {
    expect(can('facilitator', 'comment.resolve')).toBe(true);
    expect(can('editor', 'comment.resolve')).toBe(true);
    expect(can('commenter', 'comment.resolve')).toBe(false);
    expect(can('viewer', 'comment.resolve')).toBe(false);
  });

  it('refuses everything to a non-member', () => {
    for (const action of actions) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });

  it('refuses to remove or demote the last facilitator', () => {
    expect(leavesNoFacilitator(['a'], { personId: 'a', newRole: 'editor' })).toBe(true);
    expect(leavesNoFacilitator(['a'], { personId: 'a', newRole: null })).toBe(true);
    expect(leavesNoFacilitator(['a'], { personId: 'a', newRole: 'facilitator' })).toBe(false);
    expect(leavesNoFacilitator(['a', 'b'], { personId: 'a', newRole: null })).toBe(false);
    expect(leavesNoFacilitator(['a'], { personId: 'c', newRole: null })).toBe(false);
  });
});

describe('who may issue a password reset', () => {
  const base = { issuerId: 'f', targetId: 't', issuerFacilitates: new Set(['p1', 'p2']) };
  it('allows it for a non-facilitator whose partnerships the issuer all runs', () => {
    expect(
      mayIssuePasswordReset({
        ...base,
        targetMemberships: [
          { partnershipId: 'p1', role: 'editor' },
          { partnershipId: 'p2', role: 'viewer' },
        ],
      }),
    ).toBe(true);
  });
  it('refuses it for a co-facilitator, for oneself, and across partnerships', () => {
    expect(
      mayIssuePasswordReset({
        ...base,
        targetMemberships: [{ partnershipId: 'p1', role: 'facilitator' }],
      }),
    ).toBe(false);
    expect(
      mayIssuePasswordReset({
        ...base,
        targetId: 'f',
        targetMemberships: [{ partnershipId: 'p1', role: 'editor' }],
      }),
    ).toBe(false);
    expect(
      mayIssuePasswordReset({
        ...base,
        targetMemberships: [
          { partnershipId: 'p1', role: 'editor' },
          { partnershipId: 'p3', role: 'editor' },
        ],
      }),
    ).toBe(false);
  });
});
