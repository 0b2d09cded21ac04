import { shortFingerprint } from '@accord/editor';
import { isStoreError, type Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { Hono } from 'hono';
import { renderFinalExports } from './agreements/final-exports.ts';
import { AgreementLifecycle } from './agreements/lifecycle.ts';
import { notifySignatories } from './agreements/notify.ts';
import { authenticate, protectWrites } from './auth/middleware.ts';
import type { Sessions } from './auth/sessions.ts';
import { BackgroundTasks } from './background.ts';
import type { AppEnv } from './env.ts';
import { apiError } from './errors.ts';
import { type ExportRenderer, inProcessRenderer } from './exports/renderer.ts';
import type { LiveAccess } from './live-access.ts';
import { type Mailer, noMailer } from './mail/mailer.ts';
import { openApiDocument } from './openapi.ts';
import { actionRoutes } from './routes/actions.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { authRoutes } from './routes/auth.ts';
import { awaitingSignatureRoutes } from './routes/awaiting-signature.ts';
import { commentRoutes } from './routes/comments.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/exports.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { partnershipRoutes } from './routes/partnerships.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { verifyRoutes } from './routes/verify.ts';
import { mountWebApp } from './static-web.ts';

export interface AppDeps {
  store: Store;
  sync: SyncServer;
  sessions: Sessions;
  live: LiveAccess;
  /** Base URL used in invitation and reset links; the request's origin when null. */
  publicUrl: string | null;
  /** Folder of the built web app, or null to serve only the API and sync. */
  webDist: string | null;
  /** Password-reset mail; none by default. */
  mailer?: Mailer;
  /** Where requests leave work they do not wait for; the server waits for it when stopping. */
  background?: BackgroundTasks;
  /** Renders exports; the server passes a worker thread, tests may render in-process (default). */
  exportRenderer?: ExportRenderer;
  /** Re-reads documents into the action index; none means the index follows stored edits only. */
  actionIndex?: { schedule(documentId: string): void };
}

/** The HTTP surface: REST API and the web app (websocket upgrades: sync-upgrade.ts). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, sync, sessions, live } = deps;
  // Exports render off the rooms' thread: the server passes its export worker.
  const exportRenderer = deps.exportRenderer ?? inProcessRenderer();
  const mailer = deps.mailer ?? noMailer;
  const background = deps.background ?? new BackgroundTasks();
  const app = new Hono<AppEnv>();
  // Open pages refresh their lifecycle bar and signing panel; the lock itself travels in the
  // session frame.
  const announce = (documentId: string, state: string, version: number) =>
    sync.sendEvent({ documentId }, { type: 'agreement.changed', documentId, state, version });
  const agreements = new AgreementLifecycle(store, sync, {
    changed({ document, agreement, kind }) {
      announce(document.id, agreement.state, agreement.version);
      if (kind === 'signing') {
        background.run('signing-mail', async () => {
          const version = await store.getAgreementVersion(document.id, agreement.version);
          if (!version) return;
          await notifySignatories({
            store,
            mailer,
            publicUrl: deps.publicUrl,
            document,
            parties: version.parties,
            shortFingerprint: shortFingerprint(version.fingerprint),
          });
        });
      }
      if (kind !== 'final') return;
      // Rendering is not editing: it runs after the answer, from the stored state.
      background.run('final-exports', async () => {
        if (await renderFinalExports(store, exportRenderer, document)) {
          announce(document.id, agreement.state, agreement.version);
        }
      });
    },
  });

  app.get('/api/health', (c) => c.json({ ok: true, ...sync.stats() }));
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.use('/api/*', authenticate(sessions), protectWrites());
  app.route(
    '/api/auth',
    authRoutes({ store, sessions, live, mailer, background, publicUrl: deps.publicUrl }),
  );
  app.route(
    '/api/partnerships',
    partnershipRoutes({
      store,
      live,
      publicUrl: deps.publicUrl,
      mailer,
      agreements,
      ...(deps.actionIndex && { actionIndex: deps.actionIndex }),
    }),
  );
  app.route('/api/partnerships', inboxRoutes({ store }));
  app.route('/api/partnerships', awaitingSignatureRoutes({ store }));
  const actions = actionRoutes({ store });
  app.route('/api/partnerships', actions.partnerships);
  app.route('/api/documents', actions.documents);
  app.route('/api/documents', documentRoutes({ store, sync }));
  app.route('/api/documents', commentRoutes({ store, sync }));
  app.route('/api/documents', exportRoutes({ store, renderer: exportRenderer }));
  app.route('/api/documents', reviewRoutes({ store, sync }));
  app.route('/api/documents', agreementRoutes({ store, lifecycle: agreements }));
  app.route('/api/organisations', organisationRoutes({ store }));
  app.route('/api/invitations', invitationRoutes(store));
  app.route('/api/verify', verifyRoutes({ store }));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'No such API route.'));
  // The websocket sync endpoint (/sync/:documentId) is not a Hono route: see sync-upgrade.ts.

  app.onError((error, c) => {
    // Expected refusals of the store that a route did not check first still get a clear answer.
    if (isStoreError(error)) {
      if (error.code === 'email_taken') return apiError(c, 409, 'email_taken', error.message);
      if (error.code.startsWith('unknown_')) return apiError(c, 404, 'not_found', error.message);
      return apiError(c, 409, 'conflict', error.message);
    }
    console.error('[http] unhandled error', error);
    return apiError(c, 500, 'internal', 'Something went wrong on the server.');
  });

  if (deps.webDist) mountWebApp(app, deps.webDist);
  return app;
}
