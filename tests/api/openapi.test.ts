import { createApp } from '../../api/app';
import { openApiDocument } from '../../api/openapi';
import type { AppDeps } from '../../api/env';
import { lintOpenApi } from '../../harness/openapi-lint';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  'x-roles'?: string[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }>;
};

// Routes are registered without touching the database or Temporal.
const app = createApp({ settings: { namespace: 'x', taskQueue: 'x' }, timeZone: 'Asia/Shanghai' } as unknown as AppDeps);
const doc = openApiDocument(app) as unknown as { openapi: string; servers: unknown[]; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('OpenAPI document', () => {
  it('describes every API route the app serves, and nothing it does not', () => {
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations.map(({ method, path }) => `${method} ${path}`));
    served.delete('get /api/openapi.json');
    for (const r of served) if (r.startsWith('get /api/docs')) served.delete(r);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('is OpenAPI 3.1 with request schemas taken from the validators', () => {
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/tickets'].post.requestBody!.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['hospitalId', 'systemCode', 'channel', 'title', 'description', 'reporterName']));
  });

  it('passes the recommended rules of a standard OpenAPI linter', () => {
    const problems = lintOpenApi(doc);
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(`openapi lint: ${problems.length - warnings.length} errors, ${warnings.length} warnings`, warnings.slice(0, 10));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('names every operation, and documents each error it can answer with the one error schema', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect([path, method, errors.every(([, r]) => r.content?.['application/json'].schema.$ref === '#/components/schemas/Error')]).toEqual([path, method, true]);
      expect([path, method, '413' in op.responses]).toEqual([path, method, true]);
      const statuses = Object.keys(op.responses);
      if (op.security?.length !== 0) expect([path, statuses]).toEqual([path, expect.arrayContaining(['401', '503'])]);
      if (op['x-roles']) expect([path, statuses]).toEqual([path, expect.arrayContaining(['403'])]);
      if (path.includes('{id}')) expect([path, statuses]).toEqual([path, expect.arrayContaining(['404'])]);
      if (op.requestBody) expect([path, statuses]).toEqual([path, expect.arrayContaining(['400', '415'])]);
      if (method === 'post' || method === 'put') expect([path, statuses]).toEqual([path, expect.arrayContaining(['403', '415', '429'])]);
    }
    expect(Object.keys(doc.paths['/api/auth/login'].post.responses)).toEqual(expect.arrayContaining(['429']));
    expect(Object.keys(doc.paths['/api/tasks/{id}/complete'].post.responses)).toEqual(expect.arrayContaining(['400', '409', '422']));
  });

  it('says how a client gets its token: the session cookie or the same token as a bearer', () => {
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'sd_session' }),
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
  });

  it('declares roles where they are checked, and react-admin’s list parameters on every list', () => {
    expect(doc.paths['/api/users'].post['x-roles']).toEqual(['admin']);
    expect(doc.paths['/api/tickets/{id}/reassign'].post['x-roles']).toEqual(['dispatcher', 'manager']);
    for (const { path, op } of operations.filter(({ op }) => op.responses['200']?.headers?.['Content-Range'])) {
      expect([path, op.parameters?.filter((p) => p.in === 'query').map((p) => p.name)]).toEqual([path, ['sort', 'range', 'filter']]);
    }
    expect(doc.paths['/api/tickets'].get.responses['200'].headers).toHaveProperty('Content-Range');
  });
});
