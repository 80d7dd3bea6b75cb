import { z } from 'zod';
import { createUserBody, departmentBody, hospitalBody, slaPolicyBody, updateUserBody } from '../domain/admin.schemas';
import {
  checkInInput,
  createTicketBody,
  dispatchDecisionInput,
  escalationAckInput,
  levelInput,
  noteInput,
  reasonInput,
  reassignInput,
  remoteAttemptInput,
  repairFormInput,
  signatureInput,
  triageInput,
} from '../domain/ticket.schemas';
import { loginBody } from './auth/auth.routes';
import { changePasswordBody } from '../domain/account.schemas';
import { MESSAGES } from '../domain/messages';

type Op = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed; omitted = any signed-in user (each still sees only their own hospital). */
  roles?: string;
  body?: z.ZodType;
  list?: boolean;
  public?: boolean;
  idempotent?: boolean;
};

const ADMIN = 'admin';
const COORD = 'admin, manager, dispatcher';

/** Every endpoint the console uses. Request bodies come from the same zod schemas the handlers validate with. */
const OPS: Op[] = [
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the httpOnly session cookie. After 3 failures of one account from one address each attempt waits 1 s, 2 s, 4 s … (429 with Retry-After)', tag: 'auth', body: loginBody, public: true },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', tag: 'auth', public: true },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in user, with mustChangePassword (then only me, password and logout are allowed)', tag: 'auth' },
  { method: 'post', path: '/api/auth/password', summary: 'Change your own password: currentPassword, newPassword (≥ 10 characters, not the user name or the current one); ends your other sessions; 204', tag: 'auth', body: changePasswordBody },

  { method: 'get', path: '/api/tickets', summary: 'List tickets (问题单) visible to the user. Filters: q, id, status, step, faultLevel, hospitalId, departmentId, systemCode, breached', tag: 'tickets', list: true },
  { method: 'post', path: '/api/tickets', summary: 'Raise a service request: starts its workflow, returns the ticket once written', tag: 'tickets', roles: 'admin, manager, dispatcher, hospital_contact', body: createTicketBody, idempotent: true },
  { method: 'get', path: '/api/tickets/{id}', summary: 'One ticket with its tasks and the workflow’s record (triage, attempts, forms, signature, notes, SLA clocks)', tag: 'tickets' },
  { method: 'get', path: '/api/tickets/{id}/history', summary: 'Audit timeline decoded from the workflow history; ?download=1 adds the raw history as an attachment', tag: 'tickets' },
  { method: 'post', path: '/api/tickets/{id}/notes', summary: 'Add a tracking note', tag: 'tickets', body: noteInput, idempotent: true },
  { method: 'post', path: '/api/tickets/{id}/reassign', summary: 'Reassign the current step', tag: 'tickets', roles: 'dispatcher, manager', body: reassignInput, idempotent: true },
  { method: 'post', path: '/api/tickets/{id}/level', summary: 'Change the fault level; deadlines are recomputed from receipt', tag: 'tickets', roles: 'dispatcher, manager', body: levelInput, idempotent: true },
  { method: 'post', path: '/api/tickets/{id}/pause', summary: 'Stop the SLA clocks (waiting on the hospital)', tag: 'tickets', roles: 'dispatcher, manager, assigned engineer', body: reasonInput, idempotent: true },
  { method: 'post', path: '/api/tickets/{id}/resume', summary: 'Restart the SLA clocks', tag: 'tickets', roles: 'dispatcher, manager, assigned engineer', idempotent: true },
  { method: 'post', path: '/api/tickets/{id}/restart', summary: 'Restart a ticket whose workflow was lost, from the state PostgreSQL recorded (409 if it runs or is closed)', tag: 'tickets', roles: 'manager, admin' },
  { method: 'post', path: '/api/tickets/{id}/cancel', summary: 'Cancel with a reason (the hospital only before work starts)', tag: 'tickets', roles: 'dispatcher, manager, hospital_contact', body: reasonInput, idempotent: true },

  { method: 'get', path: '/api/tasks', summary: 'Tasks visible to the user. Filters: mine, queue, status, kind, ticketId, assigneeId', tag: 'tasks', list: true },
  { method: 'get', path: '/api/tasks/{id}', summary: 'One task', tag: 'tasks' },
  { method: 'post', path: '/api/tasks/{id}/claim', summary: 'Take an unassigned task of your role', tag: 'tasks' },
  {
    method: 'post',
    path: '/api/tasks/{id}/complete',
    summary: 'Complete a step. Body by task kind: triage, remote, dispatch, checkin, repair_form, signature, escalation. 409 when the step is no longer allowed',
    tag: 'tasks',
    body: z.union([triageInput, remoteAttemptInput, dispatchDecisionInput, checkInInput, repairFormInput, signatureInput, escalationAckInput]),
    idempotent: true,
  },

  { method: 'get', path: '/api/hospitals', summary: 'Hospitals with their installed systems', tag: 'hospitals', list: true },
  { method: 'post', path: '/api/hospitals', summary: 'Add a hospital', tag: 'hospitals', roles: ADMIN, body: hospitalBody },
  { method: 'get', path: '/api/hospitals/{id}', summary: 'One hospital', tag: 'hospitals' },
  { method: 'put', path: '/api/hospitals/{id}', summary: 'Edit a hospital and its installed systems', tag: 'hospitals', roles: ADMIN, body: hospitalBody },
  { method: 'get', path: '/api/departments', summary: 'Departments (filter hospitalId)', tag: 'hospitals', list: true },
  { method: 'post', path: '/api/departments', summary: 'Add a department', tag: 'hospitals', roles: ADMIN, body: departmentBody },
  { method: 'get', path: '/api/departments/{id}', summary: 'One department', tag: 'hospitals' },
  { method: 'put', path: '/api/departments/{id}', summary: 'Edit a department', tag: 'hospitals', roles: ADMIN, body: departmentBody },
  { method: 'get', path: '/api/systems', summary: 'The nursing systems under maintenance', tag: 'hospitals', list: true },

  { method: 'get', path: '/api/users', summary: 'Users. Filters: role, hospitalId, active, q', tag: 'users', roles: COORD, list: true },
  { method: 'post', path: '/api/users', summary: 'Create a user', tag: 'users', roles: ADMIN, body: createUserBody },
  { method: 'get', path: '/api/users/{id}', summary: 'One user', tag: 'users', roles: `${COORD}, or the user themselves` },
  { method: 'put', path: '/api/users/{id}', summary: 'Edit a user (optional password reset)', tag: 'users', roles: ADMIN, body: updateUserBody },

  { method: 'get', path: '/api/sla-policies', summary: 'Response commitments per level (default and per hospital)', tag: 'sla', roles: COORD, list: true },
  { method: 'post', path: '/api/sla-policies', summary: 'Add terms for a level', tag: 'sla', roles: ADMIN, body: slaPolicyBody },
  { method: 'get', path: '/api/sla-policies/{id}', summary: 'One policy row', tag: 'sla', roles: COORD },
  { method: 'put', path: '/api/sla-policies/{id}', summary: 'Edit terms; applies to tickets received afterwards', tag: 'sla', roles: ADMIN, body: slaPolicyBody },
  { method: 'get', path: '/api/escalations', summary: 'SLA breaches. Filters: acknowledged, ticketId, clock', tag: 'sla', roles: COORD, list: true },
  { method: 'get', path: '/api/escalations/{id}', summary: 'One escalation', tag: 'sla', roles: COORD },
  { method: 'get', path: '/api/dashboard', summary: 'Manager dashboard figures', tag: 'sla', roles: COORD },

  { method: 'get', path: '/api/archive-records', summary: 'The archive (系统档案库), read only', tag: 'archive', roles: COORD, list: true },
  { method: 'get', path: '/api/archive-records/verify', summary: 'Re-verify the whole hash chain', tag: 'archive', roles: COORD },
  { method: 'get', path: '/api/archive-records/{id}', summary: 'One archive record with ticket, repair form and signature', tag: 'archive', roles: COORD },

  { method: 'get', path: '/api/notifications', summary: 'My notifications (filter unread)', tag: 'notifications', list: true },
  { method: 'post', path: '/api/notifications/{id}/read', summary: 'Mark one read', tag: 'notifications' },

  { method: 'get', path: '/api/config', summary: 'Links the console needs (Temporal UI, namespace)', tag: 'ops', public: true },
  { method: 'get', path: '/api/health', summary: 'Liveness', tag: 'ops', public: true },
  { method: 'get', path: '/api/ready', summary: 'Readiness: database and Temporal reachable, a worker alive (heartbeat < 30 s); 503 if not', tag: 'ops', public: true },
];

