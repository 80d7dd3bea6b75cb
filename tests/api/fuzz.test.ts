import fc from 'fast-check';
import { TicketTask } from '../../db/entities';
import { ApiSession } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { loadActors } from '../../harness/actors';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { openTicket, taskOf } from '../../harness/tickets';
import { triage } from '../../harness/step-data';
import { startStack, type Stack } from '../../harness/stack';
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';

/**
 * Property: whatever a client sends, the API answers 2xx or 4xx — never 5xx — and a refused
 * request writes nothing. Bodies are random JSON and valid bodies with one field swapped for
 * random JSON, which reaches the deeper checks.
 */
let stack: Stack;
let dispatcher: ApiSession;
let admin: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  [dispatcher, admin] = await Promise.all(['dispatcher', 'admin'].map((u) => ApiSession.login(stack.baseUrl, u)));
});
afterAll(() => stack?.stop());

// Modest by default (2 shared cores): FUZZ_RUNS=200 for a longer hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// The walk sends thousands of writes a minute as one user: past the write limit (api/write-rate.ts,
// tested on its own) every write would be a 429 and reach nothing.
process.env.DESK_WRITES_PER_MINUTE ??= '1000000';

function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.anything(),
    fc.record({ key: fc.constantFrom(...keys, 'extra'), value: fc.anything() }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
  );
}

