import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSqliteStore, type Store } from '@accord/store';
import { SyncServer } from '@accord/sync';
import { createAdaptorServer } from '@hono/node-server';
import { ActionIndexer } from './actions/indexer.ts';
import { renderMissingFinalExports } from './agreements/final-exports.ts';
import { documentLock } from './agreements/lifecycle.ts';
import { createApp } from './app.ts';
import { Sessions } from './auth/sessions.ts';
import { BackgroundTasks } from './background.ts';
import type { Config } from './config.ts';
import { type DigestScheduler, startDigests } from './digest/scheduler.ts';
import { workerRenderer } from './exports/renderer.ts';
import { LiveAccess } from './live-access.ts';
import { noMailer } from './mail/mailer.ts';
import { createSmtpMailer } from './mail/smtp.ts';
import { type SeededDemo, seedDemo } from './seed.ts';
import type { SyncEndpointDeps } from './sync-endpoint.ts';
import { SocketIdentities } from './sync-identity.ts';
import type { SyncSocket } from './sync-socket.ts';
import { handleSyncUpgrades } from './sync-upgrade.ts';

export interface RunningServer {
  url: string;
  demoUrl: string | null;
  /** Sign-in details of the demo accounts, when this start seeded them. */
  demoAccounts: SeededDemo['accounts'];
  store: Store;
  sync: SyncServer;
  /** Stores everything, closes every socket (4503), then the store. */
  stop(): Promise<void>;
}

/** Opens the store, seeds it when asked, and serves HTTP + websocket sync on one port. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = createSqliteStore({ path: config.databasePath, synchronous: config.synchronous });
  let demoPartnershipId: string | null = null;
  let demoAccounts: SeededDemo['accounts'] = [];
  const partnerships = await store.listPartnerships();
  if (config.seed === 'on' || (config.seed === 'auto' && partnerships.length === 0)) {
    const seeded = await seedDemo(store);
    demoPartnershipId = seeded.partnershipId;
    demoAccounts = seeded.accounts;
  } else if (partnerships.length > 0) {
    demoPartnershipId = partnerships[0]!.id;
  }

  const actionIndex = new ActionIndexer(store, { delayMs: config.actionIndexDelayMs });
  const sync = new SyncServer({
    persistence: {
      documentExists: async (id) => (await store.getDocument(id))?.archived === false,
      loadBody: (id) => store.loadBody(id),
      // The action index hooks in after the store's commit, outside the room: it only schedules
      // a debounced re-read of the stored body, so the sync path never waits for it.
      appendUpdates: async (rows) => {
        const committed = await store.appendUpdates(rows);
        for (const { documentId, update } of rows) actionIndex.schedule(documentId, [update]);
        return committed;
      },
      compact: (id, state, uptoSeq) => store.compact(id, state, uptoSeq),
      documentLock: (id) => documentLock(store, id),
    },
    limits: config.limits,
    unloadDelayMs: config.unloadDelayMs,
    ...(config.commitIntervalMs !== undefined && { commitIntervalMs: config.commitIntervalMs }),
  });
  const sessions = new Sessions(store, {
    idleMs: config.sessionIdleMs,
    secureCookies: config.secureCookies,
  });
  const live = new LiveAccess(sync, store);
  // Sweep twice per idle period, at most every 30 s, so expiry closes sockets promptly.
  live.startExpirySweep(Math.min(30_000, Math.max(250, config.sessionIdleMs / 2)));
  const mailer = config.smtp ? createSmtpMailer(config.smtp, config.mailFrom) : noMailer;
  const background = new BackgroundTasks();
  // Exports render in a worker thread: a PDF is ~200 ms of CPU that the rooms must not wait for.
  const exportRenderer = workerRenderer();
  background.run('final-exports', () => renderMissingFinalExports(store, exportRenderer));
  const app = createApp({
    store,
    sync,
    sessions,
    live,
    publicUrl: config.publicUrl,
    webDist: config.webDist,
    mailer,
    background,
    exportRenderer,
    actionIndex,
  });
  // Comment digests by email, when there is mail (the config requires a public URL with it).
  const digests: DigestScheduler | null =
    config.smtp && config.publicUrl
      ? startDigests({
          store,
          mailer,
          publicUrl: config.publicUrl,
          intervalMs: config.digestIntervalMs,
        })
      : null;
  // Documents stored before the index existed (or seeded just now) are indexed in the background.
  void actionIndex.catchUp();
  const openSockets = new Set<SyncSocket>();
  const server = createAdaptorServer({ fetch: app.fetch });
  const syncEndpoint: SyncEndpointDeps = {
    sync,
    store,
    sessions,
    allowedOrigins: config.allowedOrigins,
    maxSocketsPerPerson: config.maxSocketsPerPerson,
    identities: new SocketIdentities(),
    open: openSockets,
    limits: {
      maxMessageBytes: sync.limits.maxFrameBytes,
      // A joiner's whole document is one frame: room for a few of those behind a slow reader.
      maxBufferedBytes: Math.max(16 * 1024 * 1024, 4 * sync.limits.maxFrameBytes),
      closeTimeoutMs: 10_000,
    },
    accepting: true,
  };
  handleSyncUpgrades(server as Server, syncEndpoint);
  // Listen once the store can commit: a first join must not share the CPU with start-up.
  await store.ready();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;

  let stopping: Promise<void> | null = null;
  return {
    url,
    demoUrl: demoPartnershipId ? `${url}/p/${demoPartnershipId}` : null,
    demoAccounts,
    store,
    sync,
    stop() {
      stopping ??= (async () => {
        server.close();
        syncEndpoint.accepting = false;
        live.stop();
        await digests?.stop();
        await background.idle();
        mailer.close();
        await exportRenderer.close();
        await sync.shutdown();
        await actionIndex.stop();
        for (const socket of openSockets) socket.terminate();
        await store.close();
      })();
      return stopping;
    },
  };
}
