import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_FRAME_BYTES, type ServerOptions } from './options.ts';
import {
  type BenchServer,
  fetchJson,
  memoryAfterGcViaInspector,
  processCpuMs,
  processRssKiB,
  spawnServer,
} from './process.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const serverDir = path.join(repoRoot, 'apps', 'server');

/**
 * Node's arguments from `pnpm serve` (apps/server/package.json), so the benchmark runs Accord with
 * exactly the flags production does.
 */
function serveArgs(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8')) as {
    scripts: { serve: string };
  };
  const [node, ...args] = manifest.scripts.serve.split(/\s+/);
  if (node !== 'node')
    throw new Error(`pnpm serve does not start with node: ${manifest.scripts.serve}`);
  return args;
}

export const BENCH_DOCUMENT_TITLE = 'Bench notes';

/** The demo facilitator the seed creates (apps/server/src/seed.ts): every client signs in as her. */
const BENCH_ACCOUNT = { email: 'claire@demo.accord', password: 'accord-demo' };

interface BenchAuth {
  cookie: string | null;
  csrfToken: string | null;
}

/**
 * Signs in once per server start; REST calls and every websocket handshake carry the cookie (no
 * Origin header, as a non-browser client). A server without accounts (before sign-in existed)
 * answers 404 and the harness goes on anonymously.
 */
async function signIn(httpUrl: string): Promise<BenchAuth> {
  const response = await fetch(`${httpUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ACCOUNT),
  });
  if (response.status === 404) return { cookie: null, csrfToken: null };
  if (!response.ok) {
    throw new Error(
      `sign-in of the bench account failed: ${response.status} ${await response.text()}`,
    );
  }
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('accord_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = (await response.json()) as { csrfToken?: string };
  return { cookie, csrfToken: body.csrfToken ?? null };
}

export interface AccordServer extends BenchServer {
  readonly dataDir: string;
  readonly databasePath: string;
}

/**
 * Starts the real Accord server (`node --import tsx src/main.ts`, as tests/support does) on a
 * free loopback port with its own data directory. Limits the harness would hit are raised through
 * Accord's own configuration, never by editing it.
 */
export async function startAccord(options: ServerOptions = {}): Promise<AccordServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  const env: NodeJS.ProcessEnv = {};
  // A clean environment: nothing from the shell may change what is measured.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    ACCORD_PORT: '0',
    ACCORD_HOST: '127.0.0.1',
    ACCORD_DATA_DIR: dataDir,
    ACCORD_SEED: 'auto',
    ACCORD_WEB_DIST: path.join(dataDir, 'no-web-app'),
    ACCORD_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
    // Every harness client signs in as one demo person: the per-person socket limit is raised,
    // as configuration, never edited.
    ACCORD_MAX_SOCKETS_PER_PERSON: '1000000',
    ...options.accordEnv,
    ...options.env,
  });
  // One folder per server start: Node writes one profile per thread (tsx's loader runs in one).
  const profileArgs = options.cpuProfileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(options.cpuProfileDir, `accord-${new Date().toISOString().replace(/[:.]/g, '-')}`)}`,
      ]
    : [];
  const spawned = await spawnServer({
    // Diagnosis: BENCH_ACCORD_NODE_ARGS adds Node flags NODE_OPTIONS refuses (e.g. --trace-gc).
    args: [
      ...profileArgs,
      ...(process.env.BENCH_ACCORD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...serveArgs(),
    ],
    cwd: serverDir,
    env,
    listening: /Accord listening on (http:\/\/\S+)/,
    inspect: options.inspect ?? false,
  }).catch((error: unknown) => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const httpUrl = spawned.url;
  const wsBase = `${httpUrl.replace(/^http/, 'ws')}/sync`;
  let partnershipId: string | null = null;
  let auth: BenchAuth;
  try {
    auth = await signIn(httpUrl);
  } catch (error) {
    await spawned.stop();
    throw error;
  }
  const headers = (write: boolean): Record<string, string> => ({
    ...(auth.cookie && { cookie: auth.cookie }),
    ...(write && auth.csrfToken && { 'x-csrf-token': auth.csrfToken }),
    ...(write && { 'content-type': 'application/json' }),
  });
  const { pid } = spawned;
  return {
    kind: 'accord',
    pid,
    httpUrl,
    inspectorUrl: spawned.inspectorUrl,
    dataDir,
    databasePath: path.join(dataDir, 'accord.sqlite'),
    syncUrl: (roomId) => `${wsBase}/${roomId}?accord=1`,
    wsHeaders: auth.cookie ? { cookie: auth.cookie } : {},
    async createRoom() {
      if (!partnershipId) {
        const [partnership] = await fetchJson<{ id: string }[]>(`${httpUrl}/api/partnerships`, {
          headers: headers(false),
        });
        if (!partnership) throw new Error('Accord has no partnership: was the demo seeded?');
        partnershipId = partnership.id;
      }
      const document = await fetchJson<{ id: string }>(
        `${httpUrl}/api/partnerships/${partnershipId}/documents`,
        {
          method: 'POST',
          headers: headers(true),
          body: JSON.stringify({ title: BENCH_DOCUMENT_TITLE, kind: 'notes' }),
        },
      );
      return document.id;
    },
    health: () => fetchJson<{ rooms: number; connections: number }>(`${httpUrl}/api/health`),
    cpuMs: () => processCpuMs(pid),
    rssKiB: () => processRssKiB(pid),
    memoryAfterGc() {
      if (!spawned.inspectorUrl) throw new Error('start the server with inspect: true');
      return memoryAfterGcViaInspector(spawned.inspectorUrl, pid);
    },
    output: spawned.output,
    async stop() {
      await spawned.stop();
      if (ownDataDir && !options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
