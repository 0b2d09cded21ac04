import {
  type AgreementDecisionRecord,
  type AgreementRecord,
  currentDecisions,
  type DocumentRecord,
  type MembershipRecord,
  maySignFor,
  type PersonRecord,
} from '@accord/domain';
import { shortFingerprint } from '@accord/editor';
import type { Store } from '@accord/store';
import { publicPerson } from '../people.ts';

const decisionView = (d: AgreementDecisionRecord) => ({
  id: d.id,
  version: d.version,
  fingerprint: d.fingerprint,
  organisationId: d.organisationId,
  personId: d.personId,
  role: d.role,
  decision: d.decision,
  reason: d.reason,
  at: d.at,
  withdrawnAt: d.withdrawnAt,
  withdrawnBy: d.withdrawnBy,
});

/**
 * What a member sees of an agreement: its state, the version being signed (or signed) with each
 * party's decision in force, earlier versions with their decisions (history), the exports of a
 * final agreement, and what the caller may do.
 */
export async function agreementView(
  store: Store,
  document: DocumentRecord,
  agreement: AgreementRecord,
  viewer: { person: PersonRecord; membership: MembershipRecord; canMove: boolean },
) {
  const [versions, decisions, participations, exports] = await Promise.all([
    store.listAgreementVersions(document.id),
    store.listAgreementDecisions(document.id),
    store.listParticipations(document.partnershipId),
    store.listAgreementExports(document.id),
  ]);
  const organisations = new Map(participations.map((p) => [p.organisationId, p]));
  const live = agreement.state === 'signing' || agreement.state === 'final';
  const version = live ? versions.find((v) => v.version === agreement.version) : undefined;
  const inForce = version ? currentDecisions(decisions, version.version) : new Map();
  const personIds = new Set(decisions.flatMap((d) => [d.personId, d.withdrawnBy ?? '']));
  for (const v of versions) personIds.add(v.lockedBy);
  if (agreement.updatedBy) personIds.add(agreement.updatedBy);
  personIds.delete('');
  const people = (await Promise.all([...personIds].map((id) => store.getPerson(id)))).filter(
    (p): p is PersonRecord => p !== undefined,
  );

  const organisationView = (id: string) => {
    const p = organisations.get(id);
    return {
      id,
      name: p?.organisation.name ?? '',
      colour: p?.colour ?? null,
      left: p ? p.leftAt !== null : true,
    };
  };
  return {
    agreement: {
      state: agreement.state,
      version: agreement.version,
      updatedAt: agreement.updatedAt,
      updatedBy: agreement.updatedBy,
    },
    signing: version
      ? {
          version: version.version,
          fingerprint: version.fingerprint,
          shortFingerprint: shortFingerprint(version.fingerprint),
          canonicalVersion: version.canonicalVersion,
          lockedAt: version.lockedAt,
          lockedBy: version.lockedBy,
          finalAt: version.outcome === 'final' ? version.endedAt : null,
          parties: version.parties.map((id) => ({
            organisation: organisationView(id),
            decision: inForce.has(id) ? decisionView(inForce.get(id)!) : null,
          })),
        }
      : null,
    history: versions
      .filter((v) => v.outcome === 'returned')
      .map((v) => ({
        version: v.version,
        fingerprint: v.fingerprint,
        shortFingerprint: shortFingerprint(v.fingerprint),
        lockedAt: v.lockedAt,
        endedAt: v.endedAt,
        parties: v.parties.map(organisationView),
        decisions: decisions.filter((d) => d.version === v.version).map(decisionView),
      })),
    exports: exports.map((e) => ({
      name: e.name,
      mediaType: e.mediaType,
      sha256: e.sha256,
      size: e.size,
    })),
    people: people.map(publicPerson),
    me: {
      canMove: viewer.canMove && document.kind === 'agreement' && !document.archived,
      /** The organisation the caller may decide for, while signing. */
      signsFor:
        agreement.state === 'signing' &&
        version &&
        maySignFor(viewer.membership, viewer.person.organisationId, version.parties)
          ? viewer.person.organisationId
          : null,
    },
  };
}
