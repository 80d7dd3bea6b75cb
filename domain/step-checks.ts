import { FAULT_LEVELS } from './catalogue';
import { NOTE_AUDIENCES } from './ticket';
import type { FieldMessages, MessageCode } from './messages';
import { printable } from './text';
import { MAX_SIGNATURE_CHARS } from './limits';

/**
 * The workflow's own check of step data: every required field present and the choices valid.
 * Free of zod, which would be instantiated once per cached ticket (docs/decisions.md). The API
 * validates every request with the full zod schemas first; tests/domain/step-checks.test.ts keeps
 * the two in agreement.
 */
export type FieldErrors = FieldMessages;
type Data = Record<string, unknown>;

const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const id = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

type Rule = readonly [field: string, ok: (v: unknown) => boolean, message: MessageCode];

function check(d: unknown, rules: readonly Rule[]): FieldErrors | null {
  const data = (d && typeof d === 'object' ? d : {}) as Data;
  const errors: FieldErrors = {};
  for (const [field, ok, code] of rules) {
    const value = data[field];
    // Text PostgreSQL cannot store would make the step's write retry forever: refused like the API does.
    if (typeof value === 'string' && !printable(value)) errors[field] ??= { code: 'field.control_chars' };
    else if (!ok(value)) errors[field] ??= { code };
  }
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
      ['category', text, 'triage.category'],
      ['maintenanceType', text, 'triage.maintenance_type'],
      ['faultLevel', oneOf(...FAULT_LEVELS), 'field.fault_level'],
      ['analysis', text, 'triage.analysis'],
      ['plan', text, 'triage.plan'],
      ['route', oneOf('remote', 'onsite'), 'triage.route'],
      ['assigneeId', id, 'triage.engineer'],
    ]),
  remoteAttempt: (d: unknown) =>
    check(d, [
      ['outcome', oneOf('resolved', 'escalate'), 'remote.outcome'],
      ['actions', text, 'remote.actions'],
      ...(field(d, 'outcome') === 'escalate' ? ([['reason', text, 'remote.reason']] as const) : ([['solution', text, 'remote.solution']] as const)),
    ]),
  dispatchDecision: (d: unknown) =>
    check(d, [
      ['decision', oneOf('approve', 'send_back'), 'dispatch.decision'],
      ...(field(d, 'decision') === 'send_back'
        ? ([['reason', text, 'dispatch.reason']] as const)
        : ([
            ['engineerId', id, 'dispatch.engineer'],
            ['plan', text, 'dispatch.plan'],
          ] as const)),
    ]),
  checkIn: (d: unknown) => check(d, [['note', (v) => v == null || typeof v === 'string', 'checkin.note']]),
  repairForm: (d: unknown) =>
    check(d, [
      ['faultDescription', text, 'repair.fault'],
      ['cause', text, 'repair.cause'],
      ['handling', text, 'repair.handling'],
      ['result', text, 'repair.result'],
      ['startedAt', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'repair.started'],
      ['finishedAt', (v) => typeof v === 'string' && Date.parse(v) >= Date.parse(String(field(d, 'startedAt'))), 'repair.finish_before_start'],
    ]),
  signature: (d: unknown) =>
    check(d, [
      ['decision', oneOf('accept', 'refuse'), 'signature.decision'],
      ...(field(d, 'decision') === 'refuse'
        ? ([['reason', text, 'signature.reason']] as const)
        : ([
            ['signerName', text, 'signature.signer'],
            ['signerDepartment', text, 'signature.department'],
            ['image', (v: unknown) => typeof v === 'string' && v.startsWith('data:image/png;base64,') && v.length <= MAX_SIGNATURE_CHARS, 'signature.image_png'],
          ] as const)),
    ]),
  acknowledgeEscalation: (d: unknown) => check(d, [['note', text, 'escalation.note']]),
  note: (d: unknown) =>
    check(d, [
      ['text', text, 'note.text'],
      ['audience', (v) => v == null || oneOf(...NOTE_AUDIENCES)(v), 'note.audience'],
    ]),
  reason: (d: unknown) => check(d, [['reason', text, 'action.reason']]),
  reassign: (d: unknown) =>
    check(d, [
      ['assigneeId', id, 'reassign.assignee'],
      ['reason', text, 'action.reason'],
    ]),
  level: (d: unknown) =>
    check(d, [
      ['faultLevel', oneOf(...FAULT_LEVELS), 'field.fault_level'],
      ['reason', text, 'action.reason'],
    ]),
};
