import path from 'node:path';
import fs from 'node:fs';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timing } from 'hono/timing';
import { serveConsole } from './console-assets';
import { authRoutes } from './auth/auth.routes';
import { passwordRoutes } from './auth/password.routes';
import { profileRoutes } from './auth/profile.routes';
import { DEFAULT_IDLE_MINUTES } from './auth/session';
import { signedInUser } from './auth/session';
import { said } from '../domain/messages';
import { ApiError, everyErrorToOnError, onError, spoken } from './errors';
import type { AppDeps } from './env';
import { departmentsRoutes, hospitalsRoutes, systemsRoutes } from './hospitals/hospitals.routes';
import { openApiDocument } from './openapi';
import { docsRoutes } from './docs';
import { newRouter, route } from './route';
import { attachmentsRoutes, ticketAttachmentsRoutes, UPLOAD_PATH, UPLOAD_TYPE, uploadBodyLimit } from './attachments/attachments.routes';
import { archiveRecordsRoutes } from './archive-records/archive-records.routes';
import { inspectionPlansRoutes } from './inspections/plans.routes';
import { inspectionsRoutes } from './inspections/inspections.routes';
import { inspectionBoardRoutes } from './inspections/board.routes';
import { inspectionTemplatesRoutes } from './inspections/templates.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { escalationsRoutes } from './escalations/escalations.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { slaPoliciesRoutes } from './sla-policies/sla-policies.routes';
import { tasksRoutes } from './tasks/tasks.routes';
import { savedViewsRoutes } from './saved-views/saved-views.routes';
import { usersRoutes } from './users/users.routes';
import { ticketsRoutes } from './tickets/tickets.routes';
import { inspectionGateway } from './workflow/inspection-gateway';
import { ticketGateway } from './workflow/ticket-gateway';
import { workerLiveness } from './workflow/worker-liveness';
import { restartRoutes } from './tickets/restart.routes';
import { documentsRoutes, verificationRoutes } from './documents/documents.routes';
import { exportRoutes } from './exports/exports.routes';
import { liveWorkers } from '../db/worker-heartbeat';
import { sameOriginWrites } from './same-origin';
import { limitWrites, WriteRate } from './write-rate';
import { createLogger } from '../platform/log';

