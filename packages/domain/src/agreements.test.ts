import { describe, expect, it } from 'vitest';
import {
  type AgreementDecisionRecord,
  agreementStates,
  currentDecisions,
  decideAgreementInput,
  everyPartyApproved,
  mayMoveAgreement,
  maySignFor,
} from './agreements.ts';

const decision = (over: Partial<AgreementDecisionRecord>): AgreementDecisionRecord => ({
  id: 'd',
  documentId: 'doc',
  version: 1,
  fingerprint: 'f'.repeat(64),
  organisationId: 'org-a',
  personId: 'p',
  role: 'editor',
  decision: 'approved',
  reason: null,
  at: 1,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});

describe('agreement lifecycle rules', () => {
  it('moves forward and back one step, never out of final, never into final by hand', () => {
    const allowed = agreementStates.flatMap((from) =>
      agreementStates.filter((to) => mayMoveAgreement(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['draft→review', 'review→draft', 'review→signing', 'signing→review']);
  });

  it('lets only signatories of a party organisation decide', () => {
    expect(maySignFor({ signatory: true }, 'org-a', ['org-a', 'org-b'])).toBe(true);
    expect(maySignFor({ signatory: false }, 'org-a', ['org-a'])).toBe(false);
    expect(maySignFor({ signatory: true }, 'org-c', ['org-a'])).toBe(false);
    expect(maySignFor(undefined, 'org-a', ['org-a'])).toBe(false);
  });

  it('keeps the latest decision not withdrawn per organisation, for one version', () => {
    const all = [
      decision({ id: '1', organisationId: 'org-a', decision: 'declined', at: 1, withdrawnAt: 2 }),
      decision({ id: '2', organisationId: 'org-a', decision: 'approved', at: 3 }),
      decision({ id: '3', organisationId: 'org-b', version: 0, at: 1 }),
    ];
    const current = currentDecisions(all, 1);
    expect([...current.keys()]).toEqual(['org-a']);
    expect(current.get('org-a')?.id).toBe('2');
    expect(everyPartyApproved(['org-a'], current)).toBe(true);
    expect(everyPartyApproved(['org-a', 'org-b'], current)).toBe(false);
    expect(everyPartyApproved([], current)).toBe(false);
  });

  it('requires a reason to decline and a full fingerprint', () => {
    const fingerprint = 'a'.repeat(64);
    expect(decideAgreementInput.safeParse({ decision: 'declined', fingerprint }).success).toBe(
      false,
    );
    expect(
      decideAgreementInput.safeParse({ decision: 'declined', fingerprint, reason: ' Art. 3 ' }).data
        ?.reason,
    ).toBe('Art. 3');
    expect(
      decideAgreementInput.safeParse({ decision: 'approved', fingerprint: 'abc' }).success,
    ).toBe(false);
  });
});
