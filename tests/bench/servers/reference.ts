import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTemplateState } from '@accord/editor';
import { syncUpdateFrame } from '../clients/protocol.ts';
import { RawClient } from '../clients/raw-client.ts';
import { BENCH_DOCUMENT_TITLE } from './accord.ts';
import { MAX_FRAME_BYTES, type ServerOptions } from './options.ts';
import {
  type BenchServer,
  fetchJson,
  memoryAfterGcViaInspector,
  processCpuMs,
  processRssKiB,
  spawnServer,
} from './process.ts';

let template: Uint8Array | null = null;

/** The initial state of a new Accord notes document, built the way Accord builds it. */
export function templateState(): Uint8Array {
  template ??= createTemplateState('notes', { title: BENCH_DOCUMENT_TITLE });
  return template;
}

export interface ReferenceServer extends BenchServer {
  /** A room name without content: the first client to join brings the template (memory). */
  emptyRoom(): string;
}

/** Starts the y-websocket reference (reference-server.mjs) as its own process on loopback. */
export async function startReference(options: ServerOptions = {}): Promise<ReferenceServer> {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  // No YPERSISTENCE, no CALLBACK_URL, GC on: the plain in-memory reference.
  Object.assign(env, {
    REFERENCE_HOST: '127.0.0.1',
    REFERENCE_PORT: '0',
    REFERENCE_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
    ...options.env,
  });
  // One folder per server start: Node writes one profile per thread (tsx's loader runs in one).
  const profileArgs = options.cpuProfileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(options.cpuProfileDir, `reference-${new Date().toISOString().replace(/[:.]/g, '-')}`)}`,
      ]
    : [];
  const spawned = await spawnServer({
    args: [...profileArgs, path.join(import.meta.dirname, 'reference-server.mjs')],
    cwd: path.join(import.meta.dirname, '..', '..'),
    env,
    listening: /Reference listening on (http:\/\/\S+)/,
    inspect: options.inspect ?? false,
  });
  const wsVersion = /^ws (\S+)$/m.exec(spawned.output())?.[1];
  if (wsVersion !== '8.23.0') {
    await spawned.stop();
    throw new Error(`the reference must run on ws 8.23.0 like Accord, not ${wsVersion}`);
  }
  const httpUrl = spawned.url;
  const wsBase = `${httpUrl.replace(/^http/, 'ws')}/sync`;
  const { pid } = spawned;
  const syncUrl = (roomId: string) => `${wsBase}/${roomId}`;
  const emptyRoom = () => `room-${randomBytes(8).toString('base64url')}`;
  return {
    kind: 'reference',
    pid,
    httpUrl,
    inspectorUrl: spawned.inspectorUrl,
    syncUrl,
    wsHeaders: {},
    emptyRoom,
    async createRoom() {
      // Same content as a new Accord document: a client brings the template, then leaves (the
      // reference keeps a room's doc in memory for good when it has no persistence).
      const room = emptyRoom();
      const client = new RawClient(syncUrl(room));
      await client.opened();
      client.send(syncUpdateFrame(templateState()));
      await client.join();
      await client.close();
      return room;
    },
    health: () => fetchJson<{ rooms: number; connections: number }>(`${httpUrl}/health`),
    cpuMs: () => processCpuMs(pid),
    rssKiB: () => processRssKiB(pid),
    memoryAfterGc() {
      if (!spawned.inspectorUrl) throw new Error('start the server with inspect: true');
      return memoryAfterGcViaInspector(spawned.inspectorUrl, pid);
    },
    output: spawned.output,
    stop: () => spawned.stop(),
  };
}
