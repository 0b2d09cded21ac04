#!/usr/bin/env node
// Where does an idle connection's memory go? Starts a server with --inspect, opens one client in a
// room, takes a heap snapshot, opens N more idle clients, takes another, and prints what grew, by
// constructor (count and retained-by-self bytes per connection). Usage:
//   node --import tsx bench/diagnose-memory.ts [accord|reference] [N=500]
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { awarenessFrame } from './clients/protocol.ts';
import { closeAll, RawClient } from './clients/raw-client.ts';
import { startServer } from './servers/index.ts';
import type { ServerKind } from './servers/process.ts';
import { sleep } from './stats.ts';

const kind = (process.argv[2] ?? 'accord') as ServerKind;
const extra = Number(process.argv[3] ?? 500);

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[]];
      edge_fields: string[];
      edge_types: [string[]];
      location_fields: string[];
    };
  };
  nodes: number[];
  edges: number[];
  locations: number[];
  strings: string[];
}

async function heapSnapshot(
  inspectorUrl: string,
): Promise<Map<string, { count: number; bytes: number }>> {
  const socket = new WebSocket(inspectorUrl, { perMessageDeflate: false, maxPayload: 2 ** 31 });
  await new Promise((resolve) => socket.once('open', resolve));
  const chunks: string[] = [];
  let id = 1;
  const done = new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        id?: number;
        method?: string;
        params?: { chunk: string };
      };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk')
        chunks.push(message.params!.chunk);
      if (message.id === 2) resolve();
    });
  });
  // Script ids → file names, to tell anonymous closures apart by where they were written.
  const scripts = new Map<number, string>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      method?: string;
      params?: { scriptId: string; url: string };
    };
    if (message.method === 'Debugger.scriptParsed' && message.params) {
      scripts.set(
        Number(message.params.scriptId),
        message.params.url.replace(/^.*node_modules\//, ''),
      );
    }
  });
  socket.send(JSON.stringify({ id: 100, method: 'Debugger.enable' }));
  socket.send(JSON.stringify({ id: id++, method: 'HeapProfiler.collectGarbage' }));
  socket.send(JSON.stringify({ id: id++, method: 'HeapProfiler.takeHeapSnapshot', params: {} }));
  await done;
  socket.close();
  const parsed = JSON.parse(chunks.join('')) as Snapshot;
  const fields = parsed.snapshot.meta.node_fields;
  const types = parsed.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const edgeCountAt = fields.indexOf('edge_count');
  const edgeFields = parsed.snapshot.meta.edge_fields;
  const edgeWidth = edgeFields.length;
  const edgeTypes = parsed.snapshot.meta.edge_types[0];
  const edgeTypeAt = edgeFields.indexOf('type');
  const edgeNameAt = edgeFields.indexOf('name_or_index');
  const edgeToAt = edgeFields.indexOf('to_node');
  // Where each closure was written (the snapshot's locations: node, script, line, column).
  const locationWidth = parsed.snapshot.meta.location_fields.length;
  const writtenAt = new Map<number, string>();
  for (let i = 0; i < parsed.locations.length; i += locationWidth) {
    const [node, script, line] = parsed.locations.slice(i, i + 3) as [number, number, number];
    writtenAt.set(node, `${scripts.get(script) ?? script}:${line + 1}`);
  }
  // A bound function is told apart by the function it binds.
  const boundTarget = (node: number, firstEdge: number): string => {
    const count = parsed.nodes[node + edgeCountAt]!;
    for (let e = firstEdge; e < firstEdge + count * edgeWidth; e += edgeWidth) {
      const type = edgeTypes[parsed.edges[e + edgeTypeAt]!];
      const name =
        type === 'element' || type === 'hidden'
          ? ''
          : parsed.strings[parsed.edges[e + edgeNameAt]!];
      if (name === 'bound_function') {
        const target = parsed.edges[e + edgeToAt]!;
        return parsed.strings[parsed.nodes[target + nameAt]!] || writtenAt.get(target) || '?';
      }
    }
    return '?';
  };
  let firstEdge = 0;
  const byName = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < parsed.nodes.length; i += width) {
    const type = types[parsed.nodes[i + typeAt]!]!;
    const rawName = parsed.strings[parsed.nodes[i + nameAt]!]!;
    let name = type === 'object' || type === 'closure' || type === 'native' ? rawName : `(${type})`;
    if (type === 'closure' && name === 'native_bind') name = `bound ${boundTarget(i, firstEdge)}`;
    else if (type === 'closure' && name === '') name = `anonymous @${writtenAt.get(i) ?? '?'}`;
    firstEdge += parsed.nodes[i + edgeCountAt]! * edgeWidth;
    const key = `${type}:${name.slice(0, 90)}`;
    const entry = byName.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += parsed.nodes[i + sizeAt]!;
    byName.set(key, entry);
  }
  return byName;
}

const server = await startServer(kind, { inspect: true });
try {
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1];
  if (!inspectorUrl) throw new Error('no inspector');
  const room = await server.createRoom();
  const clients: RawClient[] = [];
  const open = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const client = new RawClient(server.syncUrl(room), {
        headers: server.wsHeaders,
        answerStep1: true,
      });
      clients.push(client);
      await client.join();
      client.send(
        awarenessFrame(10_000 + clients.length, 0, {
          name: `P${clients.length}`,
          color: '#123456',
        }),
      );
    }
  };
  await open(1);
  await sleep(1_000);
  const before = await heapSnapshot(inspectorUrl);
  const started = performance.now();
  await open(extra);
  await sleep(1_500);
  const after = await heapSnapshot(inspectorUrl);
  console.log(
    `${kind}: +${extra} idle connections in ${Math.round(performance.now() - started)} ms`,
  );
  const rows = [...after]
    .map(([key, a]) => {
      const b = before.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: (a.count - b.count) / extra, bytes: (a.bytes - b.bytes) / extra };
    })
    .filter((r) => r.bytes > 16)
    .sort((x, y) => y.bytes - x.bytes);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(
    `self size growth per connection: ${(total / 1024).toFixed(1)} KiB (objects > 16 B/conn)`,
  );
  for (const r of rows.slice(0, 40)) {
    console.log(
      `${r.bytes.toFixed(0).padStart(7)} B  ${r.count.toFixed(1).padStart(6)}×  ${r.key}`,
    );
  }
  await closeAll(clients);
} finally {
  await server.stop();
}
