import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OccurrenceState } from '../../domain/inspection/record';
import type { InspectionActor } from '../../domain/inspection/steps';
import type { ChecklistItem, ConfirmArgs, ReviewArgs, SignArgs, SubmitArgs } from './occurrence';

/** The occurrence as its run holds it (no signature image). */
export const occurrenceStateQuery = defineQuery<OccurrenceState>('state');

/** Every step carries its actor; each answers the occurrence's new state once its row is written. */
export type WithActor<T> = T & { actor: InspectionActor };

export const confirmUpdate = defineUpdate<OccurrenceState, [WithActor<ConfirmArgs>]>('confirm');
export const checklistUpdate = defineUpdate<OccurrenceState, [WithActor<{ items: ChecklistItem[] }>]>('checklist');
export const submitUpdate = defineUpdate<OccurrenceState, [WithActor<SubmitArgs>]>('submit');
export const reviewUpdate = defineUpdate<OccurrenceState, [WithActor<ReviewArgs>]>('review');
export const signUpdate = defineUpdate<OccurrenceState, [WithActor<SignArgs>]>('sign');
/** A failed occurrence's new run, sent with its start (update-with-start): writes its `restarted` event and clears the mark. */
export const restartUpdate = defineUpdate<OccurrenceState, [WithActor<object>]>('restart');
export const cancelUpdate = defineUpdate<OccurrenceState, [WithActor<{ note: string }>]>('cancel');