async function count(table: 'tickets' | 'users' | 'hospitals' | 'sla_policies' | 'departments'): Promise<number> {
  return Number((await stack.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
}

/** Rows in every table an admin write could touch: a refused request changes none of them. */
async function adminRows(): Promise<number[]> {
  return Promise.all((['users', 'hospitals', 'sla_policies', 'departments'] as const).map(count));
}

describe('fuzzing request bodies and query strings', () => {
  it('POST /api/tickets never answers 5xx, and a refused body creates nothing', async () => {
    const valid = newTicketBody({ reporterPhone: '028-1' });
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (body) => {
        const before = await count('tickets');
        const res = await dispatcher.post('/api/tickets', body === undefined ? 'undefined' : JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await count('tickets')).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('list query strings never answer 5xx', async () => {
    const part = fc.oneof(fc.string(), fc.json(), fc.constant('[0,9]'), fc.constant('["id","ASC"]'), fc.constant('{"status":"open"}'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('tickets', 'tasks', 'hospitals', 'departments', 'users', 'escalations', 'archive-records', 'sla-policies', 'notifications'), part, part, part, async (resource, sort, range, filter) => {
        const qs = new URLSearchParams({ sort, range, filter }).toString();
        const res = await dispatcher.request('GET', `/api/${resource}?${qs}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('completing a step with any body never answers 5xx, and a refused step leaves the task open', async () => {
    const a = await loadActors(stack.orm);
    const t = await openTicket(stack, a.dispatcher);
    const taskId = taskOf(t, 'triage');
    const valid = { ...triage('remote', a.engineer.userId), assigneeId: 999999 };
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (body) => {
        const res = await dispatcher.post(`/api/tasks/${taskId}/complete`, body === undefined ? 'undefined' : JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect((await stack.orm.em.fork().findOneOrFail(TicketTask, taskId)).status).toBe('open');
      }),
      { numRuns: RUNS },
    );
  });

  it('admin writes (users, hospitals, SLA policies) never answer 5xx, and refused ones write nothing', async () => {
    // Its own hospital: whatever the fuzzer manages to change must not leak into other tests.
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 3600 });
    const user = { username: 'fuzzuser', displayName: '模糊', role: 'engineer', password: 'Fuzz#123456789', hospitalId: null };
    const policy = { name: 'x', hospitalId, level: 2, replySeconds: 60, firstSolutionSeconds: null, warnAt: [0.5], unclaimedReminderSeconds: 60, signatureReminderSeconds: 60 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('users', 'sla-policies', `hospitals/${hospitalId}`, 'departments'), mutated({ ...user, ...policy, code: 'X1', systemCodes: ['mnis'] }), async (target, body) => {
        const before = await adminRows();
        const method = target.includes('/') ? 'PUT' : 'POST';
        const res = await admin.request(method, `/api/${target}`, body === undefined ? 'undefined' : JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await adminRows()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('oversized bodies are refused with 413 before anything is parsed', async () => {
    const res = await dispatcher.post<{ message: string }>('/api/tickets', JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than/);
    // The unread rest of the body ends the connection, and the answer says so.
    expect(res.headers.get('connection')).toBe('close');
    expect((await dispatcher.get('/api/auth/me')).status).toBe(200);
  });
});

describe('ids beyond the database integer range (what the fuzzer once found)', () => {
  const HUGE = 2 ** 31; // one past PostgreSQL's int4, still a safe JavaScript integer
  const ticket = newTicketBody();

  it('are no such hospital or department, not a 500', async () => {
    const hospital = await dispatcher.post<{ errors: Record<string, string> }>('/api/tickets', { ...ticket, hospitalId: HUGE });
    expect([hospital.status, Object.keys(hospital.body.errors)]).toEqual([422, ['hospitalId']]);
    const department = await dispatcher.post<{ errors: Record<string, string> }>('/api/tickets', { ...ticket, departmentId: HUGE });
    expect([department.status, Object.keys(department.body.errors)]).toEqual([422, ['departmentId']]);
  });

  it('name no engineer, and filter to nothing', async () => {
    const t = await openTicket(stack, (await loadActors(stack.orm)).dispatcher);
    const step = await dispatcher.post<{ errors: Record<string, string> }>(`/api/tasks/${taskOf(t, 'triage')}/complete`, triage('remote', HUGE));
    expect([step.status, Object.keys(step.body.errors)]).toEqual([422, ['assigneeId']]);
    const list = await dispatcher.get<unknown[]>('/api/tasks', { filter: { assigneeId: HUGE } });
    expect([list.status, list.body]).toEqual([200, []]);
  });
});

/**
 * Every operation of the generated document, as a signed-in admin and as a hospital contact, with
 * hostile path ids, list parameters, Idempotency-Keys and bodies: random JSON, a valid body with
 * one field swapped, dropped or given the wrong type, huge strings, control characters. Never a
 * 5xx, and a refused request changes no row. Path ids are the fuzz test's own rows or ids that
 * name nothing, so what the fuzzer manages to change stays out of other suites' way.
 */
describe('every operation of the OpenAPI document', () => {
  type Operation = { method: string; path: string; operationId: string; hasBody: boolean; list: boolean; idempotent: boolean };
  let operations: Operation[];
  const ids: Record<string, string> = {};
  const valid: Record<string, Record<string, unknown>> = {};
  const as: Record<'admin' | 'contact', ApiSession> = {} as never;

  const huge = 'x'.repeat(100_000);
  const hostileText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', 'a\u0007b', '\u202e', '../../etc/passwd', "' or 1=1 --", '%00', '\\', '😀', '{}', '[]', 'null', '-1', '0', '1e309', '9'.repeat(40)),
    fc.constant('y'.repeat(5000)),
  );
  const hostileValue = fc.oneof(fc.anything(), hostileText, fc.constant(huge), fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(Number));
  /** A path id that names nothing: not a small positive number (those are real rows of other suites). */
  const nowhereId = hostileText.map((t) => (Number.isFinite(Number(t)) && Number(t) > 0 && Number(t) < 1e7 ? `${t}x` : t));

  function hostileBody(sample: Record<string, unknown> | undefined) {
    const keys = Object.keys(sample ?? {});
    if (!sample || !keys.length) return fc.oneof(fc.anything(), fc.json(), hostileText);
    return fc.oneof(
      fc.anything(),
      fc.json(),
      fc.record({ key: fc.constantFrom(...keys, 'extra'), value: hostileValue }).map(({ key, value }) => ({ ...sample, [key]: value })),
      fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))),
      fc.constantFrom(...keys).map((key) => ({ ...sample, [key]: typeof sample[key] === 'string' ? 12 : String(sample[key]) })),
    );
  }

  /** Events a workflow writes on its own, at any time (a cancelled ticket's archiving, its timers): no request's doing. */
  const BACKGROUND = ['archived', 'reminder', 'sla_warning', 'sla_breached'];
  async function rows(): Promise<number[]> {
    const [r] = await stack.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select count(*) from tickets) as a, (select count(*) from users) as b, (select count(*) from hospitals) as c,
          (select count(*) from departments) as d, (select count(*) from sla_policies) as e,
          (select count(*) from ticket_events where type not in (${BACKGROUND.map((t) => `'${t}'`).join(', ')})) as f`,
      );
    return Object.values(r).map(Number);
  }

  beforeAll(async () => {
    const doc = (await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        hasBody: !!op.requestBody,
        list: !!op.parameters?.some((p) => p.name === 'range'),
        idempotent: !!op.parameters?.some((p) => p.name === 'Idempotency-Key'),
      })),
    );
    // Signing out ends the session the rest of the walk uses: last.
    operations.sort((x, y) => Number(x.operationId === 'logout') - Number(y.operationId === 'logout'));

    const a = await loadActors(stack.orm);
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 3600 });
    const fuzzAdmin = await ApiSession.login(stack.baseUrl, 'admin');
    const department = await fuzzAdmin.post<{ id: number }>('/api/departments', { hospitalId, name: '模糊科' });
    const user = await fuzzAdmin.post<{ id: number }>('/api/users', { username: 'walkuser', displayName: '模糊', role: 'engineer', password: 'Fuzz#123456789' });
    const t = await openTicket(stack, a.cdphc);
    const [policy] = await stack.orm.em.fork().getConnection().execute('select id from sla_policies where hospital_id = ? order by id limit 1', [hospitalId]);
    const [notification] = await stack.orm.em.fork().getConnection().execute('select id from notifications order by id desc limit 1');
    Object.assign(ids, {
      tickets: t.ticketNo,
      tasks: taskOf(t, 'triage'),
      hospitals: String(hospitalId),
      departments: String(department.body.id),
      users: String(user.body.id),
      'sla-policies': String(policy.id),
      notifications: String(notification?.id ?? 'none'),
      escalations: 'none',
      'archive-records': '999999999',
    });
    const hospitalBody = { code: 'FZ1', name: '模糊医院', address: null, systemCodes: ['mnis'] };
    const policyBody = { name: 'x', hospitalId, level: 2, replySeconds: 60, firstSolutionSeconds: null, warnAt: [0.5], unclaimedReminderSeconds: 60, signatureReminderSeconds: 60 };
    Object.assign(valid, {
      login: { username: 'walk-nobody', password: 'wrong' },
      createTicket: newTicketBody({ reporterPhone: '028-1' }),
      addTicketNote: { text: '已电话联系' },
      reassignTicket: { assigneeId: a.engineer.userId },
      changeTicketLevel: { faultLevel: 3, reason: '影响范围小' },
      pauseTicket: { reason: '等待医院' },
      cancelTicket: { reason: '误报' },
      completeTask: { ...triage('remote', a.engineer.userId) },
      createHospital: hospitalBody,
      updateHospital: hospitalBody,
      createDepartment: { hospitalId, name: '模糊二科' },
      updateDepartment: { hospitalId, name: '模糊科' },
      createUser: { username: 'walkuser2', displayName: '模糊', role: 'engineer', password: 'Fuzz#123456789', hospitalId: null },
      updateUser: { displayName: '模糊', role: 'engineer', hospitalId: null, active: true },
      createSlaPolicy: policyBody,
      updateSlaPolicy: policyBody,
    });
    [as.admin, as.contact] = await Promise.all([ApiSession.login(stack.baseUrl, 'admin'), ApiSession.login(stack.baseUrl, 'cdphc', DEMO_PASSWORD)]);
  });

  it.each(['admin', 'contact'] as const)('as %s: never a 5xx, and a refused request writes nothing', async (who) => {
    const listPart = fc.oneof(hostileText, fc.json(), fc.constantFrom('[0,9]', '["id","ASC"]', '{"status":"open"}', '[0,100000]', '{"id":[1,"x"]}'));
    const key = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 20 }).map((k) => k.replace(/[^\x21-\x7e]/g, '')), fc.constant('k'.repeat(300)));
    for (const op of operations) {
      const resource = op.path.split('/')[2];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(ids[resource] ?? 'none'), nowhereId),
          op.hasBody ? hostileBody(valid[op.operationId]) : fc.constant(undefined),
          fc.record({ sort: listPart, range: listPart, filter: listPart, download: fc.constantFrom('1', '0', 'x') }),
          key,
          async (id, body, query, idempotencyKey) => {
            const qs = op.list || op.operationId === 'getTicketHistory' ? `?${new URLSearchParams(query)}` : '';
            // A lone surrogate cannot be put in a URL at all: the client would throw before sending.
            const path = op.path.replace('{id}', encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))) + qs;
            const headers: Record<string, string> = op.idempotent && idempotencyKey !== undefined ? { 'Idempotency-Key': idempotencyKey } : {};
            const sent = op.method === 'GET' ? undefined : body === undefined ? (op.hasBody ? 'undefined' : undefined) : JSON.stringify(body);
            const before = await rows();
            const send = () => as[who].request(op.method, path, sent, sent === undefined ? headers : { 'content-type': 'application/json', ...headers });
            // A body refused before it was read is drained for at most 500 ms (@hono/node-server), then
            // its keep-alive socket is closed: the next request on that socket gets no answer. Once more, then.
            const res = await send().catch(send);
            expect([op.operationId, res.status < 500]).toEqual([op.operationId, true]);
            if (res.status >= 400) expect([op.operationId, res.status, await rows()]).toEqual([op.operationId, res.status, before]);
          },
        ),
        { numRuns: RUNS },
      );
    }
  });
});
