import { z } from 'zod';
import { loginBody } from './auth/auth.routes';
import { createTicketBody } from '../domain/ticket.schemas';

type Op = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; summary: string; tag: string; body?: z.ZodType; list?: boolean; public?: boolean };

/** Every endpoint the console uses. Request bodies come from the same zod schemas the handlers validate with. */
const OPS: Op[] = [
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the httpOnly session cookie', tag: 'auth', body: loginBody, public: true },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', tag: 'auth', public: true },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in user', tag: 'auth' },
  { method: 'get', path: '/api/tickets', summary: 'List tickets (问题单) visible to the user', tag: 'tickets', list: true },
  { method: 'get', path: '/api/tickets/{id}', summary: 'One ticket by its number', tag: 'tickets' },
  { method: 'post', path: '/api/tickets', summary: 'Raise a service request: starts its workflow, returns the ticket', tag: 'tickets', body: createTicketBody },
  { method: 'get', path: '/api/hospitals', summary: 'List hospitals with their installed systems', tag: 'hospitals', list: true },
  { method: 'get', path: '/api/hospitals/{id}', summary: 'One hospital', tag: 'hospitals' },
  { method: 'get', path: '/api/departments', summary: 'List departments (filter hospitalId)', tag: 'hospitals', list: true },
  { method: 'get', path: '/api/systems', summary: 'The nursing systems under maintenance', tag: 'hospitals', list: true },
  { method: 'get', path: '/api/health', summary: 'Liveness', tag: 'ops', public: true },
  { method: 'get', path: '/api/ready', summary: 'Readiness: database and Temporal reachable', tag: 'ops', public: true },
];

const errorBody = {
  type: 'object',
  properties: { message: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
  required: ['message'],
};

const listParams = [
  { name: 'sort', in: 'query', schema: { type: 'string' }, example: '["receivedAt","DESC"]' },
  { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
  { name: 'filter', in: 'query', schema: { type: 'string' }, example: '{"status":"open"}' },
];

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const params = [...(op.path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []), ...(op.list ? listParams : [])];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } } } } : {}),
      responses: {
        200: { description: op.list ? 'Rows; the total is in the Content-Range header' : 'OK' },
        400: { description: 'Invalid input; `errors` names the fields', content: { 'application/json': { schema: errorBody } } },
        401: { description: 'Not signed in' },
        403: { description: 'Not allowed for this role or hospital' },
        503: { description: 'Database or Temporal unavailable' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hospital service desk API (医院维保服务台)', version: '0.1.0' },
    components: {
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'sd_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ cookie: [] }, { bearer: [] }],
    paths,
  };
}
