import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { FaultLevel } from '../domain/catalogue';
import type { Actor, TicketState } from '../domain/ticket';
import type {
  CheckInInput,
  DispatchDecisionInput,
  RemoteAttemptInput,
  RepairFormInput,
  SignatureInput,
  TriageInput,
} from '../domain/ticket.schemas';

/** Full current state of a ticket, signature image included. */
export const stateQuery = defineQuery<TicketState>('state');

/**
 * Sent together with the workflow start (update-with-start): returns once the ticket row and its
 * first task are written, so the client that created the ticket can read them straight away.
 */
export const intakeUpdate = defineUpdate<TicketState>('intake');

/** A human step completes the open task `taskId`; the acting user travels with it. */
export interface StepArgs<T> {
  actor: Actor;
  taskId: string;
  data: T;
}

export const triageUpdate = defineUpdate<TicketState, [StepArgs<TriageInput>]>('triage');
export const remoteAttemptUpdate = defineUpdate<TicketState, [StepArgs<RemoteAttemptInput>]>('remoteAttempt');
export const dispatchDecisionUpdate = defineUpdate<TicketState, [StepArgs<DispatchDecisionInput>]>('dispatchDecision');
export const checkInUpdate = defineUpdate<TicketState, [StepArgs<CheckInInput>]>('checkIn');
export const repairFormUpdate = defineUpdate<TicketState, [StepArgs<RepairFormInput>]>('repairForm');
export const signatureUpdate = defineUpdate<TicketState, [StepArgs<SignatureInput>]>('signature');
export const acknowledgeEscalationUpdate = defineUpdate<TicketState, [StepArgs<{ note: string }>]>('acknowledgeEscalation');
export const claimTaskUpdate = defineUpdate<TicketState, [{ actor: Actor; taskId: string }]>('claimTask');

/** Escape hatches, allowed at most steps (see the validators for who and when). */
export const addNoteUpdate = defineUpdate<TicketState, [{ actor: Actor; text: string }]>('addNote');
export const reassignUpdate = defineUpdate<TicketState, [{ actor: Actor; assigneeId: number; reason: string }]>('reassign');
export const changeLevelUpdate = defineUpdate<TicketState, [{ actor: Actor; faultLevel: FaultLevel; reason: string }]>('changeLevel');
export const pauseUpdate = defineUpdate<TicketState, [{ actor: Actor; reason: string }]>('pause');
export const resumeUpdate = defineUpdate<TicketState, [{ actor: Actor }]>('resume');
export const cancelUpdate = defineUpdate<TicketState, [{ actor: Actor; reason: string }]>('cancel');

/** Failure types the API maps to HTTP: a step no longer allowed (409) and bad data (422). */
export const STEP_REJECTED = 'StepRejected';
export const INVALID_INPUT = 'InvalidInput';
