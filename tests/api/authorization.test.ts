import { ApiSession } from '../../harness/http-session';
import { loadActors } from '../../harness/actors';
import { openTicket, taskOf } from '../../harness/tickets';
import { startStack, type Stack } from '../../harness/stack';

/**
 * Role × endpoint × own/other hospital. Allowed callers send an invalid body (or a plain GET) so
 * nothing changes: they must get past authorisation (200 or 400). Everyone else must be refused
 * with the status that says why: 401 without a session, 403 for the wrong role, 404 for another
 * hospital's (or not their) ticket.
 */
const USERS = ['admin', 'manager', 'dispatcher', 'engineer', 'cdphc', 'demo2'] as const;
type Who = (typeof USERS)[number];

let stack: Stack;
const sessions = {} as Record<Who | 'anonymous', ApiSession>;
let ticketId: string;
let triageTaskId: string;

beforeAll(async () => {
  stack = await startStack();
  await Promise.all(USERS.map(async (u) => (sessions[u] = await ApiSession.login(stack.baseUrl, u))));
  sessions.anonymous = new ApiSession(stack.baseUrl);
  const a = await loadActors(stack.orm);
  const t = await openTicket(stack, a.cdphc, { hospitalId: 1 });
  ticketId = t.ticketNo;
  triageTaskId = taskOf(t, 'triage');
});
afterAll(() => stack?.stop());

interface Rule {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: () => string;
  /** who gets past authorisation; the rest get `denied[who]` (default 403). */
  allowed: Who[];
  denied?: Partial<Record<Who, number>>;
}

const INVALID = { invalid: true };
const COORD: Who[] = ['admin', 'manager', 'dispatcher'];

const RULES: Rule[] = [
  { name: 'list tickets', method: 'GET', path: () => '/api/tickets', allowed: [...USERS] },
  { name: 'read a ticket', method: 'GET', path: () => `/api/tickets/${ticketId}`, allowed: [...COORD, 'cdphc'], denied: { engineer: 404, demo2: 404 } },
  { name: 'read its history', method: 'GET', path: () => `/api/tickets/${ticketId}/history`, allowed: [...COORD, 'cdphc'], denied: { engineer: 404, demo2: 404 } },
  { name: 'raise a request', method: 'POST', path: () => '/api/tickets', allowed: ['admin', 'manager', 'dispatcher', 'cdphc', 'demo2'] },
  { name: 'add a note', method: 'POST', path: () => `/api/tickets/${ticketId}/notes`, allowed: [...COORD, 'cdphc'], denied: { engineer: 404, demo2: 404 } },
  { name: 'reassign', method: 'POST', path: () => `/api/tickets/${ticketId}/reassign`, allowed: ['manager', 'dispatcher'] },
  { name: 'change level', method: 'POST', path: () => `/api/tickets/${ticketId}/level`, allowed: ['manager', 'dispatcher'] },
  { name: 'pause', method: 'POST', path: () => `/api/tickets/${ticketId}/pause`, allowed: ['manager', 'dispatcher'], denied: { engineer: 404 } },
  { name: 'cancel', method: 'POST', path: () => `/api/tickets/${ticketId}/cancel`, allowed: ['manager', 'dispatcher', 'cdphc'], denied: { demo2: 404 } },
  { name: 'list tasks', method: 'GET', path: () => '/api/tasks', allowed: [...USERS] },
  { name: 'complete triage', method: 'POST', path: () => `/api/tasks/${triageTaskId}/complete`, allowed: ['dispatcher'], denied: { engineer: 404, cdphc: 404, demo2: 404 } },
  { name: 'claim triage', method: 'GET', path: () => `/api/tasks/${triageTaskId}`, allowed: [...COORD], denied: { engineer: 404, cdphc: 404, demo2: 404 } },
  { name: 'read a hospital', method: 'GET', path: () => '/api/hospitals/1', allowed: [...COORD, 'engineer', 'cdphc'], denied: { demo2: 404 } },
  { name: 'edit a hospital', method: 'PUT', path: () => '/api/hospitals/1', allowed: ['admin'] },
  { name: 'add a department', method: 'POST', path: () => '/api/departments', allowed: ['admin'] },
  { name: 'list users', method: 'GET', path: () => '/api/users', allowed: COORD },
  { name: 'create a user', method: 'POST', path: () => '/api/users', allowed: ['admin'] },
  { name: 'edit a user', method: 'PUT', path: () => '/api/users/5', allowed: ['admin'] },
  { name: 'list SLA policies', method: 'GET', path: () => '/api/sla-policies', allowed: COORD },
  { name: 'edit an SLA policy', method: 'PUT', path: () => '/api/sla-policies/1', allowed: ['admin'] },
  { name: 'list escalations', method: 'GET', path: () => '/api/escalations', allowed: COORD },
  { name: 'dashboard', method: 'GET', path: () => '/api/dashboard', allowed: COORD },
  { name: 'archive', method: 'GET', path: () => '/api/archive-records', allowed: COORD },
  { name: 'verify archive', method: 'GET', path: () => '/api/archive-records/verify', allowed: COORD },
  { name: 'my notifications', method: 'GET', path: () => '/api/notifications', allowed: [...USERS] },
];

describe.each(RULES)('$name ($method)', (rule) => {
  it.each(USERS)('%s', async (who) => {
    const res = await sessions[who].request(rule.method, rule.path(), rule.method === 'GET' ? undefined : INVALID);
    if (rule.allowed.includes(who)) {
      expect([200, 400]).toContain(res.status);
    } else {
      expect(res.status).toBe(rule.denied?.[who] ?? 403);
    }
  });

  it('anonymous', async () => {
    expect((await sessions.anonymous.request(rule.method, rule.path(), rule.method === 'GET' ? undefined : INVALID)).status).toBe(401);
  });
});
