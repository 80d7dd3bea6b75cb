import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { Actor } from '../../domain/ticket';
import { INVALID_INPUT, STEP_REJECTED } from '../../workflows/ticket.messages';
import { ApiError } from '../errors';
import type { Context } from 'hono';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { span } from '../timing';
import { writeProjected } from './ticket-workflow.client';

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId };
}

/**
 * Runs a workflow Update for an HTTP request and turns the workflow's refusal into the answer a
 * client can act on: 409 with the reason when the step is no longer allowed, 422 with the fields
 * when the data is wrong. Anything else (Temporal down…) propagates to the 503 handler. The events
 * the Update answered with are in PostgreSQL when this returns.
 */
export async function runStep<T>(deps: AppDeps, fn: () => Promise<T>, c?: Context<AppEnv>): Promise<T> {
  let result: T;
  try {
    result = await span(c, 'temporal', () => withTemporal(deps, fn));
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      if (e.cause.type === STEP_REJECTED) throw new ApiError(409, e.cause.message);
      if (e.cause.type === INVALID_INPUT) throw new ApiError(422, e.cause.message, (e.cause.details?.[0] as Record<string, string>) ?? undefined);
    }
    if (e instanceof WorkflowNotFoundError || /workflow execution already completed/i.test((e as Error).message ?? '')) {
      throw new ApiError(409, 'The ticket is closed: archived or cancelled');
    }
    throw e;
  }
  // If this write fails (database down: 503), the step stands; the same request again is the same
  // Update (same ID), answered from the history, and written then.
  await span(c, 'projection', () => writeProjected(deps.orm, result));
  return result;
}

/** Bounds a Temporal call by the request budget, so a dead server is a prompt 503, not a hang. */
export function withTemporal<T>(deps: AppDeps, fn: () => Promise<T>): Promise<T> {
  return deps.temporal.connection.withDeadline(Date.now() + (deps.temporalTimeoutMs ?? 15_000), fn);
}
