import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { api, apiJson, demo, signIn, type TestSession } from './session.ts';

/** The API's comment shapes, as far as the tests read them. */
export interface Comment {
  id: string;
  threadId: string;
  authorId: string;
  authorOrganisationId: string;
  body: string;
  mentions: Mention[];
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}
export type Mention =
  | { kind: 'person'; personId: string }
  | { kind: 'organisation'; organisationId: string };
export interface Thread {
  id: string;
  documentId: string;
  partnershipId: string;
  organisationId: string;
  visibility: 'partnership' | 'organisation';
  anchor: { start: string; end: string; quote: string; prefix: string; suffix: string };
  status: 'open' | 'resolved';
  resolvedBy: string | null;
  resolvedAt: number | null;
  createdBy: string;
  comments: Comment[];
  unread: number;
}
export interface ThreadList {
  threads: Thread[];
  people: { id: string; name: string | null }[];
  seenAt: number | null;
  unread: number;
  at: number;
}
export interface Inbox {
  threads: (Thread & { document: { id: string; title: string } | null })[];
  unread: number;
  hasMore: boolean;
}

/**
 * A real anchor: base64 of Yjs relative positions around `quote` in a text, with context, as the
 * web app will make them (the server stores them opaque).
 */
export function anchorIn(text: string, quote: string) {
  const doc = new Y.Doc();
  const body = doc.getText('body');
  body.insert(0, text);
  const from = text.indexOf(quote);
  if (from < 0) throw new Error(`"${quote}" is not in "${text}"`);
  const to = from + quote.length;
  const position = (index: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(body, index)),
    ).toString('base64');
  return {
    start: position(from),
    end: position(to),
    quote,
    prefix: text.slice(Math.max(0, from - 20), from),
    suffix: text.slice(to, to + 20),
  };
}

export const sampleAnchor = () =>
  anchorIn('Objectif : 40 personnes accompagnées vers l’emploi d’ici juin.', '40 personnes');

export const threadsPath = (documentId: string) => `/api/documents/${documentId}/threads`;

export async function startThread(
  session: TestSession,
  documentId: string,
  input: { body?: string; visibility?: 'partnership' | 'organisation'; mentions?: Mention[] } = {},
): Promise<Thread> {
  const { thread } = await apiJson<{ thread: Thread }>(session, threadsPath(documentId), {
    method: 'POST',
    body: { anchor: sampleAnchor(), body: 'Est-ce réaliste ?', ...input },
  });
  return thread;
}

export async function reply(
  session: TestSession,
  thread: { documentId: string; id: string },
  body: string,
  mentions: Mention[] = [],
): Promise<Comment> {
  const { comment } = await apiJson<{ comment: Comment }>(
    session,
    `${threadsPath(thread.documentId)}/${thread.id}/comments`,
    { method: 'POST', body: { body, mentions } },
  );
  return comment;
}

export function listThreads(session: TestSession, documentId: string): Promise<ThreadList> {
  return apiJson<ThreadList>(session, threadsPath(documentId));
}

export async function status(response: Promise<Response>): Promise<number> {
  return (await response).status;
}

export { api };

/** An error answer's status and stable code. */
export async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { code: string };
  return { status: response.status, code: body.code };
}

/** The demo people the comment tests use, signed in, and the demo partnership. */
export interface DemoPeople {
  /** City (Ville), facilitator. */
  claire: TestSession;
  /** City, editor. */
  karim: TestSession;
  /** Association Tremplin, editor. */
  sophie: TestSession;
  /** Tremplin, commenter. */
  lucas: TestSession;
  /** CCAS, viewer. */
  nadia: TestSession;
  partnershipId: string;
}

export async function signInDemoPeople(url: string): Promise<DemoPeople> {
  const [claire, karim, sophie, lucas, nadia] = await Promise.all([
    signIn(url, demo.facilitator),
    signIn(url, demo.editor),
    signIn(url, demo.editorOtherOrganisation),
    signIn(url, demo.commenter),
    signIn(url, demo.viewer),
  ]);
  const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
  if (!partnership) throw new Error('the demo partnership is missing');
  return { claire, karim, sophie, lucas, nadia, partnershipId: partnership.id };
}

/** An Accord event frame's JSON, with the time it arrived. */
export interface ReceivedEvent {
  at: number;
  event: { type: string; threadId?: string; change?: string; thread?: Thread };
}

/**
 * A raw websocket on a document with the session's cookie (and Accord's extensions unless told
 * otherwise), recording every event frame (message 23). It never answers the sync handshake: it
 * only listens.
 */
export function eventSocket(
  wsUrl: string,
  documentId: string,
  cookie: string,
  options: { extensions?: boolean } = {},
) {
  const events: ReceivedEvent[] = [];
  /** The message type of every frame received, in order. */
  const types: number[] = [];
  const query = options.extensions === false ? '' : '?accord=1';
  const socket = new WebSocket(`${wsUrl}/${documentId}${query}`, { headers: { cookie } });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('close', (code) => reject(new Error(`socket closed with ${code}`)));
    socket.once('error', reject);
  });
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    types.push(type);
    if (type !== 23) return;
    events.push({ at: Date.now(), event: JSON.parse(decoding.readVarString(decoder)) });
  });
  return {
    events,
    types,
    /** Resolves once the server sent its first frame: the socket is in the room. */
    ready,
    close: () => socket.close(1000),
  };
}
