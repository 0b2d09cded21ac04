import type { ConnectionHandle, SyncServer } from '@accord/sync';
import { upgradeWebSocket } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';

/**
 * Bridges Hono's websocket helper to the transport-agnostic sync core. `ws` enforces the frame
 * size limit itself (`maxPayload`, close 1009) before a frame ever reaches this code.
 */
export function syncEndpoint(sync: SyncServer): MiddlewareHandler {
  return upgradeWebSocket((c) => {
    const documentId = c.req.param('documentId') ?? '';
    // Clients announce Accord's extensions (durable acks, refusals) with `?accord=1`; a stock
    // y-websocket client gets the plain protocol.
    const extensions = c.req.query('accord') === '1';
    let handle: ConnectionHandle | null = null;
    return {
      onOpen(_event, ws) {
        handle = sync.connect({
          documentId,
          extensions,
          transport: {
            send: (frame) => ws.raw?.send(frame),
            close: (code, reason) => ws.close(code, reason),
          },
        });
      },
      onMessage(event) {
        if (event.data instanceof ArrayBuffer) handle?.receive(new Uint8Array(event.data));
        else handle?.receiveText();
      },
      onClose() {
        handle?.closed();
      },
    };
  });
}
