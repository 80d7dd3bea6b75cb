import { ApiSession } from '../../harness/http-session';
import { inspectionPlanBody } from '../../harness/inspections';
import { useStack } from '../../harness/use-stack';
import { MONTHLY_INSPECTION, type TemplateSection } from '../../domain/inspection/templates';
import { Hospital } from '../../db/entities';

/**
 * Report templates, versioned and editable by an admin (issue 16, item 3): a save is a new
 * version; an inspection keeps the version it started with; a bad template is refused naming the
 * field, and nothing is written. On a database of the file's own: other files' inspections open
 * on the shared database's templates.
 */
const { stack, a } = useStack({ ownDatabase: true });

interface Template {
  id: string;
  code: string;
  version: number;
  title: string;
  sections: TemplateSection[];
  createdByName: string | null;
}
interface Refusal {
  code: string;
  errors?: Record<string, { code: string; params?: Record<string, string> }>;
}

let admin: ApiSession;
let manager: ApiSession;
let hospitals: Record<string, number>;

/** The monthly inspection as the editor would send it: a copy to change. */
const monthly = (): { baseVersion: number; title: string; sections: TemplateSection[] } => ({ baseVersion: 1, title: MONTHLY_INSPECTION.title, sections: structuredClone(MONTHLY_INSPECTION.sections) });
const versions = async () => (await manager.get<Template[]>('/api/inspection-templates/monthly_inspection/versions')).body.map((t) => t.version);
const post = (s: ApiSession, body: unknown) => s.post<Refusal & Template>('/api/inspection-templates/monthly_inspection/versions', body);

/** A plan for the hospital and its occurrence of this month, opened now (the worker runs openInspection). */
async function occurrence(hospitalCode: string): Promise<{ id: number; templateVersion: number }> {
  const plan = await manager.post<{ id: number }>('/api/inspection-plans', inspectionPlanBody(hospitals[hospitalCode], a.engineer.userId));
  expect(plan.status).toBe(201);
  const opened = await manager.post<{ inspectionId: number }>(`/api/inspection-plans/${plan.body.id}/run`);
  expect(opened.status).toBe(200);
  return (await manager.get<{ id: number; templateVersion: number }>(`/api/inspections/${opened.body.inspectionId}`)).body;
}

beforeAll(async () => {
  [admin, manager] = await Promise.all(['admin', 'manager'].map((u) => ApiSession.login(stack.baseUrl, u)));
  hospitals = Object.fromEntries((await stack.orm.em.fork().find(Hospital, {})).map((h) => [h.code, h.id]));
});

describe('report templates', () => {
  let before: { id: number; templateVersion: number };

  it('lists each template once, at its latest version', async () => {
    const list = await manager.get<Template[]>('/api/inspection-templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t) => [t.id, t.version])).toEqual([
      ['monthly_inspection', 1],
      ['performance_analysis', 1],
      ['security_check', 1],
    ]);
    expect(list.headers.get('content-range')).toBe('inspection-templates 0-2/3');
    expect((await manager.get('/api/inspection-templates/no_such_template')).status).toBe(404);
  });

  it('an admin saves a new version; the inspection under way keeps the version it started with, the next one takes the new', async () => {
    before = await occurrence('CDPHC');
    expect(before.templateVersion).toBe(1);

    const body = monthly();
    body.title = '系统巡检报告（2027 版）';
    body.sections[1].items.push({ key: 'ups_status', label: '机房不间断电源（UPS）运行状态与电池自检结果', kind: 'check', required: true });
    body.sections[1].items.push({ key: 'disk_latency', label: '数据库存储平均写入延迟', kind: 'measurement', unit: 'ms', required: false });
    const saved = await post(admin, body);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ id: 'monthly_inspection', version: 2, title: '系统巡检报告（2027 版）', createdByName: '系统管理员' });
    expect(saved.body.sections[1].items.map((i) => i.key)).toContain('ups_status');

    const all = (await manager.get<Template[]>('/api/inspection-templates/monthly_inspection/versions')).body;
    expect(all.map((t) => t.version)).toEqual([2, 1]);
    expect(all[1].sections).toEqual(MONTHLY_INSPECTION.sections);
    expect((await manager.get<Template>('/api/inspection-templates/monthly_inspection')).body.version).toBe(2);

    expect((await manager.get<{ templateVersion: number }>(`/api/inspections/${before.id}`)).body.templateVersion).toBe(1);
    const after = await occurrence('DEMO2');
    expect(after.templateVersion).toBe(2);
  });

  it('refuses a bad template naming the field, and writes nothing', async () => {
    const count = (await versions()).length;
    const fresh = () => ({ ...monthly(), baseVersion: count });

    const duplicate = fresh();
    duplicate.sections[2].items[1].key = 'app_config';
    const dup = await post(admin, duplicate);
    expect([dup.status, dup.body.errors?.['sections.2.items.1.key']?.code]).toEqual([400, 'template.key_taken']);

    const noUnit = fresh();
    delete noUnit.sections[1].items[4].unit;
    const unit = await post(admin, noUnit);
    expect([unit.status, unit.body.errors?.['sections.1.items.4.unit']?.code]).toEqual([400, 'template.unit_required']);

    const badKind = fresh();
    (badKind.sections[0].items[0] as { kind: string }).kind = 'photo';
    expect((await post(admin, badKind)).status).toBe(400);

    const removed = fresh();
    removed.sections = removed.sections.filter((s) => s.key !== 'faults');
    const gone = await post(admin, removed);
    expect([gone.status, gone.body.errors?.sections?.code, gone.body.errors?.sections?.params?.key]).toEqual([422, 'template.compiled_removed', 'fault_summary']);

    const retyped = fresh();
    const faults = retyped.sections.findIndex((s) => s.key === 'faults');
    retyped.sections[faults].items[0] = { key: 'fault_summary', label: '本期服务请求汇总', kind: 'check', required: true };
    const re = await post(admin, retyped);
    expect([re.status, re.body.errors?.[`sections.${faults}.items.0.kind`]?.code]).toEqual([422, 'template.compiled_retyped']);

    const noInputs = fresh();
    const storage = noInputs.sections.findIndex((s) => s.key === 'storage');
    noInputs.sections[storage].items = noInputs.sections[storage].items.filter((i) => i.key !== 'storage_used');
    const forecast = await post(admin, noInputs);
    expect([forecast.status, forecast.body.errors?.[`sections.${storage}.items.1.key`]?.code]).toEqual([422, 'template.storage_inputs']);

    const stale = await post(admin, { ...fresh(), baseVersion: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'template.stale']);

    expect((await post(manager, fresh())).status).toBe(403);
    expect((await admin.post('/api/inspection-templates/no_such_template/versions', fresh())).status).toBe(404);

    expect((await versions()).length).toBe(count);
    // What an admin can do, they still can: the refusals left the template as it was.
    expect((await post(admin, fresh())).status).toBe(201);
  });
});
