import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { FaultLevel } from '../../domain/catalogue';
import type { StepResult } from '../../domain/projection';
import type { Actor, NoteAudience, TicketState } from '../../domain/ticket';
import type {
  CheckInInput,
  DispatchDecisionInput,
  RemoteAttemptInput,
  RepairFormInput,
  SignatureInput,
  TriageInput,
} from '../../domain/ticket.schemas';

/** Full current state of a ticket, signature image included. */
export const stateQuery = defineQuery<TicketState>('state');

/** Sent together with the workflow start (update-with-start): answers with the ticket's first row and event to write. */
export const intakeUpdate = defineUpdate<StepResult>('intake');

/** A human step completes the open task `taskId`; the acting user travels with it. */
export interface StepArgs<T> {
  actor: Actor;
  taskId: string;
  data: T;
}

export const triageUpdate = defineUpdate<StepResult, [StepArgs<TriageInput>]>('triage');
export const remoteAttemptUpdate = defineUpdate<StepResult, [StepArgs<RemoteAttemptInput>]>('remoteAttempt');
export const dispatchDecisionUpdate = defineUpdate<StepResult, [StepArgs<DispatchDecisionInput>]>('dispatchDecision');
export const checkInUpdate = defineUpdate<StepResult, [StepArgs<CheckInInput>]>('checkIn');
export const repairFormUpdate = defineUpdate<StepResult, [StepArgs<RepairFormInput>]>('repairForm');
export const signatureUpdate = defineUpdate<StepResult, [StepArgs<SignatureInput>]>('signature');
export const acknowledgeEscalationUpdate = defineUpdate<StepResult, [StepArgs<{ note: string }>]>('acknowledgeEscalation');
export const claimTaskUpdate = defineUpdate<StepResult, [{ actor: Actor; taskId: string }]>('claimTask');

/** Escape hatches, allowed at most steps (see the validators for who and when). */
export const addNoteUpdate = defineUpdate<StepResult, [{ actor: Actor; text: string; audience?: NoteAudience }]>('addNote');
export const reassignUpdate = defineUpdate<StepResult, [{ actor: Actor; assigneeId: number; reason: string }]>('reassign');
export const changeLevelUpdate = defineUpdate<StepResult, [{ actor: Actor; faultLevel: FaultLevel; reason: string }]>('changeLevel');
export const pauseUpdate = defineUpdate<StepResult, [{ actor: Actor; reason: string }]>('pause');
export const resumeUpdate = defineUpdate<StepResult, [{ actor: Actor }]>('resume');
export const cancelUpdate = defineUpdate<StepResult, [{ actor: Actor; reason: string }]>('cancel');

/** Failure types the API maps to HTTP: a step no longer allowed (409) and bad data (422). */
export const STEP_REJECTED = 'StepRejected';
export const INVALID_INPUT = 'InvalidInput';
