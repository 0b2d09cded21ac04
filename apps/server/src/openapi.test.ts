import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '@accord/store';
import { SyncServer } from '@accord/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { Sessions } from './auth/sessions.ts';
import { LiveAccess } from './live-access.ts';
import { openApiDocument, operations } from './openapi.ts';

const store = createSqliteStore({
  path: path.join(mkdtempSync(path.join(os.tmpdir(), 'accord-openapi-')), 'accord.sqlite'),
});
const sync = new SyncServer({
  persistence: {
    documentExists: async () => false,
    loadBody: store.loadBody.bind(store),
    appendUpdates: store.appendUpdates.bind(store),
    compact: store.compact.bind(store),
  },
});
afterAll(async () => {
  await sync.shutdown();
  await store.close();
});

describe('the OpenAPI document', () => {
  it('describes exactly the REST routes the app serves', () => {
    const app = createApp({
      store,
      sync,
      sessions: new Sessions(store, { idleMs: 60_000, secureCookies: false }),
      live: new LiveAccess(sync, store),
      publicUrl: null,
      webDist: null,
    });
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set(operations.map((op) => `${op.method} ${op.path}`));
    expect([...served].sort()).toEqual([...described].sort());
  });

  it('is valid JSON with a request schema for every body', () => {
    const document = openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const text = JSON.stringify(document);
    expect(text).toContain('"invitationToken"');
    expect(text).toContain('"facilitator"');
  });
});
