import { FAULT_LEVELS } from './catalogue';
import { MAX_SIGNATURE_CHARS } from './ticket.schemas.limits';

/**
 * The workflow's own check of step data: every required field present and the choices valid.
 * Free of zod, which would be instantiated once per cached ticket (docs/decisions.md). The API
 * validates every request with the full zod schemas first; tests/domain/step-checks.test.ts keeps
 * the two in agreement.
 */
export type FieldErrors = Record<string, string>;
type Data = Record<string, unknown>;

const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const id = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

type Rule = readonly [field: string, ok: (v: unknown) => boolean, message: string];

function check(d: unknown, rules: readonly Rule[]): FieldErrors | null {
  const data = (d && typeof d === 'object' ? d : {}) as Data;
  const errors: FieldErrors = {};
  for (const [field, ok, message] of rules) if (!ok(data[field])) errors[field] ??= message;
  return Object.keys(errors).length ? errors : null;
}

const oneOf =
  (...values: unknown[]) =>
  (v: unknown) =>
    values.includes(v);
const field = (d: unknown, name: string) => (d && typeof d === 'object' ? (d as Data)[name] : undefined);

export const STEP_CHECKS = {
  triage: (d: unknown) =>
    check(d, [
      ['category', text, 'Choose the service category'],
      ['maintenanceType', text, 'Choose the maintenance type'],
      ['faultLevel', oneOf(...FAULT_LEVELS), 'Fault level must be 1, 2, 3 or 4'],
      ['analysis', text, 'Write the first analysis of the cause'],
      ['plan', text, 'Write the plan'],
      ['route', oneOf('remote', 'onsite'), 'Choose remote or on-site'],
      ['assigneeId', id, 'Choose the engineer'],
    ]),
  remoteAttempt: (d: unknown) =>
    check(d, [
      ['outcome', oneOf('resolved', 'escalate'), 'Outcome must be resolved or escalate'],
      ['actions', text, 'Record what was done'],
      ...(field(d, 'outcome') === 'escalate' ? ([['reason', text, 'Why is on-site service needed?']] as const) : ([['solution', text, 'Record the solution']] as const)),
    ]),
  dispatchDecision: (d: unknown) =>
    check(d, [
      ['decision', oneOf('approve', 'send_back'), 'Decision must be approve or send_back'],
      ...(field(d, 'decision') === 'send_back'
        ? ([['reason', text, 'Why is it sent back?']] as const)
        : ([
            ['engineerId', id, 'Choose the on-site engineer'],
            ['plan', text, 'Write the dispatch plan'],
          ] as const)),
    ]),
  checkIn: (d: unknown) => check(d, [['note', (v) => v == null || typeof v === 'string', 'A note is text']]),
  repairForm: (d: unknown) =>
    check(d, [
      ['faultDescription', text, 'Describe the fault'],
      ['cause', text, 'Record the cause'],
      ['handling', text, 'Record the handling process'],
      ['result', text, 'Record the result'],
      ['startedAt', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'When did the work start?'],
      ['finishedAt', (v) => typeof v === 'string' && Date.parse(v) >= Date.parse(String(field(d, 'startedAt'))), 'Finish cannot be before start'],
    ]),
  signature: (d: unknown) =>
    check(d, [
      ['decision', oneOf('accept', 'refuse'), 'Decision must be accept or refuse'],
      ...(field(d, 'decision') === 'refuse'
        ? ([['reason', text, 'Why is the repair form refused?']] as const)
        : ([
            ['signerName', text, 'Who signs?'],
            ['signerDepartment', text, 'Which department?'],
            ['image', (v: unknown) => typeof v === 'string' && v.startsWith('data:image/png;base64,') && v.length <= MAX_SIGNATURE_CHARS, 'Signature must be a PNG image'],
          ] as const)),
    ]),
  acknowledgeEscalation: (d: unknown) => check(d, [['note', text, 'Record what you did about it']]),
  note: (d: unknown) => check(d, [['text', text, 'Write the note']]),
  reason: (d: unknown) => check(d, [['reason', text, 'Give a reason']]),
  reassign: (d: unknown) =>
    check(d, [
      ['assigneeId', id, 'Choose the new assignee'],
      ['reason', text, 'Give a reason'],
    ]),
  level: (d: unknown) =>
    check(d, [
      ['faultLevel', oneOf(...FAULT_LEVELS), 'Fault level must be 1, 2, 3 or 4'],
      ['reason', text, 'Give a reason'],
    ]),
};
