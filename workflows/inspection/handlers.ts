import type { UpdateDefinition } from '@temporalio/common';
import type { OccurrenceState, OccurrenceWrite } from '../../domain/inspection/record';
import type { InspectionStep } from '../../domain/inspection/steps';
import { cancelUpdate, checklistUpdate, confirmUpdate, reviewUpdate, signUpdate, submitUpdate, type WithActor } from './messages';
import type { Compiled, InspectionOccurrence } from './occurrence';

/** One Update of the inspection: its step (the rules of domain/inspection/steps.ts) and what it does. */
export interface Handler<A> {
  update: UpdateDefinition<OccurrenceState, [WithActor<A>]>;
  step: InspectionStep;
  /** Submit compiles the fault summary and storage forecast first (an activity). */
  compiles?: boolean;
  apply(m: InspectionOccurrence, args: WithActor<A>, compiled: Compiled | null): OccurrenceWrite;
}

const on = <A>(update: UpdateDefinition<OccurrenceState, [WithActor<A>]>, rest: Omit<Handler<A>, 'update'>): Handler<A> => ({ update, ...rest });

/** Every Update the inspection workflow takes; the workflow registers them all alike. */
// The argument types differ per row; each row is checked where it is built.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const HANDLERS: readonly Handler<any>[] = [
  on(confirmUpdate, { step: 'confirm', apply: (m, a) => m.confirm(a.actor, a) }),
  on(checklistUpdate, { step: 'checklist', apply: (m, a) => m.saveChecklist(a.actor, a.items) }),
  on(submitUpdate, { step: 'submit', compiles: true, apply: (m, a, compiled) => m.submit(a.actor, a, compiled!) }),
  on(reviewUpdate, { step: 'review', apply: (m, a) => m.review(a.actor, a) }),
  on(signUpdate, { step: 'sign', apply: (m, a) => m.sign(a.actor, a) }),
  on(cancelUpdate, { step: 'cancel', apply: (m, a) => m.cancel(a.actor, a.note) }),
];
