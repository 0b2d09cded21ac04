import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built web app from `webDist`, with `index.html` for every other path so the
 * browser's router handles `/d/:id` and friends. Hashed assets are cached for a year.
 */
export function mountWebApp(app: Hono, webDist: string): boolean {
  const indexPath = path.join(webDist, 'index.html');
  if (!existsSync(indexPath)) return false;
  const indexHtml = readFileSync(indexPath, 'utf8');
  const root = path.relative(process.cwd(), webDist) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(indexHtml));
  return true;
}
