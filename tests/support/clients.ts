import { type AccordConnection, type ConnectionStatus, connectDocument } from '@accord/sync/client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { cookieWebSocket } from './session.ts';

/** A real y-websocket client in Node, with Accord's save tracking, on its own Y.Doc. */
export interface TestClient {
  doc: Y.Doc;
  text: Y.Text;
  connection: AccordConnection;
  destroy(): void;
}

export function connectClient(
  wsUrl: string,
  documentId: string,
  session: { cookie: string } | null,
  doc = new Y.Doc(),
): TestClient {
  const connection = connectDocument({
    serverUrl: wsUrl,
    documentId,
    doc,
    disableBc: true,
    WebSocketPolyfill: session
      ? cookieWebSocket(session.cookie)
      : (WebSocket as unknown as typeof globalThis.WebSocket),
  });
  return {
    doc,
    // A plain Y.Text beside Lexical's root: the sync layer does not care what the document holds.
    text: doc.getText('test'),
    connection,
    destroy: () => connection.destroy(),
  };
}

/** Polls until `predicate` holds; fails with `what` after a generous deadline. */
export async function waitFor(
  what: string,
  predicate: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function waitForStatus(
  client: TestClient,
  what: string,
  predicate: (status: ConnectionStatus) => boolean,
  timeoutMs?: number,
): Promise<void> {
  return waitFor(what, () => predicate(client.connection.getStatus()), timeoutMs);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
