// The reference of `pnpm bench`: the y-websocket server (@y/websocket-server 0.1.1) run through its
// library entry point `setupWSConnection`, on the same `ws` as Accord (the workspace catalog's),
// bound to loopback on a free port, without persistence. It serves `/sync/:room` like Accord, so
// the harness drives both with the same URLs, and `/health` for the harness only.
import http from 'node:http';
import { createRequire } from 'node:module';
import { docs, getPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

if (process.env.YPERSISTENCE !== undefined || getPersistence() !== null) {
  console.error('The reference must run without persistence: unset YPERSISTENCE.');
  process.exit(2);
}
if (process.env.CALLBACK_URL !== undefined) {
  console.error('The reference must run without the HTTP callback: unset CALLBACK_URL.');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const wsVersion = require('ws/package.json').version;
const host = process.env.REFERENCE_HOST ?? '127.0.0.1';
const port = Number(process.env.REFERENCE_PORT ?? 0);
// Same frame limit as the harness gives Accord, so neither refuses what the other accepts.
const maxPayload = Number(process.env.REFERENCE_MAX_FRAME_BYTES ?? 8 * 1024 * 1024);

const wss = new WebSocketServer({ noServer: true, maxPayload });
const ROOM = /^\/sync\/([A-Za-z0-9_-]{1,64})(?:\?|$)/;

const server = http.createServer((request, response) => {
  if (request.url === '/health') {
    let connections = 0;
    for (const doc of docs.values()) connections += doc.conns.size;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, rooms: docs.size, connections }));
    return;
  }
  response.writeHead(404);
  response.end();
});

server.on('upgrade', (request, socket, head) => {
  const match = ROOM.exec(request.url ?? '');
  if (!match) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    setupWSConnection(ws, request, { docName: match[1] });
  });
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`ws ${wsVersion}`);
  console.log(`Reference listening on http://${host}:${actualPort}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