/** What the server says: a code of domain/messages.ts, its params, and the English sentence. */
const said = {
  type: 'object',
  properties: {
    code: { type: 'string', enum: Object.keys(MESSAGES) },
    params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    message: { type: 'string' },
  },
  required: ['code', 'message'],
};

const errorBody = {
  type: 'object',
  properties: { ...said.properties, errors: { type: 'object', additionalProperties: said } },
  required: said.required,
};

const listParams = [
  { name: 'sort', in: 'query', schema: { type: 'string' }, example: '["receivedAt","DESC"]' },
  { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
  { name: 'filter', in: 'query', schema: { type: 'string' }, example: '{"status":"open"}' },
];

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const params = [
      ...(op.path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []),
      ...(op.list ? listParams : []),
      ...(op.idempotent ? [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 200 }, description: 'Retries with the same key are applied once' }] : []),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.roles ? { description: `Roles: ${op.roles}` } : {}),
      tags: [op.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } } } } : {}),
      responses: {
        200: { description: op.list ? 'Rows; the total is in the Content-Range header' : 'OK' },
        400: { description: 'Invalid input; `errors` names the fields', content: { 'application/json': { schema: errorBody } } },
        401: { description: 'Not signed in' },
        403: { description: 'Not allowed for this role or hospital' },
        404: { description: 'Not found, or not visible to you' },
        409: { description: 'The step is no longer allowed; `message` says why' },
        413: { description: 'Body larger than 1 MiB' },
        422: { description: 'Semantically invalid; `errors` names the fields', content: { 'application/json': { schema: errorBody } } },
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
