import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { said } from '../domain/messages';
import type { Role } from '../domain/roles';
import { requireRole, requireUser } from './auth/session';
import type { AppEnv } from './env';
import { ErrorSchema } from './error.schema';
import { listQuery } from './list-query';
import { refuseInvalid, unparseableAsAbsent } from './validate';
import { idempotencyHeaders } from './workflow/update-id';

/** The groups of the document (api/openapi.ts describes each). */
export type Tag = 'auth' | 'tickets' | 'tasks' | 'hospitals' | 'users' | 'sla' | 'archive' | 'notifications' | 'views' | 'inspections' | 'ops';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
type Request = NonNullable<RouteConfig['request']>;

export interface Declaration<M extends RouteConfig['method'], P extends string, Req extends Request> {
  method: M;
  path: P;
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  /** `public`: no session; `signed-in` (the default): any user, who still sees only what is theirs; or the roles allowed (403 otherwise). */
  access?: 'public' | 'signed-in' | readonly Role[];
  request?: Req;
  /** A react-admin list: takes sort, range and filter (the list's own schema, naming its sort fields, or the generic one), answers Content-Range. */
  list?: boolean | z.ZodObject<z.ZodRawShape>;
  /** Takes an Idempotency-Key. */
  idempotent?: boolean;
  /** Success answers, status → what it carries; 200 'OK' if not given. */
  ok?: Partial<Record<200 | 201 | 202 | 204, string>>;
  /** Errors the handler itself answers, beyond those the declaration implies. */
  answers?: ErrorStatus[];
  /** Checks that must answer before the request is validated (a row the user may not see is 404 whatever the body). */
  before?: MiddlewareHandler<AppEnv>[];
}

const ERRORS: Record<ErrorStatus, string> = {
  400: 'Invalid input: `errors` names each bad field, query parameter or header',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed: your role or hospital may not do this (`x-roles`), or a write carried the session cookie from another site',
  404: 'Not found, or not visible to you',
  409: 'No longer allowed in the state the ticket or task is in; `code` says why',
  413: 'Body larger than 1 MiB (an attachment: larger than 10 MB)',
  415: 'Body not sent as JSON (Content-Type: application/json); for an attachment, a file whose content is not a kept type, or a program',
  422: 'Well-formed but refused: `errors` names the fields (no such hospital, unsuitable user, taken name…)',
  429: 'Too many: failed sign-ins (login), or writes by one user in a minute; retry after Retry-After seconds',
  503: 'Database or Temporal unavailable; retry after Retry-After seconds',
};

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } } };

/** Every route's OpenAPIHono: schema refusals answer in the shape of every other error (api/validate.ts). */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: refuseInvalid(said('request.fields')) });

/** A JSON request body checked by `schema`: the route validates with it, and the document shows it. */
export const jsonBody = <S extends z.ZodType>(schema: S, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});

/**
 * One route, declared once: createRoute's config with who may call it (the session and role checks
 * installed as its middleware, and documented as `security`, `x-roles` and 403) and every status
 * it can answer, each error with the shared error schema.
 */
export function route<M extends RouteConfig['method'], P extends string, Req extends Request = Request>(d: Declaration<M, P, Req>) {
  const access = d.access ?? 'signed-in';
  const roles = Array.isArray(access) ? (access as readonly Role[]) : undefined;
  const write = d.method === 'post' || d.method === 'put';
  const request: Request = {
    ...d.request,
    ...(d.list ? { query: d.list === true ? listQuery : d.list } : {}),
    ...(d.idempotent ? { headers: idempotencyHeaders } : {}),
  };
  const validatesBody = Object.values(request.body?.content ?? {}).some((m) => !!m && 'schema' in m && typeof m.schema === 'object' && 'safeParse' in m.schema);
  const statuses = new Set<ErrorStatus>([
    413,
    ...(access === 'public' ? [] : ([401, 503] as const)),
    ...(roles || write ? [403 as const] : []),
    ...(write ? ([415, 429] as const) : []),
    ...(request.body || request.query || request.headers ? [400 as const] : []),
    ...(request.params ? [404 as const] : []),
    ...(d.answers ?? []),
  ]);
  const ok = d.ok ?? { 200: 'OK' };
  const responses = Object.fromEntries([
    ...Object.entries(ok).map(([status, description]) => [
      status,
      { description, ...(d.list ? { headers: { 'Content-Range': { description: '`<resource> <first>-<last>/<total>`: the rows returned and how many there are', schema: { type: 'string' as const } } } } : {}) },
    ]),
    ...[...statuses]
      .sort()
      .map((s) => [s, { description: ERRORS[s], ...(s === 429 || s === 503 ? { headers: retryAfter } : {}), content: { 'application/json': { schema: ErrorSchema } } }]),
  ]);
  const middleware: MiddlewareHandler<AppEnv>[] = [
    ...(access === 'public' ? [] : [requireUser]),
    ...(roles ? [requireRole(...roles)] : []),
    ...(d.before ?? []),
    ...(validatesBody ? [unparseableAsAbsent] : []),
  ];
  const description = [d.description, roles && `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
  const config = createRoute({
    method: d.method,
    path: d.path,
    operationId: d.operationId,
    tags: [d.tag],
    summary: d.summary,
    ...(description ? { description } : {}),
    ...(roles ? { 'x-roles': roles } : {}),
    ...(access === 'public' ? { security: [] } : {}),
    request,
    responses,
    middleware,
  });
  return config as unknown as Declared<M, P, Req>;
}

/** What route() gives openapi(): the request typed as declared; answers are plain Responses (statuses checked by tests, not types). */
type Declared<M, P, Req> = Omit<RouteConfig, 'method' | 'path' | 'request' | 'responses' | 'middleware'> & {
  method: M;
  path: P;
  request: Req;
  responses: { [status: string]: { description: string } };
  middleware: MiddlewareHandler<AppEnv>[];
};
