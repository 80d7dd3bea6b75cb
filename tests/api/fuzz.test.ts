import fc from 'fast-check';
import { TicketTask } from '../../db/entities';
import { ApiSession } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { loadActors } from '../../harness/actors';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { openTicket, taskOf } from '../../harness/tickets';
import { triage } from '../../harness/step-data';
import { startStack, type Stack } from '../../harness/stack';

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

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

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
