import { currentDecisions, type MembershipRecord, maySignFor } from '@accord/domain';
import { shortFingerprint } from '@accord/editor';
import type { Store } from '@accord/store';

/**
 * The agreements of a partnership that wait for the caller's signature: in signing, the caller
 * a signatory of a party organisation, and that organisation without a decision in force on the
 * current version. This is the in-app side of "entering signing notifies the signatories"; the
 * mail (agreements/notify.ts) is the other, only when Accord has SMTP.
 */
export async function awaitingSignature(
  store: Store,
  partnershipId: string,
  me: { organisationId: string; membership: Pick<MembershipRecord, 'signatory'> },
) {
  if (!me.membership.signatory) return [];
  const [agreements, documents] = await Promise.all([
    store.listAgreements(partnershipId),
    store.listDocuments(partnershipId),
  ]);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const awaiting = await Promise.all(
    agreements
      .filter((a) => a.state === 'signing')
      .map(async (agreement) => {
        const document = byId.get(agreement.documentId);
        if (!document || document.archived) return null;
        const [version, decisions] = await Promise.all([
          store.getAgreementVersion(document.id, agreement.version),
          store.listAgreementDecisions(document.id),
        ]);
        if (!version || !maySignFor(me.membership, me.organisationId, version.parties)) {
          return null;
        }
        if (currentDecisions(decisions, version.version).has(me.organisationId)) return null;
        return {
          document: { id: document.id, title: document.title },
          version: version.version,
          shortFingerprint: shortFingerprint(version.fingerprint),
          lockedAt: version.lockedAt,
        };
      }),
  );
  return awaiting
    .filter((a): a is NonNullable<typeof a> => a !== null)
    .sort((a, b) => a.lockedAt - b.lockedAt);
}
