import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import type { Tag } from './route';

const TAGS: Record<Tag, string> = {
  auth: 'Signing in and out; who is signed in',
  tickets: 'Service requests (服务请求/问题单): each one is a Temporal workflow; the list and detail are its read model',
  tasks: 'The human steps of a ticket: claim one, complete it with its form',
  hospitals: 'Hospitals, their departments and the nursing systems they run',
  users: 'Accounts and roles',
  sla: 'Response commitments (服务响应承诺), their breaches and the manager’s dashboard',
  archive: 'The archive (系统档案库): closed tickets, hash-chained, read only',
  notifications: 'What the desk tells each user',
  views: 'Saved views of the lists (filter, sort, columns): your own, or shared with a role',
  inspections: 'Planned services (系统巡检, 性能分析, 安全检查): plans, each a Temporal Schedule, and their monthly occurrences',
  ops: 'Liveness, readiness and the links the console needs',
};

const built = new WeakMap<object, ReturnType<OpenAPIHono['getOpenAPI31Document']>>();

/**
 * The document of every route the app declares (api/route.ts): paths, parameters and bodies come
 * from the same createRoute declarations and zod schemas that validate requests. Built once per app.
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  const cached = built.get(app);
  if (cached) return cached;
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sd_session',
    description: 'The httpOnly cookie POST /api/auth/login sets (browsers send it themselves)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The same token, for clients without a browser: the `sd_session` value from the login answer’s Set-Cookie, sent as `Authorization: Bearer <token>`',
  });
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Hospital service desk API (医院维保服务台)',
      version: '0.1.0',
      description:
        'Every error answers `{ code, params?, message, errors? }`: `code` is a stable message code (domain/messages.ts), `message` its English, `errors` the same per field. Lists follow react-admin’s simple REST convention (sort, range, filter; Content-Range).',
      // SPDX's way to name a licence of one's own (OpenAPI 3.1 `identifier`; the generator's types predate it).
      license: { name: 'Proprietary', ...{ identifier: 'LicenseRef-Proprietary' } },
    },
    servers: [{ url: '/', description: 'The desk that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ session: [] }, { bearer: [] }],
  });
  built.set(app, doc);
  return doc;
}
