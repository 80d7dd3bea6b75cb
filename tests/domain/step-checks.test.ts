import type { z } from 'zod';
import { STEP_CHECKS } from '../../domain/step-checks';
import {
  checkInInput,
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
} from '../../domain/ticket.schemas';
import { accept, approve, escalate, refuse, repairForm, resolvedRemotely, sendBack, triage } from '../support/step-data';

/**
 * The workflow checks step data without zod (memory); the API checks it with zod. Both must
 * agree on what is complete: every valid sample passes both, and removing or blanking any field
 * the zod schema requires fails both.
 */
const CASES: [string, (d: unknown) => unknown, z.ZodType, Record<string, unknown>][] = [
  ['triage', STEP_CHECKS.triage, triageInput, triage('onsite', 5)],
  ['remote resolved', STEP_CHECKS.remoteAttempt, remoteAttemptInput, resolvedRemotely],
  ['remote escalate', STEP_CHECKS.remoteAttempt, remoteAttemptInput, escalate],
  ['dispatch approve', STEP_CHECKS.dispatchDecision, dispatchDecisionInput, approve(5)],
  ['dispatch send back', STEP_CHECKS.dispatchDecision, dispatchDecisionInput, sendBack],
  ['check-in', STEP_CHECKS.checkIn, checkInInput, { note: '到达' }],
  ['repair form', STEP_CHECKS.repairForm, repairFormInput, repairForm()],
  ['sign', STEP_CHECKS.signature, signatureInput, accept],
  ['refuse', STEP_CHECKS.signature, signatureInput, refuse],
  ['escalation', STEP_CHECKS.acknowledgeEscalation, escalationAckInput, { note: '已处理' }],
  ['note', STEP_CHECKS.note, noteInput, { text: '备注' }],
  ['reason', STEP_CHECKS.reason, reasonInput, { reason: '原因' }],
  ['reassign', STEP_CHECKS.reassign, reassignInput, { assigneeId: 6, reason: '休假' }],
  ['level', STEP_CHECKS.level, levelInput, { faultLevel: 1, reason: '影响全院' }],
];

describe.each(CASES)('%s', (_name, check, schema, valid) => {
  it('a complete sample passes both', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(check(valid)).toBeNull();
  });

  it.each(Object.keys(valid))('without %s: both refuse if zod requires it', (key) => {
    const without = Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    const zodOk = schema.safeParse(without).success;
    expect(check(without) === null).toBe(zodOk);
    if (typeof valid[key] === 'string') {
      const blank = { ...valid, [key]: '   ' };
      expect(check(blank) === null).toBe(schema.safeParse(blank).success);
    }
  });
});

it('names every bad field at once, as the API does', () => {
  expect(Object.keys(STEP_CHECKS.triage({ ...triage('remote', 5), analysis: ' ', faultLevel: 9 }) ?? {}).sort()).toEqual(['analysis', 'faultLevel']);
  expect(STEP_CHECKS.signature({ ...accept, image: 'data:image/gif;base64,AA' })).toEqual({ image: 'Signature must be a PNG image' });
});
