import type { PersonRecord, Role, SessionRecord } from '@accord/domain';
import { canEditBody, ID_PATTERN } from '@accord/domain';
import type { Store } from '@accord/store';
import { CloseCode, PresenceStamp, type SyncServer } from '@accord/sync';
import { hashToken } from './auth/tokens.ts';
import type { SyncSocket, SyncSocketHost } from './sync-socket.ts';

export interface SyncEndpointDeps extends SyncSocketHost {
  sync: SyncServer;
  store: Store;
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  allowedOrigins: readonly string[];
  /** False once the server stops: an admission that ends after that is answered 503. */
  accepting: boolean;
  /** Open document sockets one person may hold; more close with 4429. */
  maxSocketsPerPerson: number;
}

/** What the upgrade request says, read once; the request itself is not kept. */
export interface SyncRequest {
  documentId: string;
  /** `?accord=1`: the client speaks Accord's extensions (durable acks, refusals). */
  extensions: boolean;
  ticket: string | undefined;
  sessionToken: string | undefined;
}

type Admission =
  | { ok: false; code: number; reason: string }
  | {
      ok: true;
      person: PersonRecord;
      session: SessionRecord | null;
      partnershipId: string;
      role: Role;
      readOnly: boolean;
      presence: PresenceStamp;
    };

/** Decides who is on the socket and what they may do, once, at the upgrade. */
async function admit(
  deps: SyncEndpointDeps,
  documentId: string,
  ticket: string | undefined,
  auth: { session: SessionRecord; person: PersonRecord } | null,
): Promise<Admission> {
  const { store } = deps;
  let person = auth?.person ?? null;
  let session = auth?.session ?? null;
  if (ticket) {
    const personId = await store.consumeTicket(hashToken(ticket), Date.now());
    const ticketPerson = personId ? await store.getPerson(personId) : undefined;
    if (!ticketPerson || ticketPerson.erasedAt !== null) {
      return {
        ok: false,
        code: CloseCode.unauthenticated,
        reason: 'ticket invalid, used or expired',
      };
    }
    person = ticketPerson;
    session = null;
  }
  if (!person) return { ok: false, code: CloseCode.unauthenticated, reason: 'not signed in' };
  const notFound = { ok: false, code: CloseCode.notFound, reason: 'no such document' } as const;
  const document = ID_PATTERN.test(documentId) ? await store.getDocument(documentId) : undefined;
  if (!document || document.archived) return notFound;
  const membership = await store.getMembership(document.partnershipId, person.id);
  if (!membership) return notFound;
  const organisation = await store.getOrganisation(person.organisationId);
  const participation = await store.getParticipation(document.partnershipId, person.organisationId);
  const organisationName = organisation?.name ?? '';
  return {
    ok: true,
    person,
    session,
    partnershipId: document.partnershipId,
    role: membership.role,
    readOnly: !canEditBody(membership.role),
    presence: new PresenceStamp({
      name: organisationName ? `${person.name} (${organisationName})` : (person.name ?? ''),
      color: person.colour,
      awarenessData: {
        personId: person.id,
        personName: person.name,
        organisationId: person.organisationId,
        organisationName,
        organisationColour: participation?.colour ?? null,
        role: membership.role,
      },
    }),
  };
}

/**
 * Opens a socket that passed the upgrade's checks: the admission decides who is on it, then the
 * sync core takes over. Rejections happen after the upgrade, with a close code, because a refused
 * HTTP upgrade reaches a y-websocket client as 1006 and it would retry forever.
 *
 * Only what the socket needs is kept for its lifetime (the sync handle, the session): never the
 * upgrade request, whose headers and URL would cost every idle tab several KiB.
 */
export async function admitSocket(
  deps: SyncEndpointDeps,
  request: SyncRequest,
): Promise<(ws: SyncSocket) => void> {
  const { documentId, extensions } = request;
  const auth = request.sessionToken ? await deps.sessions.fromToken(request.sessionToken) : null;
  const admission = await admit(deps, documentId, request.ticket, auth);
  return function openSocket(ws) {
    if (!admission.ok) {
      ws.close(admission.code, admission.reason);
      return;
    }
    const { person, session, partnershipId, role, readOnly, presence } = admission;
    if (deps.sync.countWhere({ personId: person.id }) >= deps.maxSocketsPerPerson) {
      ws.close(CloseCode.tooMany, 'too many open connections for one person');
      return;
    }
    const identity = deps.identities.acquire({
      tags: {
        personId: person.id,
        // Live events of internal comment threads go only to their organisation's sockets.
        organisationId: person.organisationId,
        partnershipId,
        sessionId: session?.id ?? 'ticket',
      },
      role,
      readOnly,
      // Whoever the client claims to be, presence says who the server knows it is.
      presence,
      session,
    });
    const handle = deps.sync.connect({
      documentId,
      extensions,
      readOnly: identity.readOnly,
      // Told to the client in the session frame, so the page can say why it may not edit.
      role: identity.role,
      tags: identity.tags,
      presence: identity.presence,
      // `ws` sends frames and closes with a code and reason, as the sync core asks.
      transport: ws,
    });
    ws.attach(handle, identity);
  };
}
