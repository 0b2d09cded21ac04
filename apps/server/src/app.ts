import type { Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { Hono } from 'hono';
import { apiError } from './errors.ts';
import { documentRoutes } from './routes/documents.ts';
import { partnershipRoutes } from './routes/partnerships.ts';
import { mountWebApp } from './static-web.ts';
import { syncEndpoint } from './sync-endpoint.ts';

export interface AppDeps {
  store: Store;
  sync: SyncServer;
  /** Folder of the built web app, or null to serve only the API and sync. */
  webDist: string | null;
}

/** The whole HTTP surface: REST API, the websocket sync endpoint, and the web app. */
export function createApp({ store, sync, webDist }: AppDeps): Hono {
  const app = new Hono();

  app.get('/api/health', (c) => c.json({ ok: true, ...sync.stats() }));
  app.route('/api/partnerships', partnershipRoutes(store));
  app.route('/api/documents', documentRoutes(store));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'No such API route.'));
  app.get('/sync/:documentId', syncEndpoint(sync));

  app.onError((error, c) => {
    console.error('[http] unhandled error', error);
    return apiError(c, 500, 'internal', 'Something went wrong on the server.');
  });

  if (webDist) mountWebApp(app, webDist);
  return app;
}
