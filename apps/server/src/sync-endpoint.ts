import type { PersonRecord, Role, SessionRecord } from '@accord/domain';
import { canEditBody, ID_PATTERN } from '@accord/domain';
import type { Store } from '@accord/store';
import { CloseCode, type ConnectionHandle, type SyncServer } from '@accord/sync';
import type { WebSocket } from 'ws';
import type { Sessions } from './auth/sessions.ts';
import { hashToken } from './auth/tokens.ts';

export interface SyncEndpointDeps {
  sync: SyncServer;
  store: Store;
  sessions: Sessions;
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  allowedOrigins: readonly string[];
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
      presence: Record<string, unknown>;
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
    presence: {
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
    },
  };
}

/**
 * Opens a socket that passed the upgrade's checks: the admission decides who is on it, then the
 * sync core takes over. Rejections happen after the upgrade, with a close code, because a refused
 * HTTP upgrade reaches a y-websocket client as 1006 and it would retry forever.
 *
 * Only what the socket needs is kept for its lifetime (the admission, the sync handle): never the
 * upgrade request, whose headers and URL would cost every idle tab several KiB.
 */
export async function admitSocket(
  deps: SyncEndpointDeps,
  request: SyncRequest,
): Promise<(ws: WebSocket) => void> {
  const { documentId, extensions } = request;
  const auth = request.sessionToken ? await deps.sessions.fromToken(request.sessionToken) : null;
  const admission = await admit(deps, documentId, request.ticket, auth);
  return function openSocket(ws) {
    // Protocol errors (an oversized frame: 1009) close the socket themselves; nothing to add.
    ws.on('error', ignore);
    if (!admission.ok) {
      ws.close(admission.code, admission.reason);
      return;
    }
    const { person, session, partnershipId, role, readOnly, presence } = admission;
    if (deps.sync.countWhere({ personId: person.id }) >= deps.maxSocketsPerPerson) {
      ws.close(CloseCode.tooMany, 'too many open connections for one person');
      return;
    }
    const handle: ConnectionHandle = deps.sync.connect({
      documentId,
      extensions,
      readOnly,
      // Told to the client in the session frame, so the page can say why it may not edit.
      role,
      tags: {
        personId: person.id,
        // Live events of internal comment threads go only to their organisation's sockets.
        organisationId: person.organisationId,
        partnershipId,
        documentId,
        sessionId: session?.id ?? 'ticket',
      },
      // Whoever the client claims to be, presence says who the server knows it is.
      presence: (state) => ({ ...state, ...presence }),
      transport: {
        send: (frame) => ws.send(frame),
        close: (code, reason) => ws.close(code, reason),
      },
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        handle.receiveText();
        return;
      }
      // Typing is activity; presence heartbeats are not (an open tab must not live forever).
      if (session && isDocumentUpdate(data)) void deps.sessions.touch(session);
      // ws hands out views into the socket's read buffer: copy, so an update waiting for its
      // commit does not pin a whole chunk of the stream.
      handle.receive(new Uint8Array(data));
    });
    ws.on('close', () => handle.closed());
  };
}

function ignore(): void {}

/** A sync step 2 or update frame: the person changed the document. */
function isDocumentUpdate(data: Uint8Array): boolean {
  return data.byteLength >= 2 && data[0] === 0 && (data[1] === 1 || data[1] === 2);
}
