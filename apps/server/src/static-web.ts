import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

/**
 * Reads `index.html`, again only when its modification time changed: a rebuild while the server
 * runs replaces the hashed script names, and deep links must load the new ones. One `statSync`
 * per HTML request; if the file is briefly missing mid-rebuild, the last good copy is served.
 */
function indexHtmlReader(indexPath: string): () => string {
  let html = readFileSync(indexPath, 'utf8');
  let mtimeMs = statSync(indexPath).mtimeMs;
  return () => {
    try {
      const current = statSync(indexPath).mtimeMs;
      if (current !== mtimeMs) {
        html = readFileSync(indexPath, 'utf8');
        mtimeMs = current;
      }
    } catch {
      // Keep the last good copy.
    }
    return html;
  };
}

/**
 * Serves the built web app from `webDist`, with `index.html` for every other path so the
 * browser's router handles `/d/:id` and friends. Hashed assets are cached for a year; the HTML
 * is revalidated on every load (`no-cache`), so it always names the current assets.
 */
export function mountWebApp<E extends Env>(app: Hono<E>, webDist: string): boolean {
  const indexPath = path.join(webDist, 'index.html');
  if (!existsSync(indexPath)) return false;
  const indexHtml = indexHtmlReader(indexPath);
  const root = path.relative(process.cwd(), webDist) || '.';
  // Headers go on the finished response: serveStatic's `onFound` runs after it has built its
  // response, too late to add any. Hashed assets never change; the HTML (from serveStatic for `/`,
  // from the fallback below for deep links) must be revalidated on every load.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      c.res.headers.set('Cache-Control', 'no-cache');
      // Invitation and reset pages carry their secret in the URL: never send it on as a referrer.
      c.res.headers.set('Referrer-Policy', 'no-referrer');
    } else if (c.req.path.startsWith('/assets/')) {
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(indexHtml()));
  return true;
}
