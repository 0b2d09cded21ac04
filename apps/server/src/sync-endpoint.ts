import type { PersonRecord, Role, SessionRecord } from '@accord/domain';
import { canEditBody, ID_PATTERN } from '@accord/domain';
import type { Store } from '@accord/store';
import { CloseCode, type ConnectionHandle, type SyncServer } from '@accord/sync';
import { upgradeWebSocket } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { Sessions } from './auth/sessions.ts';
import { hashToken } from './auth/tokens.ts';
import type { AppEnv } from './env.ts';

export interface SyncEndpointDeps {
  sync: SyncServer;
  store: Store;
  sessions: Sessions;
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  allowedOrigins: readonly string[];
  /** Open document sockets one person may hold; more close with 4429. */
  maxSocketsPerPerson: number;
}

/**
 * Refuses a websocket handshake from a foreign Origin with HTTP 403 before the upgrade
 * (cross-site websocket hijacking: the browser would send the victim's cookie). Browsers always
 * send Origin on a websocket handshake; other clients authenticate with a ticket.
 */
export function checkOrigin(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async function checkOrigin(c, next) {
    const origin = c.req.header('origin');
    if (!origin) return next();
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return c.text('Forbidden origin', 403);
    }
    if (host === c.req.header('host') || allowedOrigins.includes(origin)) return next();
    return c.text('Forbidden origin', 403);
  };
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

/**
 * Decides who is on the socket and what they may do, once, at the upgrade. Rejections happen
 * after the upgrade, with a close code, because a refused HTTP upgrade reaches a y-websocket
 * client as 1006 and it would retry forever.
 */
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

/** The websocket sync endpoint: authentication and authorisation, then the sync core. */
export function syncEndpoint(deps: SyncEndpointDeps): MiddlewareHandler<AppEnv> {
  return upgradeWebSocket(async (c: Context<AppEnv>) => {
    const documentId = c.req.param('documentId') ?? '';
    // Clients announce Accord's extensions (durable acks, refusals) with `?accord=1`; a stock
    // y-websocket client gets the plain protocol.
    const extensions = c.req.query('accord') === '1';
    const admission = await admit(deps, documentId, c.req.query('ticket'), c.get('auth'));
    let handle: ConnectionHandle | null = null;
    return {
      onOpen(_event, ws) {
        if (!admission.ok) {
          ws.close(admission.code, admission.reason);
          return;
        }
        const { person, session, partnershipId, role, readOnly, presence } = admission;
        if (deps.sync.countWhere({ personId: person.id }) >= deps.maxSocketsPerPerson) {
          ws.close(CloseCode.tooMany, 'too many open connections for one person');
          return;
        }
        handle = deps.sync.connect({
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
            send: (frame) => ws.raw?.send(frame),
            close: (code, reason) => ws.close(code, reason),
          },
        });
      },
      onMessage(event) {
        // Typing is activity; presence heartbeats are not (an open tab must not live forever).
        if (admission.ok && admission.session && isDocumentUpdate(event.data)) {
          void deps.sessions.touch(admission.session);
        }
        if (event.data instanceof ArrayBuffer) handle?.receive(new Uint8Array(event.data));
        else handle?.receiveText();
      },
      onClose() {
        handle?.closed();
      },
    };
  });
}

/** A sync step 2 or update frame: the person changed the document. */
function isDocumentUpdate(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) || data.byteLength < 2) return false;
  const bytes = new Uint8Array(data, 0, 2);
  return bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2);
}
