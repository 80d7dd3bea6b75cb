import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { loadSlaTargets } from '../db/sla-targets';
import type { ProjectionBatch, StepResult } from '../domain/projection';
import type { FaultLevel } from '../domain/catalogue';
import { ticketWorkflowId, type Actor, type TicketIntake, type TicketState } from '../domain/ticket';
import { nextTicketNo } from '../api/tickets/ticket-no';
import { ticketGateway } from '../api/workflow/ticket-gateway';
import { checkInUpdate, dispatchDecisionUpdate, repairFormUpdate, triageUpdate } from '../workflows/ticket/messages';
import type { Actors } from './actors';
import type { Stack } from './stack';
import { approve, repairForm, triage } from './step-data';

/** A phoned-in request as the tests raise it: hospital 1, level 2 unless told otherwise. */
export function intakeOf(
  ticketNo: string,
  by: Actor,
  opts: { hospitalId?: number; faultLevel?: FaultLevel | null; receivedAt?: Date } = {},
): TicketIntake {
  return {
    ticketNo,
    hospitalId: opts.hospitalId ?? 1,
    departmentId: null,
    systemCode: 'mnis',
    channel: 'phone',
    faultLevel: opts.faultLevel === undefined ? 2 : opts.faultLevel,
    title: '护理记录无法保存',
    description: '点击保存后提示超时',
    reporterName: '王护士长',
    reporterPhone: null,
    receivedAt: (opts.receivedAt ?? new Date()).toISOString(),
    createdBy: by,
  };
}

/**
 * The API's gateway to ticket workflows, on the test's stack. `unwritten`: it plays an API that
 * died after each Update, before writing what it answered (only the workflow's own writes land).
 */
export function gatewayOf(stack: Stack, opts: { unwritten?: boolean } = {}) {
  const writeEvents = opts.unwritten ? async (_batch: ProjectionBatch) => {} : undefined;
  return ticketGateway({ temporal: stack.client, orm: stack.orm, taskQueue: stack.taskQueue, writeEvents });
}

/** Starts a ticket as the API does: the hospital's terms travel with the start, its first row is written. */
export async function openTicket(
  stack: Stack,
  by: Actor,
  opts: { hospitalId?: number; faultLevel?: FaultLevel | null; receivedAt?: Date; projectionGraceSeconds?: number; unwritten?: boolean } = {},
): Promise<StepResult & { intake: TicketIntake }> {
  const receivedAt = opts.receivedAt ?? new Date();
  const intake = intakeOf(await nextTicketNo(stack.orm.em.fork(), receivedAt, 'Asia/Shanghai'), by, { ...opts, receivedAt });
  const slaTargets = await loadSlaTargets(stack.orm.em.fork(), intake.hospitalId);
  const started = await gatewayOf(stack, opts).start(intake, { slaTargets, projectionGraceSeconds: opts.projectionGraceSeconds });
  return { ...started, intake };
}

/**
 * A ticket walked to the signature step over the workflow's Updates: triaged on site (at
 * `triageLevel`), dispatch approved, checked in and its repair form filed, all by `a.engineer`.
 * Returns the repair form's answer (its open task is the signature).
 */
export async function atSignature(
  stack: Stack,
  a: Actors,
  opts: { hospitalId?: number; faultLevel?: FaultLevel | null; triageLevel?: FaultLevel } = {},
): Promise<StepResult> {
  const t = await openTicket(stack, a.dispatcher, { hospitalId: opts.hospitalId, faultLevel: opts.faultLevel });
  const h = handleOf(stack, t.ticketNo);
  let s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('onsite', a.engineer.userId, opts.triageLevel) });
  s = await h.update(dispatchDecisionUpdate, { actor: a.dispatcher, taskId: taskOf(s, 'dispatch'), data: approve(a.engineer.userId) });
  s = await h.update(checkInUpdate, { actor: a.engineer, taskId: taskOf(s, 'checkin'), data: {} });
  return h.update(repairFormUpdate, { actor: a.engineer, taskId: taskOf(s, 'repair_form'), data: repairForm() });
}

/** The ticket's whole state, from its workflow: Updates answer with a summary only. */
export function stateOf(stack: Stack, ticketNo: string): Promise<TicketState> {
  return gatewayOf(stack).state(ticketNo);
}

/**
 * One ticket as a test drives it: Updates go through the API's gateway (their events are written
 * to PostgreSQL before the test looks there, unless `unwritten`); the rest reads the workflow.
 */
export function handleOf(stack: Stack, ticketNo: string, opts: { unwritten?: boolean } = {}) {
  const tickets = gatewayOf(stack, opts);
  const raw = stack.client.workflow.getHandle(ticketWorkflowId(ticketNo));
  return {
    update: <A>(update: UpdateDefinition<StepResult, [A]>, arg: A, updateId?: string) => tickets.update(ticketNo, update, arg, { updateId }),
    state: () => tickets.state(ticketNo),
    result: () => tickets.result(ticketNo),
    describe: () => raw.describe(),
    fetchHistory: () => raw.fetchHistory(),
  };
}

/** The open task of a kind, from the workflow's own state. */
export function taskOf(state: Pick<TicketState, 'tasks'>, kind: string): string {
  const t = state.tasks.find((x) => x.kind === kind);
  if (!t) throw new Error(`no open ${kind} task; open: ${state.tasks.map((x) => x.kind).join(', ') || 'none'}`);
  return t.id;
}

/** Resolves with the failure an Update was refused with (type and message), or fails the test. */
export async function refusal(p: Promise<unknown>): Promise<{ type: string | undefined; message: string; details: unknown[] | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      return { type: e.cause.type ?? undefined, message: e.cause.message, details: e.cause.details as unknown[] | undefined };
    }
    throw e;
  }
  throw new Error('expected the update to be refused, but it was accepted');
}