/** Large enough for a signature image (PNG of a pad, typically < 100 KiB), small enough to refuse abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

const health = route({ method: 'get', path: '/api/health', operationId: 'health', tag: 'ops', summary: 'Liveness: the API process answers', access: 'public' });
const ready = route({
  method: 'get',
  path: '/api/ready',
  operationId: 'ready',
  tag: 'ops',
  summary: 'Readiness: database, Temporal and a worker reachable',
  description: 'Vendor staff signed in also learn which part is down.',
  access: 'public',
  ok: { 200: 'Ready' },
  answers: [503],
});
const config = route({ method: 'get', path: '/api/config', operationId: 'getConfig', tag: 'ops', summary: 'Links the console needs (Temporal UI, namespace)', access: 'public' });

/**
 * Everything the console and the API docs load comes from this origin. Styles allow
 * 'unsafe-inline' because MUI's emotion writes <style> elements at run time (without a nonce);
 * a style cannot run code. img-src allows data: for signature images (PNG data URLs).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function createApp(deps: AppDeps) {
  const tickets = ticketGateway({
    temporal: deps.temporal,
    orm: deps.orm,
    taskQueue: deps.settings.taskQueue,
    timeoutMs: deps.temporalTimeoutMs,
    // No worker: a step is 503 at once, a page reads PostgreSQL's record (docs/design.md, "Worker liveness").
    workerAlive: workerLiveness(deps.orm, deps.settings.taskQueue),
  });
  const inspections = inspectionGateway({ temporal: deps.temporal, taskQueue: deps.settings.taskQueue, timeoutMs: deps.temporalTimeoutMs, workerAlive: workerLiveness(deps.orm, deps.settings.taskQueue) });
  const log = deps.log ?? createLogger('api');
  const accessLog = deps.accessLog ?? process.env.DESK_ACCESS_LOG !== 'off';
  const app = newRouter();
  app.onError(onError);
  app.use('*', everyErrorToOnError);
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('log', log);
    await next();
  });
  // nosniff, no framing (clickjacking), no referrer leaking ticket URLs, and a CSP: scripts only
  // from this origin (the built console and the API docs have no inline script), so an injected
  // <script> or on* attribute does not run. See CONTENT_SECURITY_POLICY.
  app.use('*', secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'same-origin', contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  // What the API answers is one user's view of live tickets: never kept by a browser or proxy.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Server-Timing on every answer (auth, temporal, projection, total): where a slow step spent its
  // time, readable in the browser's network panel and by the benchmarks; same-origin only.
  app.use('/api/*', timing());
  // The access log: one JSON line per request, its path JSON-escaped (a `%0a` cannot forge a
  // line). Method, path, status and time only: never the query, headers, cookies or body.
  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    if (accessLog) {
      const ms = Number((performance.now() - started).toFixed(1));
      log.info({ requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
    }
  });
  const origins = (process.env.DESK_CORS_ORIGINS ?? '').split(',').filter(Boolean);
  app.use('/api/*', cors({ origin: origins, credentials: true, exposeHeaders: ['Content-Range', 'X-Request-Id'] }));
  app.use('/api/*', sameOriginWrites(origins, [{ path: UPLOAD_PATH, type: UPLOAD_TYPE }]));
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body is never read, so the connection ends here: saying so keeps a client
    // from sending its next request down a socket that is about to close (it would see a reset).
    onError: (c) => {
      c.header('Connection', 'close');
      return c.json(spoken(said('request.too_large', { kib: MAX_BODY_BYTES / 1024 })), 413);
    },
  });
  // An upload has its own, larger limit (api/attachments): a phone photo is more than 1 MiB.
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path) ? uploadBodyLimit(c, next) : jsonBodyLimit(c, next)));
  // One EntityManager per request: its identity map must never leak between users.
  const idleMs = (deps.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
  app.use('/api/*', async (c, next) => {
    c.set('em', deps.orm.em.fork());
    c.set('idleMs', idleMs);
    await next();
  });
  app.use('/api/*', limitWrites(deps.writeRate ?? WriteRate.fromEnv()));

  app.openapi(health, (c) => c.json({ status: 'ok' }));
  app.openapi(ready, async (c) => {
    const [db, temporal, worker] = await Promise.all([
      deps.orm.em
        .fork()
        .getConnection()
        .execute('select 1')
        .then(() => 'ok', (e: Error) => e.message),
      deps.temporal.connection
        .withDeadline(Date.now() + 3000, () => deps.temporal.connection.workflowService.getSystemInfo({}))
        .then(() => 'ok', (e: Error) => e.message),
      // A worker wrote its heartbeat row within 30 s (docs/decisions.md, "Worker liveness from a heartbeat row").
      liveWorkers(deps.orm.em.fork(), deps.settings.taskQueue).then(
        (n) => (n > 0 ? 'ok' : `no worker heartbeat on task queue ${deps.settings.taskQueue} in 30 s`),
        (e: Error) => e.message,
      ),
    ]);
    const ready = db === 'ok' && temporal === 'ok' && worker === 'ok';
    // The infrastructure's own errors go to the log; vendor staff learn which part is down, others only whether.
    if (!ready) log.warn({ requestId: c.get('requestId'), database: db, temporal, worker }, 'not ready');
    const user = await signedInUser(c);
    const state = (r: string) => (r === 'ok' ? 'ok' : 'unavailable');
    const parts = user && user.role !== 'hospital_contact' ? { database: state(db), temporal: state(temporal), worker: state(worker) } : {};
    return c.json({ status: ready ? 'ready' : 'unavailable', ...parts }, ready ? 200 : 503);
  });
  app.openapi(config, (c) => c.json({ temporalUiUrl: deps.temporalUiUrl ?? null, namespace: deps.settings.namespace }));
  // Plain routes: the document and its viewer describe the API, they are not part of it.
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app)));
  app.route('/api/docs', docsRoutes());

  app.route('/api/auth', authRoutes(deps));
  app.route('/api/auth', passwordRoutes(deps));
  app.route('/api/auth', profileRoutes());
  // Exports before the routes whose `/{id}` would take `export` for an id.
  app.route('/api', exportRoutes(deps));
  app.route('/api/tickets', ticketsRoutes(deps, tickets));
  app.route('/api/tickets', restartRoutes(tickets, deps.temporal));
  app.route('/api/tickets', documentsRoutes(deps));
  app.route('/api/verify', verificationRoutes());
  app.route('/api/tasks', tasksRoutes(tickets, deps.timeZone));
  app.route('/api/tickets', ticketAttachmentsRoutes());
  app.route('/api/attachments', attachmentsRoutes());
  app.route('/api/hospitals', hospitalsRoutes());
  app.route('/api/departments', departmentsRoutes());
  app.route('/api/systems', systemsRoutes());
  app.route('/api/users', usersRoutes());
  app.route('/api/sla-policies', slaPoliciesRoutes());
  app.route('/api/escalations', escalationsRoutes());
  app.route('/api/archive-records', archiveRecordsRoutes());
  app.route('/api/notifications', notificationsRoutes());
  app.route('/api/saved-views', savedViewsRoutes());
  app.route('/api/dashboard', dashboardRoutes(deps));
  app.route('/api/inspection-plans', inspectionPlansRoutes(deps));
  app.route('/api/inspection-templates', inspectionTemplatesRoutes());
  // The board before the inspections, whose `/{id}` would take `board` for an id.
  app.route('/api/inspections', inspectionBoardRoutes(deps));
  app.route('/api/inspections', inspectionsRoutes(deps, inspections, tickets));
  app.all('/api/*', () => {
    throw new ApiError(404, said('request.no_endpoint'));
  });

  if (deps.consoleDir && fs.existsSync(path.join(deps.consoleDir, 'index.html'))) serveConsole(app, deps.consoleDir);
  return app;
}
