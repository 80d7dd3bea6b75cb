import { ApplicationFailure, condition, currentUpdateInfo, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import type { Projection, StepResult } from '../../domain/projection';
import { english } from '../../domain/messages';
import type { FieldErrors } from '../../domain/step-checks';
import type { TicketIntake, TicketState, TicketWorkflowOptions } from '../../domain/ticket';
import type { Rejection } from '../../domain/ticket-rules';
import { HANDLERS } from './handlers';
import { TicketMachine } from './machine';
import { INVALID_INPUT, STEP_REJECTED, intakeUpdate, stateQuery } from './messages';
import { Outbox } from './outbox';
import { runTimers } from './timers';
import { SearchAttributes } from './visibility';

type Activities = ReturnType<typeof createActivities>;

// Writes to PostgreSQL must land in the end: retried through database outages, never given up.
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' } as const;
const { projectBatch } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
// Heartbeats: a dead worker is noticed in seconds, not at the end of the archive's two minutes.
const { archiveTicket } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '10 seconds', retry });

/**
 * How long the workflow leaves its callers to write an event before it writes it itself: the most
 * the database can lag after an API process died mid-request (a retry of that request writes it at once).
 */
export const DEFAULT_PROJECTION_GRACE_SECONDS = 120;

// The failure carries the code (details) for the API, and the English for the history's reader.
function reject(reason: Rejection): void {
  if (reason) throw ApplicationFailure.create({ type: STEP_REJECTED, message: english(reason), details: [reason], nonRetryable: true });
}

function invalid(fields: FieldErrors | null | undefined): void {
  if (fields) throw ApplicationFailure.create({ type: INVALID_INPUT, message: english(Object.values(fields)[0]), details: [fields], nonRetryable: true });
}

/** One service request (服务请求), from intake to archive. The state and its steps live in TicketMachine. */
export async function ticketWorkflow(intake: TicketIntake, options: TicketWorkflowOptions): Promise<TicketState> {
  const machine = new TicketMachine(intake, options.slaTargets, () => Date.now());
  // A restart (docs/workflow.md, "Restart"): the lost run's state as PostgreSQL recorded it; its
  // tasks are open again and its timers fire at their old moments (a passed one at once).
  const resumed = options.resumeFrom;
  if (resumed) machine.carryOn(resumed.state);
  const outbox = new Outbox(machine.intakeRecord);
  const attributes = new SearchAttributes();

  /** Every change passes here: the search attributes follow the ticket, its events wait in the outbox. */
  function record(events: Projection[]): Projection[] {
    attributes.sync(machine.snapshot());
    outbox.add(events);
    return events;
  }
  // An Update answers with the events it made: its caller writes them before answering its user.
  const answer = (events: Projection[]): StepResult => ({ ...machine.summary(), projected: { projections: events } });

  const opened = record(resumed ? machine.restarted(resumed.by, resumed.lostTasks) : machine.open());
  setHandler(stateQuery, () => machine.state);
  // A retried intake answers with the same first row and event, wherever the ticket is now.
  setHandler(intakeUpdate, () => ({ ...machine.summary(), projected: { intake: machine.intakeRecord, projections: opened } }));
  for (const h of HANDLERS) {
    const validator = (args: unknown) => {
      reject(h.check(machine, args));
      invalid(h.fields?.(args));
    };
    const handler = (args: unknown) => {
      reject(h.check(machine, args));
      return answer(record(h.apply(machine, args, currentUpdateInfo()?.id ?? null)));
    };
    setHandler(h.update, handler, { validator });
  }

  const graceMs = (options.projectionGraceSeconds ?? DEFAULT_PROJECTION_GRACE_SECONDS) * 1000;
  const writer = outbox.writeAfterGrace(graceMs, projectBatch);
  const timers = runTimers(machine, (e) => {
    record(machine.fire(e));
    return outbox.writeNow(local.projectBatch);
  });
  // The writes only ever end by failing for good (PostgreSQL refused their content): the run ends failed with them.
  await Promise.race([condition(() => machine.final), writer, timers]);

  // The archive activity writes what is still unwritten, the record, and the closing event with it.
  const state = machine.withoutImage();
  const form = state.repairForms.at(-1);
  const { hash } = await archiveTicket({
    ticketNo: state.ticketNo,
    outcome: state.status === 'cancelled' ? 'cancelled' : 'resolved',
    ticket: { ...state, signature: null },
    repairForm: form ? { ...form } : null,
    signature: machine.state.signature ? { ...machine.state.signature } : null,
    pending: await outbox.pending(),
    archived: machine.archivedEvent(),
  });
  machine.archived(hash);
  attributes.sync(machine.snapshot());
  return machine.withoutImage();
}
