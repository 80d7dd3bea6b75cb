import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { INVALID_INPUT, STEP_REJECTED } from '../../workflows/ticket/messages';
import { said, type FieldMessages, type Said } from '../../domain/messages';
import { ApiError, unprocessable } from '../errors';

/**
 * Turns the workflow's refusal of a step into the answer a client can act on: 409 with the reason
 * when the step is no longer allowed, 422 with the fields when the data is wrong. Anything else
 * (Temporal down…) propagates to the 503 handler.
 */
export async function refusalsAsHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      if (e.cause.type === STEP_REJECTED) throw new ApiError(409, e.cause.details?.[0] as Said);
      if (e.cause.type === INVALID_INPUT) throw unprocessable(e.cause.details?.[0] as FieldMessages);
    }
    if (e instanceof WorkflowNotFoundError || /workflow execution already completed/i.test((e as Error).message ?? '')) {
      throw new ApiError(409, said('ticket.closed'));
    }
    throw e;
  }
}
