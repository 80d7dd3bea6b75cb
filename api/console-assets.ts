import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

/** Vite names every built asset by its content's hash: a name never changes meaning. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page that names the assets is asked for again each time, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * The built console: the brotli or gzip copy written at build time (admin-ui/precompress.mts)
 * when the browser accepts it, hashed assets cached for a year, index.html revalidated.
 */
export function serveConsole(app: Hono<AppEnv>, consoleDir: string): void {
  const root = path.relative(process.cwd(), consoleDir) || '.';
  app.use('/*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/') || c.res.status >= 400) return;
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    // Caches keep one copy per encoding, even of the files that went out uncompressed.
    c.header('Vary', 'Accept-Encoding');
  });
  app.use('/*', serveStatic({ root, precompressed: true }));
  // An asset of another build is gone, not the page: a year-long cache must never keep index.html under its name.
  app.get('/assets/*', (c) => c.text('Not Found', 404));
  // Client-side routes (#/tickets/…) all load the same page.
  const index = fs.readFileSync(path.join(consoleDir, 'index.html'), 'utf8');
  app.get('*', (c) => c.html(index));
}
