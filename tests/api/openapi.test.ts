import { createApp } from '../../api/app';
import { openApiDocument } from '../../api/openapi';
import type { AppDeps } from '../../api/env';

describe('OpenAPI document', () => {
  it('describes every API route the app serves, and nothing it does not', () => {
    // Routes are registered without touching the database or Temporal.
    const app = createApp({ settings: { namespace: 'x', taskQueue: 'x' }, timeZone: 'Asia/Shanghai' } as unknown as AppDeps);
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const doc = openApiDocument();
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    served.delete('get /api/openapi.json');
    for (const r of served) if (r.startsWith('get /api/docs')) served.delete(r);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('is OpenAPI 3.1 with request schemas taken from the validators', () => {
    const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/tickets'].post.requestBody!.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['hospitalId', 'systemCode', 'channel', 'title', 'description', 'reporterName']));
  });
});
