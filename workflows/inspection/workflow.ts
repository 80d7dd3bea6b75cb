import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import { english, said, type FieldMessages, type Said } from '../../domain/messages';
import { mayRestart } from '../../domain/inspection/steps';
import type { OccurrenceStart, OccurrenceState } from '../../domain/inspection/record';
import { INVALID_INPUT, STEP_REJECTED } from '../ticket/messages';
import { HANDLERS } from './handlers';
import { occurrenceStateQuery, restartUpdate } from './messages';
import { InspectionOccurrence, type TimerDue } from './occurrence';

export type { OccurrenceStart } from '../../domain/inspection/record';

type Activities = ReturnType<typeof createActivities>;

// Writes must land: retried through database outages. A step's caller waits on them (its deadline is the API's).
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' } as const;
const { recordInspection, compileInspectionReport } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
const { archiveInspection } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '10 seconds', retry });

// The failure carries the code (details) for the API, and the English for the history's reader.
function reject(reason: Said | null): void {
  if (reason) throw ApplicationFailure.create({ type: STEP_REJECTED, message: english(reason), details: [reason], nonRetryable: true });
}
function invalid(fields: FieldMessages | null): void {
  if (fields) throw ApplicationFailure.create({ type: INVALID_INPUT, message: english(Object.values(fields)[0]), details: [fields], nonRetryable: true });
}

const keyOf = (t: TimerDue | null) => (t ? `${t.kind}:${t.at}` : 'none');

/**
 * One inspection of one plan and month (`inspection-<plan>-<YYYY-MM>`), from the confirmed plan to
 * the archived, signed report. The state and its steps live in InspectionOccurrence; each Update
 * writes the inspections row (one writer: this run, through an activity) before it answers.
 * `resumeFrom` (a restart, docs/workflow.md): the failed run's state as PostgreSQL holds it; the
 * run then waits for its `restart` Update (sent with the start) before any step or timer.
 */
export async function inspectionWorkflow(start: OccurrenceStart, resumeFrom?: OccurrenceState): Promise<OccurrenceState> {
  const m = new InspectionOccurrence(start, () => Date.now(), resumeFrom);
  // A fresh run has nothing to restart; a resumed one once.
  let restarted = !resumeFrom;
  // One step or timer at a time: an Update awaiting its write must not interleave with another.
  let busy = false;
  // A write that failed for good (retries are endless, so only PostgreSQL's refusal gets here): the run ends with it.
  let failed: ActivityFailure | null = null;
  /** Runs a step's writes; one that failed for good is kept, so the run ends with it once its caller has heard. */
  async function keepingFailure<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ActivityFailure) failed = e;
      throw e;
    }
  }
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    await condition(() => !busy);
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  }

  setHandler(occurrenceStateQuery, () => m.state);
  for (const h of HANDLERS) {
    const validator = (args: { actor: Parameters<InspectionOccurrence['check']>[1] }) => {
      reject(m.check(h.step, args.actor, args));
      invalid(m.fields(h.step, args));
    };
    const handler = (args: { actor: Parameters<InspectionOccurrence['check']>[1] }) =>
      exclusive(async () => {
        // Again: of two steps accepted together only the first wins.
        reject(m.check(h.step, args.actor, args));
        invalid(m.fields(h.step, args));
        if (failed) throw failed;
        await keepingFailure(async () => {
          const compiled = h.compiles ? await compileInspectionReport({ inspectionId: start.inspectionId, hospitalId: start.hospitalId, planId: start.planId, period: start.period }) : null;
          const write = h.apply(m, args, compiled);
          if (m.state.signature?.decision === 'signed' && h.step === 'sign') {
            const image = m.signatureImage;
            const archived = await archiveInspection({ write, signatureImage: image });
            m.archived(archived.seq, archived.hash, archived.at);
          } else await recordInspection(write);
        });
        return m.state;
      });
    setHandler(h.update, handler, { validator });
  }

  const restartRefusal = (actor: Parameters<InspectionOccurrence['check']>[1]): Said | null =>
    !mayRestart(actor) ? said('inspection.not_yours', { step: 'restart' }) : restarted ? said('inspection.not_failed') : null;
  setHandler(
    restartUpdate,
    (args) =>
      exclusive(async () => {
        reject(restartRefusal(args.actor));
        await keepingFailure(() => recordInspection(m.restarted(args.actor)));
        restarted = true;
        return m.state;
      }),
    { validator: (args) => reject(restartRefusal(args.actor)) },
  );

  // A restarted run's first write is its `restarted` event: no timer fires before it.
  await condition(() => restarted || failed !== null);

  // The timers: visit reminder, overdue escalation, signature reminders. Only a change of the next moment re-plans.
  while (!m.final && !failed) {
    const next = m.nextTimer();
    const planned = keyOf(next);
    const moved = () => m.final || failed !== null || keyOf(m.nextTimer()) !== planned;
    if (!next) {
      await condition(moved);
      continue;
    }
    const wait = next.at - Date.now();
    if (wait > 0 && (await condition(moved, wait))) continue;
    await exclusive(async () => {
      if (keyOf(m.nextTimer()) === planned && !m.final && !failed) await recordInspection(m.fire(next));
    });
  }
  await condition(allHandlersFinished);
  if (failed) throw failed;
  return m.state;
}
