import type { UpdateDefinition } from '@temporalio/common';
import type { ClosedTask, Projection, StepResult } from '../../domain/projection';
import { STEP_CHECKS, type FieldErrors } from '../../domain/step-checks';
import type { Actor, TaskKind } from '../../domain/ticket';
import type { CheckInInput, DispatchDecisionInput, RemoteAttemptInput, RepairFormInput, SignatureInput, TriageInput } from '../../domain/ticket.schemas';
import { defaultNoteAudience, checkCancel, checkClaim, checkLevelChange, checkNote, checkPause, checkReassign, checkResume, checkStep, type Rejection } from '../../domain/ticket-rules';
import {
  acknowledgeEscalationUpdate,
  addNoteUpdate,
  cancelUpdate,
  changeLevelUpdate,
  checkInUpdate,
  claimTaskUpdate,
  dispatchDecisionUpdate,
  pauseUpdate,
  reassignUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  resumeUpdate,
  signatureUpdate,
  triageUpdate,
  type StepArgs,
} from './messages';
import type { TicketMachine } from './machine';

/** One Update of the ticket: who may send it and when, what its data must hold, what it does. */
export interface Handler<A> {
  update: UpdateDefinition<StepResult, [A]>;
  /** Run by the validator, and again by the handler: of two steps accepted together only the first wins. */
  check(m: TicketMachine, args: A): Rejection;
  /** Checked once, by the validator (the API has checked the same data with zod already). */
  fields?(args: A): FieldErrors | null;
  /** `updateId`: the Update being applied, recorded on the task it completes. */
  apply(m: TicketMachine, args: A, updateId: string | null): Projection[];
}

/** An escape hatch or a claim: the row's argument type comes from its Update. */
function on<A>(update: UpdateDefinition<StepResult, [A]>, rest: Omit<Handler<A>, 'update'>): Handler<A> {
  return { update, ...rest };
}

/** A human step that completes an open task: found, closed with its outcome, then the step itself. */
function taskStep<D>(
  update: UpdateDefinition<StepResult, [StepArgs<D>]>,
  kind: TaskKind,
  fields: (data: unknown) => FieldErrors | null,
  outcome: (data: D) => string,
  apply: (m: TicketMachine, actor: Actor, closed: ClosedTask, data: D) => Projection[],
): Handler<StepArgs<D>> {
  return {
    update,
    check: (m, { actor, taskId }) => checkStep(m.state, actor, taskId, kind),
    fields: ({ data }) => fields(data),
    apply: (m, { actor, taskId, data }, updateId) => apply(m, actor, m.close(m.task(taskId), outcome(data), actor, 'done', updateId), data),
  };
}

/** Every Update the ticket workflow takes; the workflow registers them all alike. */
// The argument types differ per row; each row is checked where it is built.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const HANDLERS: readonly Handler<any>[] = [
  taskStep<TriageInput>(triageUpdate, 'triage', STEP_CHECKS.triage, (d) => d.route, (m, a, c, d) => m.triage(a, c, d)),
  taskStep<RemoteAttemptInput>(remoteAttemptUpdate, 'remote', STEP_CHECKS.remoteAttempt, (d) => d.outcome, (m, a, c, d) => m.remoteAttempt(a, c, d)),
  taskStep<DispatchDecisionInput>(dispatchDecisionUpdate, 'dispatch', STEP_CHECKS.dispatchDecision, (d) => d.decision, (m, a, c, d) => m.dispatchDecision(a, c, d)),
  taskStep<CheckInInput>(checkInUpdate, 'checkin', STEP_CHECKS.checkIn, () => 'arrived', (m, a, c, d) => m.checkIn(a, c, d)),
  taskStep<RepairFormInput>(repairFormUpdate, 'repair_form', STEP_CHECKS.repairForm, () => 'submitted', (m, a, c, d) => m.repairForm(a, c, d)),
  taskStep<SignatureInput>(signatureUpdate, 'signature', STEP_CHECKS.signature, (d) => d.decision, (m, a, c, d) => m.signature(a, c, d)),
  taskStep<{ note: string }>(acknowledgeEscalationUpdate, 'escalation', STEP_CHECKS.acknowledgeEscalation, () => 'acknowledged', (m, a, c, d) => m.acknowledgeEscalation(a, c, d)),
  on(claimTaskUpdate, {
    check: (m, { actor, taskId }) => checkClaim(m.state, actor, taskId),
    apply: (m, { actor, taskId }) => m.claim(actor, taskId),
  }),
  on(addNoteUpdate, {
    check: (m, { actor, audience }) => checkNote(m.state, actor, audience ?? defaultNoteAudience(actor)),
    fields: ({ text, audience }) => STEP_CHECKS.note({ text, audience }),
    apply: (m, { actor, text, audience }) => m.addNote(actor, text, audience ?? defaultNoteAudience(actor)),
  }),
  on(reassignUpdate, {
    check: (m, { actor, assigneeId }) => checkReassign(m.state, actor, assigneeId),
    fields: ({ assigneeId, reason }) => STEP_CHECKS.reassign({ assigneeId, reason }),
    apply: (m, { actor, assigneeId, reason }) => m.reassign(actor, assigneeId, reason),
  }),
  on(changeLevelUpdate, {
    check: (m, { actor, faultLevel }) => checkLevelChange(m.state, actor, faultLevel),
    fields: ({ faultLevel, reason }) => STEP_CHECKS.level({ faultLevel, reason }),
    apply: (m, { actor, faultLevel, reason }) => m.changeLevel(actor, faultLevel, reason),
  }),
  on(pauseUpdate, {
    check: (m, { actor }) => checkPause(m.state, actor),
    fields: ({ reason }) => STEP_CHECKS.reason({ reason }),
    apply: (m, { actor, reason }) => m.pause(actor, reason),
  }),
  on(resumeUpdate, {
    check: (m, { actor }) => checkResume(m.state, actor),
    apply: (m, { actor }) => m.resume(actor),
  }),
  on(cancelUpdate, {
    check: (m, { actor }) => checkCancel(m.state, actor),
    fields: ({ reason }) => STEP_CHECKS.reason({ reason }),
    apply: (m, { actor, reason }) => m.cancel(actor, reason),
  }),
];
