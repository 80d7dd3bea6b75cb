import path from 'node:path';
import fs from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import { authRoutes } from './auth/auth.routes';
import { signedInUser } from './auth/session';
import { said } from '../domain/messages';
import { ApiError, onError, spoken } from './errors';
import type { AppDeps } from './env';
import { departmentsRoutes, hospitalsRoutes, systemsRoutes } from './hospitals/hospitals.routes';
import { openApiDocument } from './openapi';
import { newRouter, route } from './route';
import { archiveRecordsRoutes } from './archive-records/archive-records.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { escalationsRoutes } from './escalations/escalations.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { slaPoliciesRoutes } from './sla-policies/sla-policies.routes';
import { tasksRoutes } from './tasks/tasks.routes';
import { usersRoutes } from './users/users.routes';
import { ticketsRoutes } from './tickets/tickets.routes';
import { ticketGateway } from './workflow/ticket-gateway';
import { sameOriginWrites } from './same-origin';
import { limitWrites, WriteRate } from './write-rate';

/** Large enough for a signature image (PNG of a pad, typically < 100 KiB), small enough to refuse abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

const health = route({ method: 'get', path: '/api/health', operationId: 'health', tag: 'ops', summary: 'Liveness: the API process answers', access: 'public' });
const ready = route({
  method: 'get',
  path: '/api/ready',
  operationId: 'ready',
  tag: 'ops',
  summary: 'Readiness: database and Temporal reachable',
  description: 'Vendor staff signed in also learn which part is down.',
  access: 'public',
  ok: { 200: 'Ready' },
  answers: [503],
});
const config = route({ method: 'get', path: '/api/config', operationId: 'getConfig', tag: 'ops', summary: 'Links the console needs (Temporal UI, namespace)', access: 'public' });

export function createApp(deps: AppDeps) {
  const tickets = ticketGateway({ temporal: deps.temporal, orm: deps.orm, taskQueue: deps.settings.taskQueue, timeoutMs: deps.temporalTimeoutMs });
  const app = newRouter();
  app.onError(onError);
  app.use('*', requestId());
  // nosniff, no framing (clickjacking), no referrer leaking ticket URLs; the console sets no inline script.
  app.use('*', secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'same-origin', contentSecurityPolicy: { frameAncestors: ["'none'"] } }));
  // What the API answers is one user's view of live tickets: never kept by a browser or proxy.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Server-Timing on every answer (auth, temporal, projection, total): where a slow step spent its
  // time, readable in the browser's network panel and by the benchmarks; same-origin only.
  app.use('/api/*', timing());
  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    if (process.env.DESK_ACCESS_LOG !== 'off') {
      const ms = (performance.now() - started).toFixed(1);
      console.log(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
    }
  });
  const origins = (process.env.DESK_CORS_ORIGINS ?? '').split(',').filter(Boolean);
  app.use('/api/*', cors({ origin: origins, credentials: true, exposeHeaders: ['Content-Range', 'X-Request-Id'] }));
  app.use('/api/*', sameOriginWrites(origins));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body is never read, so the connection ends here: saying so keeps a client
      // from sending its next request down a socket that is about to close (it would see a reset).
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json(spoken(said('request.too_large', { kib: MAX_BODY_BYTES / 1024 })), 413);
      },
    }),
  );
  // One EntityManager per request: its identity map must never leak between users.
  app.use('/api/*', async (c, next) => {
    c.set('em', deps.orm.em.fork());
    await next();
  });
  app.use('/api/*', limitWrites(deps.writeRate ?? WriteRate.fromEnv()));

  app.openapi(health, (c) => c.json({ status: 'ok' }));
  app.openapi(ready, async (c) => {
    const [db, temporal] = await Promise.all([
      deps.orm.em
        .fork()
        .getConnection()
        .execute('select 1')
        .then(() => 'ok', (e: Error) => e.message),
      deps.temporal.connection
        .withDeadline(Date.now() + 3000, () => deps.temporal.connection.workflowService.getSystemInfo({}))
        .then(() => 'ok', (e: Error) => e.message),
    ]);
    const ready = db === 'ok' && temporal === 'ok';
    // The infrastructure's own errors go to the log; vendor staff learn which part is down, others only whether.
    if (!ready) console.warn(`[${c.get('requestId')}] not ready: database ${db}; temporal ${temporal}`);
    const user = await signedInUser(c);
    const state = (r: string) => (r === 'ok' ? 'ok' : 'unavailable');
    const parts = user && user.role !== 'hospital_contact' ? { database: state(db), temporal: state(temporal) } : {};
    return c.json({ status: ready ? 'ready' : 'unavailable', ...parts }, ready ? 200 : 503);
  });
  app.openapi(config, (c) => c.json({ temporalUiUrl: deps.temporalUiUrl ?? null, namespace: deps.settings.namespace }));
  // Plain routes: the document and its viewer describe the API, they are not part of it.
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));

  app.route('/api/auth', authRoutes(deps));
  app.route('/api/tickets', ticketsRoutes(deps, tickets));
  app.route('/api/tasks', tasksRoutes(tickets));
  app.route('/api/hospitals', hospitalsRoutes());
  app.route('/api/departments', departmentsRoutes());
  app.route('/api/systems', systemsRoutes());
  app.route('/api/users', usersRoutes());
  app.route('/api/sla-policies', slaPoliciesRoutes());
  app.route('/api/escalations', escalationsRoutes());
  app.route('/api/archive-records', archiveRecordsRoutes());
  app.route('/api/notifications', notificationsRoutes());
  app.route('/api/dashboard', dashboardRoutes(deps));
  app.all('/api/*', () => {
    throw new ApiError(404, said('request.no_endpoint'));
  });

  if (deps.consoleDir && fs.existsSync(path.join(deps.consoleDir, 'index.html'))) {
    const root = path.relative(process.cwd(), deps.consoleDir) || '.';
    app.use('/*', serveStatic({ root }));
    // Client-side routes (#/tickets/…) all load the same page.
    const index = fs.readFileSync(path.join(deps.consoleDir, 'index.html'), 'utf8');
    app.get('*', (c) => c.html(index));
  }
  return app;
}
