import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InspectionTemplate, type IInspectionTemplate } from '../../db/entities';
import { sql } from '../../db/sql';
import { compiledRefusals, templateVersionInput } from '../../domain/inspection/template.schemas';
import { TEMPLATE_CODES, type TemplateCode } from '../../domain/inspection/templates';
import { said } from '../../domain/messages';
import { ApiError, notFound, unprocessable } from '../errors';
import { contentRange, parseListQuery, unknownFilter } from '../list-query';
import { jsonBody, newRouter, route } from '../route';

interface TemplateRow {
  id: number;
  code: TemplateCode;
  version: number;
  title: string;
  sections: IInspectionTemplate['sections'];
  created_at: Date;
  created_by_id: number | null;
  created_by_name: string | null;
}

/** react-admin's id is the code: the list shows each template once, at its latest version. */
const templateDto = (t: TemplateRow) => ({
  id: t.code,
  code: t.code,
  version: t.version,
  title: t.title,
  sections: t.sections,
  createdAt: new Date(t.created_at).toISOString(),
  createdById: t.created_by_id,
  createdByName: t.created_by_name,
});

const COLUMNS = `t.id, t.code, t.version, t.title, t.sections, t.created_at, t.created_by_id, u.display_name as created_by_name
  from inspection_templates t left join users u on u.id = t.created_by_id`;

const latest = (em: EntityManager, codes: readonly string[]) =>
  sql<TemplateRow>(em, `select distinct on (t.code) ${COLUMNS} where t.code = any(?) order by t.code, t.version desc`, [codes]);

const code = z.object({
  code: z.enum(TEMPLATE_CODES, { error: 'template.not_found' }).openapi({ param: { description: `The template: ${TEMPLATE_CODES.join(', ')}` }, example: 'monthly_inspection' }),
});
// The templates are the vendor's forms: who plans and carries out the work reads them; an admin changes them.
const readers = ['admin', 'manager', 'dispatcher', 'engineer'] as const;
const tag = 'inspections';
const routes = {
  list: route({ method: 'get', path: '/', operationId: 'listInspectionTemplates', tag, summary: 'Report templates, each at its latest version', description: 'Filters: id (template codes). Sort: id.', access: readers, list: true }),
  get: route({ method: 'get', path: '/{code}', operationId: 'getInspectionTemplate', tag, summary: 'A template at its latest version', access: readers, request: { params: code } }),
  versions: route({ method: 'get', path: '/{code}/versions', operationId: 'listInspectionTemplateVersions', tag, summary: 'Every version of a template, newest first (an inspection keeps the one it started with)', access: readers, request: { params: code } }),
  create: route({
    method: 'post',
    path: '/{code}/versions',
    operationId: 'createInspectionTemplateVersion',
    tag,
    summary: 'Save a new version of a template: the whole template, its items typed',
    description:
      'Items are `check`, `measurement` (with its `unit`) or `text`; keys unique in the template. The compiled items (`fault_summary`, `storage_capacity`) of the version before cannot be removed or retyped (422). `baseVersion` is the version the edit started from: 409 `template.stale` if another was saved since. Inspections under way keep their version.',
    access: ['admin'],
    request: { params: code, body: jsonBody(templateVersionInput) },
    ok: { 201: 'The new version' },
    answers: [409, 422],
  }),
};

export function inspectionTemplatesRoutes() {
  const r = newRouter();

  r.openapi(routes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ['id'], defaultSort: { field: 'id', order: 'ASC' } });
    let codes: readonly string[] = TEMPLATE_CODES;
    for (const [k, v] of Object.entries(q.filter)) {
      if (k === 'id') codes = [v].flat().map(String);
      else throw unknownFilter(k);
    }
    const rows = (await latest(c.get('em'), codes)).sort((a, b) => TEMPLATE_CODES.indexOf(a.code) - TEMPLATE_CODES.indexOf(b.code));
    if (q.sort.order === 'DESC') rows.reverse();
    const page = rows.slice(q.offset, q.offset + q.limit);
    c.header('Content-Range', contentRange('inspection-templates', q.offset, page.length, rows.length));
    return c.json(page.map(templateDto));
  });

  r.openapi(routes.get, async (c) => {
    const [row] = await latest(c.get('em'), [c.req.valid('param').code]);
    if (!row) throw notFound('template.not_found');
    return c.json(templateDto(row));
  });

  r.openapi(routes.versions, async (c) => {
    const rows = await sql<TemplateRow>(c.get('em'), `select ${COLUMNS} where t.code = ? order by t.version desc`, [c.req.valid('param').code]);
    if (!rows.length) throw notFound('template.not_found');
    return c.json(rows.map(templateDto));
  });

  r.openapi(routes.create, async (c) => {
    const em = c.get('em');
    const templateCode = c.req.valid('param').code;
    const body = c.req.valid('json');
    const [previous] = await latest(em, [templateCode]);
    if (!previous) throw notFound('template.not_found');
    if (previous.version !== body.baseVersion) throw new ApiError(409, said('template.stale', { version: previous.version }));
    const refused = compiledRefusals(previous, body);
    if (Object.keys(refused).length) throw unprocessable(refused);
    em.create(InspectionTemplate, { code: templateCode, version: previous.version + 1, title: body.title, sections: body.sections, createdBy: c.get('user').id });
    try {
      await em.flush();
    } catch (e) {
      // Two admins saving from the same version at once: the second is told, as when it came later.
      if (e instanceof UniqueConstraintViolationException) throw new ApiError(409, said('template.stale', { version: previous.version + 1 }));
      throw e;
    }
    const [saved] = await latest(em, [templateCode]);
    return c.json(templateDto(saved), 201);
  });
  return r;
}
