/**
 * The API's docs page (Swagger UI) served from node_modules (swagger-ui-dist, pinned in
 * package.json), never from a CDN: the page and its assets come from this origin, and the page has
 * no inline script, so it runs under the same Content-Security-Policy as the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { said } from '../domain/messages';
import { ApiError } from './errors';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hospital service desk API</title>
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// Its own file, not an inline <script>: script-src 'self' allows it.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

const distDir = () => path.dirname(require.resolve('swagger-ui-dist/package.json'));
const cache = new Map<string, Buffer>();

export function docsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.html(PAGE));
  app.get('/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/:file', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) throw new ApiError(404, said('request.no_endpoint'));
    let body = cache.get(file);
    if (!body) cache.set(file, (body = fs.readFileSync(path.join(distDir(), file))));
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type });
  });
  return app;
}
