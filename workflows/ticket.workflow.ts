import {
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair, UpdateDefinition } from '@temporalio/common';
import type { createActivities } from '../activities';
import type { IntakeRecord, NotificationRow, Projection, ProjectionBatch, StepResult, TaskRow, TicketSnapshot, EscalationRow } from '../domain/projection';
import type { Role } from '../domain/roles';
import { canonicalJson, sha256Hex } from '../domain/sha256';
import {
  MAX_REMINDERS,
  clocksForLevel,
  dueAtOf,
  nextSlaEvent,
  pause as pauseClocks,
  resume as resumeClocks,
  satisfy,
  targetFor,
  type SlaEvent,
  type SlaTarget,
} from '../domain/sla';
import {
  PROVISIONAL_LEVEL,
  type Actor,
  type Task,
  type TaskKind,
  type TicketIntake,
  type TicketState,
  type TicketWorkflowOptions,
} from '../domain/ticket';
import {
  checkCancel,
  checkClaim,
  checkLevelChange,
  checkNote,
  checkPause,
  checkReassign,
  checkResume,
  checkStep,
  mainTask,
  type Rejection,
} from '../domain/ticket-rules';
import type {
  CheckInInput,
  DispatchDecisionInput,
  RemoteAttemptInput,
  RepairFormInput,
  SignatureInput,
  TriageInput,
} from '../domain/ticket.schemas';
import { STEP_CHECKS, type FieldErrors } from '../domain/step-checks';
import { SA } from './search-attributes';
import {
  INVALID_INPUT,
  STEP_REJECTED,
  acknowledgeEscalationUpdate,
  addNoteUpdate,
  cancelUpdate,
  changeLevelUpdate,
  checkInUpdate,
  claimTaskUpdate,
  dispatchDecisionUpdate,
  intakeUpdate,
  pauseUpdate,
  reassignUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  resumeUpdate,
  signatureUpdate,
  stateQuery,
  triageUpdate,
} from './ticket.messages';

type Activities = ReturnType<typeof createActivities>;

// Projection writes must eventually land: retry through database outages, never give up.
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' } as const;
const acts = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
// Tickets opened between the two patches below ran their projections as local activities (fast,
// inside the workflow task). A Temporal server crash could then lose the workflow task after its
// projection was already in PostgreSQL: the database ahead of the history (fault drill, kill -9).
// Projections are ordinary activities again, scheduled only once the step is durable.
const localActs = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
const archiveActs = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '10 seconds', retry });

/** Marks tickets whose projections ran as local activities (kept so their histories replay). */
export const LOCAL_PROJECTIONS_PATCH = 'local-projections';
/** Marks tickets whose projections are ordinary activities again. */
export const DURABLE_PROJECTIONS_PATCH = 'durable-projections';
/**
 * Marks tickets whose Updates answer with their events and whose caller (the API) writes them
 * before it answers the user: a step costs one workflow task, like a bare Update, instead of an
 * activity round trip. The database is written only after the step is in the history, so it can
 * lag (never lead) the history; the workflow closes the gap itself with a batched projection
 * activity after a short grace, at once for what no caller sees (timers), and before archiving.
 */
export const API_PROJECTIONS_PATCH = 'api-projections';
/**
 * Marks tickets (api-projections and more) whose Updates answer with a summary of the ticket
 * (`StepResult`: status, step, open tasks) and the events they made instead of the whole state,
 * which went into the history at every step (≈ 5 KB each; the `state` query still has it all).
 * Their workflow also writes what its callers may have left unwritten only when nothing else
 * does: a timer's own write takes it along and cancels the grace, and the archive activity writes
 * it before the archive record instead of an activity of its own.
 */
export const LEAN_ANSWERS_PATCH = 'lean-answers';
/**
 * Marks tickets (lean-answers and more) whose history keeps only what the desk needs of it:
 * - the archive activity writes the `archived` event in the transaction of the archive record,
 *   so a ticket ends in one activity, not two (an activity cost the Temporal server a quarter
 *   of a bare flow, docs/benchmarks.md "engine costs");
 * - search attributes carry what operators filter on (status, level, deadlines, breach) and no
 *   longer the step and assignee, which changed at nearly every step and cost an event and a
 *   visibility write each time; the console (PostgreSQL) shows both. The attributes the start
 *   request set are not upserted again, and TicketStatus stays open until the ticket is archived;
 * - the step that closes the ticket leaves its timers pending instead of cancelling them.
 */
export const LEAN_HISTORY_PATCH = 'lean-history';
/**
 * How long the workflow leaves its callers to write an event before it writes it itself: the most
 * the database can lag after an API process died mid-request (a retry of that request writes it at
 * once). Long enough that with 10,000 open tickets this extra write seldom lands in a busy minute.
 */
export const DEFAULT_PROJECTION_GRACE_SECONDS = 120;

/** The attributes the workflow upserts, in the order it always has. */
const SEARCH_ATTRIBUTE_KEYS = [SA.status, SA.step, SA.assigneeId, SA.faultLevel, SA.replyDueAt, SA.solutionDueAt, SA.slaBreached];

function reject(reason: Rejection): void {
  if (reason) throw ApplicationFailure.create({ type: STEP_REJECTED, message: reason, nonRetryable: true });
}

/** Step data the workflow cannot act on is refused field by field (the API has checked it with zod already). */
function parse<T>(checkFields: (d: unknown) => FieldErrors | null, data: unknown): T {
  const fields = checkFields(data);
  if (fields) throw ApplicationFailure.create({ type: INVALID_INPUT, message: Object.values(fields)[0], details: [fields], nonRetryable: true });
  return data as T;
}

/** One service request (服务请求), from intake to archive. */
export async function ticketWorkflow(intake: TicketIntake, options: TicketWorkflowOptions = {}): Promise<StepResult> {
  const state: TicketState = {
    ticketNo: intake.ticketNo,
    intake,
    status: 'open',
    step: 'intake',
    faultLevel: intake.faultLevel,
    assigneeId: null,
    tasks: [],
    triage: null,
    remoteAttempts: [],
    dispatchDecisions: [],
    onsiteEngineerId: null,
    checkIns: [],
    repairForms: [],
    signature: null,
    refusals: [],
    notes: [],
    sla: { receivedAt: Date.parse(intake.receivedAt), level: intake.faultLevel, clocks: [], pausedMs: 0, pausedSince: null },
    pauseReason: null,
    cancelReason: null,
    archiveHash: null,
    intakeRecorded: false,
    seq: 0,
    taskSeq: 0,
  };
  let targets: SlaTarget[] = [];
  /** Bumped by every state change: the timer loop re-plans when it moves. */
  let version = 0;
  let projections: Promise<void> = Promise.resolve();
  /** Where loads and projections run; decided once, before the first one (see LOCAL_PROJECTIONS_PATCH). */
  let db = acts;
  /** Decided once at start (API_PROJECTIONS_PATCH): Updates hand their events to the caller. */
  let apiProjections = false;
  /** Decided once at start (LEAN_ANSWERS_PATCH). */
  let lean = false;
  /** Decided once at start (LEAN_HISTORY_PATCH). */
  let leanHistory = false;
  let intakeRecord: IntakeRecord | null = null;
  /** Events not yet written by the workflow itself (the caller may have written them). */
  let unwritten: Projection[] = [];
  /** The last few events, for Update answers (an answer carries the events its Update made). */
  let recent: Projection[] = [];
  let writeNow = false;
  let writing = false;
  /** A retried intake Update answers with the same first row (intakeRecord) and event. */
  let firstProjection: Projection | null = null;
  let lastSearchAttributes: Record<string, unknown> = {};

  const now = () => Date.now();
  const final = () => state.status !== 'open';
  const target = () => targetFor(targets, state.sla.level ?? PROVISIONAL_LEVEL);

  // ---- state helpers -------------------------------------------------------------------------

  function newTask(kind: TaskKind, candidateRole: Role, assigneeId: number | null): Task {
    state.taskSeq += 1;
    const task: Task = { id: `${state.ticketNo}-T${state.taskSeq}`, kind, candidateRole, assigneeId, createdAt: now(), reminders: 0 };
    state.tasks.push(task);
    return task;
  }

  function closeTask(task: Task, outcome: string, by: Actor | null, status: 'done' | 'cancelled' = 'done') {
    state.tasks = state.tasks.filter((t) => t.id !== task.id);
    return {
      id: task.id,
      kind: task.kind,
      candidateRole: task.candidateRole,
      assigneeId: task.assigneeId,
      createdAt: task.createdAt,
      status,
      outcome,
      completedById: by?.userId ?? null,
      completedAt: now(),
    };
  }

  function snapshot(): TicketSnapshot {
    const clock = (name: 'reply' | 'firstSolution') => state.sla.clocks.find((c) => c.name === name);
    const reply = clock('reply');
    const solution = clock('firstSolution');
    return {
      status: state.status,
      step: state.step,
      faultLevel: state.faultLevel,
      category: state.triage?.category ?? null,
      maintenanceType: state.triage?.maintenanceType ?? null,
      departmentId: state.triage?.departmentId ?? state.intake.departmentId,
      assigneeId: state.assigneeId,
      replyDueAt: dueAtOf(state.sla, 'reply'),
      replySatisfiedAt: reply?.satisfiedAt ?? null,
      replyBreached: reply?.breachedAt != null,
      solutionDueAt: dueAtOf(state.sla, 'firstSolution'),
      solutionSatisfiedAt: solution?.satisfiedAt ?? null,
      solutionBreached: solution?.breachedAt != null,
      pausedSince: state.sla.pausedSince,
      closedAt: final() ? now() : null,
    };
  }

  function taskDue(task: Task): number | null {
    if (task.kind === 'signature') return task.createdAt + target().signatureReminderSeconds * 1000;
    const clock = task.kind === 'triage' ? 'reply' : task.kind === 'dispatch' || task.kind === 'remote' ? 'firstSolution' : null;
    return clock ? dueAtOf(state.sla, clock) : null;
  }

  /** The search attributes this generation keeps, and their values now. */
  function searchAttributes(): Record<string, unknown> {
    const s = snapshot();
    return {
      // Since lean-history: open until the archive record is written, then archived or cancelled
      // (the seconds of 'resolved' in between cost the closing step an upsert).
      [SA.status.name]: leanHistory && s.status === 'resolved' ? 'open' : s.status,
      ...(leanHistory ? {} : { [SA.step.name]: s.step, [SA.assigneeId.name]: s.assigneeId === null ? null : String(s.assigneeId) }),
      [SA.faultLevel.name]: s.faultLevel,
      [SA.replyDueAt.name]: s.replyDueAt,
      [SA.solutionDueAt.name]: s.solutionDueAt,
      [SA.slaBreached.name]: s.replyBreached || s.solutionBreached,
    };
  }

  /** What the start request set (lean-history): the first upsert leaves those alone. */
  function searchAttributesAtStart(): Record<string, unknown> {
    const set = workflowInfo().typedSearchAttributes;
    const started: Record<string, unknown> = {};
    for (const key of SEARCH_ATTRIBUTE_KEYS) {
      const v: unknown = set.get(key as never);
      started[key.name] = v === undefined ? null : v instanceof Date ? v.getTime() : v;
    }
    return started;
  }

  function syncSearchAttributes(): void {
    const wanted = searchAttributes();
    const pairs: SearchAttributeUpdatePair[] = [];
    for (const key of SEARCH_ATTRIBUTE_KEYS) {
      if (!Object.hasOwn(wanted, key.name)) continue;
      const value = wanted[key.name];
      if (lastSearchAttributes[key.name] === value) continue;
      const typed = value === null || value === undefined ? null : key.type === 'DATETIME' ? new Date(value as number) : value;
      pairs.push({ key, value: typed } as SearchAttributeUpdatePair);
    }
    if (pairs.length) upsertSearchAttributes(pairs);
    lastSearchAttributes = wanted;
  }

  type EventExtra = { closed?: Projection['closedTasks']; escalation?: EscalationRow; ackTaskId?: string; notify?: NotificationRow[] };

  /** Event number `seq` as PostgreSQL must show it, with the ticket as it stands (or as `ticket`). */
  function eventOf(seq: number, type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}, ticket = snapshot()): Projection {
    return {
      ticketNo: state.ticketNo,
      seq,
      at: now(),
      type,
      actor,
      data,
      ticket,
      openTasks: state.tasks.map((t): TaskRow => ({ id: t.id, kind: t.kind, candidateRole: t.candidateRole, assigneeId: t.assigneeId, createdAt: t.createdAt, dueAt: taskDue(t) })),
      closedTasks: extra.closed ?? [],
      escalation: extra.escalation ?? null,
      acknowledgedEscalationTaskId: extra.ackTaskId,
      notifications: extra.notify ?? [],
    };
  }

  /**
   * Records one event: bumps the sequence, snapshots the ticket, and queues the projection behind
   * the previous one so rows change in event order. Resolves once this event is in PostgreSQL.
   */
  function commit(type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}): Promise<void> {
    version += 1;
    state.seq += 1;
    syncSearchAttributes();
    const p = eventOf(state.seq, type, actor, data, extra);
    if (apiProjections) {
      unwritten.push(p);
      recent = [...recent.slice(-19), p];
      return Promise.resolve();
    }
    projections = projections.then(() => db.project(p));
    return projections;
  }

  /** The workflow's own writes (api-projections): batched, after the grace unless something needs them now. */
  async function writeProjections(): Promise<void> {
    const grace = (options.projectionGraceSeconds ?? DEFAULT_PROJECTION_GRACE_SECONDS) * 1000;
    for (;;) {
      await condition(() => unwritten.length > 0);
      if (!writeNow) await condition(lean ? () => writeNow || unwritten.length === 0 : () => writeNow, grace);
      writeNow = false;
      // A timer's write took them along meanwhile (lean-answers): no activity, the grace is off.
      if (lean && unwritten.length === 0) continue;
      const batch: ProjectionBatch = { intake: intakeRecord, projections: unwritten };
      unwritten = [];
      writing = true;
      // Every batch carries the intake: a database restored to before this ticket gets its row back.
      await db.projectBatch(batch);
      writing = false;
    }
  }

  /** Resolves once everything so far is in PostgreSQL by the workflow's own hand. */
  async function allWritten(): Promise<void> {
    if (!apiProjections) return projections;
    writeNow = true;
    await condition(() => unwritten.length === 0 && !writing);
  }

  function answer(sinceSeq: number): StepResult {
    const r = lean ? summary() : result();
    if (!apiProjections) return r;
    return { ...r, projected: { projections: recent.filter((p) => p.seq > sinceSeq) } };
  }

  /** What an Update answers with since lean-answers: enough for its caller to go on. */
  function summary(): StepResult {
    const { ticketNo, status, step, faultLevel, assigneeId, tasks, seq } = state;
    return { ticketNo, status, step, faultLevel, assigneeId, tasks, seq };
  }

  const toUser = (userId: number | null, kind: string, message: string): NotificationRow[] =>
    userId === null ? [] : [{ recipientId: userId, recipientRole: null, kind, message }];
  const toRole = (role: Role, kind: string, message: string): NotificationRow => ({ recipientId: null, recipientRole: role, kind, message });

  /** Update results go into history: leave the signature image to the query. */
  function result(): TicketState {
    return state.signature ? { ...state, signature: { ...state.signature, image: '(see query)' } } : state;
  }

  /** Registers an Update whose validator and handler run the same check. */
  function step<Args extends unknown[]>(
    def: UpdateDefinition<StepResult, Args>,
    check: (...args: Args) => Rejection,
    handle: (...args: Args) => Promise<void>,
  ) {
    setHandler(
      def,
      async (...args: Args) => {
        // Another update may have moved the ticket since this one was validated.
        reject(check(...args));
        const since = state.seq;
        await handle(...args);
        return answer(since);
      },
      { validator: (...args: Args) => reject(check(...args)) },
    );
  }

  // ---- queries and updates ---------------------------------------------------------------------

  setHandler(stateQuery, () => state);
  setHandler(intakeUpdate, async () => {
    await condition(() => state.intakeRecorded);
    if (!apiProjections) return result();
    // A retried intake (same ticket) answers with the same first row and event, wherever the ticket is now.
    return { ...(lean ? summary() : result()), projected: { intake: intakeRecord, projections: firstProjection ? [firstProjection] : [] } };
  });

  step(
    triageUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'triage') ?? (parse<TriageInput>(STEP_CHECKS.triage, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<TriageInput>(STEP_CHECKS.triage, data);
      const task = state.tasks.find((t) => t.id === taskId)!;
      const closed = closeTask(task, d.route, actor);
      state.triage = { ...d, departmentId: d.departmentId ?? state.intake.departmentId, by: actor, at: now() };
      applyLevel(d.faultLevel);
      satisfy(state.sla, 'reply', now());
      let notify: NotificationRow[];
      if (d.route === 'remote') {
        state.step = 'remote';
        state.assigneeId = d.assigneeId;
        newTask('remote', 'engineer', d.assigneeId);
        notify = toUser(d.assigneeId, 'assigned', `${state.ticketNo}: remote support assigned to you`);
      } else {
        state.step = 'dispatch';
        state.assigneeId = null;
        newTask('dispatch', 'dispatcher', null);
        notify = [toRole('dispatcher', 'dispatch_requested', `${state.ticketNo}: on-site service requested at triage`)];
      }
      await commit('triaged', actor, { ...d }, { closed: [closed], notify });
    },
  );

  step(
    remoteAttemptUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'remote') ?? (parse<RemoteAttemptInput>(STEP_CHECKS.remoteAttempt, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<RemoteAttemptInput>(STEP_CHECKS.remoteAttempt, data);
      const task = state.tasks.find((t) => t.id === taskId)!;
      const closed = closeTask(task, d.outcome, actor);
      state.remoteAttempts.push({
        actions: d.actions,
        outcome: d.outcome,
        solution: d.outcome === 'resolved' ? d.solution : null,
        reason: d.outcome === 'escalate' ? d.reason : null,
        by: actor,
        at: now(),
      });
      if (d.outcome === 'resolved') {
        satisfy(state.sla, 'firstSolution', now());
        state.status = 'resolved';
        await commit('remote_resolved', actor, { ...d }, { closed: [closed, ...closeAll('resolved', actor)] });
      } else {
        state.step = 'dispatch';
        newTask('dispatch', 'dispatcher', null);
        await commit('remote_escalated', actor, { ...d }, { closed: [closed], notify: [toRole('dispatcher', 'dispatch_requested', `${state.ticketNo}: remote attempt failed, on-site service requested`)] });
      }
    },
  );

  step(
    dispatchDecisionUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'dispatch') ?? (parse<DispatchDecisionInput>(STEP_CHECKS.dispatchDecision, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<DispatchDecisionInput>(STEP_CHECKS.dispatchDecision, data);
      const task = state.tasks.find((t) => t.id === taskId)!;
      const closed = closeTask(task, d.decision, actor);
      state.dispatchDecisions.push({
        decision: d.decision,
        engineerId: d.decision === 'approve' ? d.engineerId : null,
        plan: d.decision === 'approve' ? d.plan : null,
        reason: d.decision === 'send_back' ? d.reason : null,
        by: actor,
        at: now(),
      });
      if (d.decision === 'approve') {
        // The seed's level-1 promise: a first solution within the hour. An approved dispatch plan is one.
        satisfy(state.sla, 'firstSolution', now());
        state.step = 'onsite';
        state.onsiteEngineerId = d.engineerId;
        state.assigneeId = d.engineerId;
        newTask('checkin', 'engineer', d.engineerId);
        await commit('dispatch_approved', actor, { ...d }, {
          closed: [closed],
          notify: toUser(d.engineerId, 'dispatched', `${state.ticketNo}: go on site to ${state.intake.title}`),
        });
      } else {
        const back = state.remoteAttempts.at(-1)?.by.userId ?? state.triage?.assigneeId ?? null;
        state.step = 'remote';
        state.assigneeId = back;
        newTask('remote', 'engineer', back);
        await commit('dispatch_sent_back', actor, { ...d }, { closed: [closed], notify: toUser(back, 'sent_back', `${state.ticketNo}: on-site dispatch not approved: ${d.reason}`) });
      }
    },
  );

  step(
    checkInUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'checkin') ?? (parse<CheckInInput>(STEP_CHECKS.checkIn, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<CheckInInput>(STEP_CHECKS.checkIn, data);
      const closed = closeTask(state.tasks.find((t) => t.id === taskId)!, 'arrived', actor);
      state.checkIns.push({ note: d.note ?? null, by: actor, at: now() });
      newTask('repair_form', 'engineer', actor.userId);
      await commit('checked_in', actor, { note: d.note ?? null }, { closed: [closed] });
    },
  );

  step(
    repairFormUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'repair_form') ?? (parse<RepairFormInput>(STEP_CHECKS.repairForm, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<RepairFormInput>(STEP_CHECKS.repairForm, data);
      const closed = closeTask(state.tasks.find((t) => t.id === taskId)!, 'submitted', actor);
      const content = { ticketNo: state.ticketNo, ...d, partsReplaced: d.partsReplaced ?? null };
      const hash = sha256Hex(canonicalJson(content));
      state.repairForms.push({ ...content, by: actor, at: now(), hash });
      state.step = 'signature';
      newTask('signature', 'hospital_contact', null);
      await commit('repair_form_submitted', actor, { ...content, hash }, {
        closed: [closed],
        notify: [toRole('hospital_contact', 'signature_requested', `${state.ticketNo}: please check and sign the repair form (系统维修单)`)],
      });
    },
  );

  step(
    signatureUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'signature') ?? (parse<SignatureInput>(STEP_CHECKS.signature, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<SignatureInput>(STEP_CHECKS.signature, data);
      const form = state.repairForms.at(-1)!;
      const closed = closeTask(state.tasks.find((t) => t.id === taskId)!, d.decision, actor);
      if (d.decision === 'accept') {
        state.signature = { signerName: d.signerName, signerDepartment: d.signerDepartment, image: d.image, formHash: form.hash, by: actor, at: now() };
        state.status = 'resolved';
        await commit('signed', actor, { signerName: d.signerName, signerDepartment: d.signerDepartment, formHash: form.hash }, { closed: [closed, ...closeAll('resolved', actor)] });
      } else {
        state.refusals.push({ reason: d.reason, formHash: form.hash, by: actor, at: now() });
        // Back on site: the engineer returns, checks in again and files a new repair form.
        state.step = 'onsite';
        newTask('checkin', 'engineer', state.onsiteEngineerId);
        await commit('signature_refused', actor, { reason: d.reason, formHash: form.hash }, {
          closed: [closed],
          notify: [
            ...toUser(state.onsiteEngineerId, 'signature_refused', `${state.ticketNo}: the hospital refused the repair form: ${d.reason}`),
            toRole('dispatcher', 'signature_refused', `${state.ticketNo}: the hospital refused the repair form`),
          ],
        });
      }
    },
  );

  step(
    acknowledgeEscalationUpdate,
    ({ actor, taskId, data }) => checkStep(state, actor, taskId, 'escalation') ?? (parse<{ note: string }>(STEP_CHECKS.acknowledgeEscalation, data), null),
    async ({ actor, taskId, data }) => {
      const d = parse<{ note: string }>(STEP_CHECKS.acknowledgeEscalation, data);
      const closed = closeTask(state.tasks.find((t) => t.id === taskId)!, 'acknowledged', actor);
      await commit('escalation_acknowledged', actor, { taskId, note: d.note }, { closed: [closed], ackTaskId: taskId });
    },
  );

  step(
    claimTaskUpdate,
    ({ actor, taskId }) => checkClaim(state, actor, taskId),
    async ({ actor, taskId }) => {
      const task = state.tasks.find((t) => t.id === taskId)!;
      task.assigneeId = actor.userId;
      if (task.kind !== 'escalation') state.assigneeId = actor.userId;
      await commit('task_claimed', actor, { taskId, kind: task.kind });
    },
  );

  step(
    addNoteUpdate,
    ({ actor, text }) => checkNote(state, actor) ?? (parse<{ text: string }>(STEP_CHECKS.note, { text }), null),
    async ({ actor, text }) => {
      const d = parse<{ text: string }>(STEP_CHECKS.note, { text });
      state.notes.push({ text: d.text, by: actor, at: now() });
      await commit('note', actor, { text: d.text });
    },
  );

  step(
    reassignUpdate,
    ({ actor, assigneeId, reason }) => checkReassign(state, actor, assigneeId) ?? (parse<{ assigneeId: number; reason: string }>(STEP_CHECKS.reassign, { assigneeId, reason }), null),
    async ({ actor, assigneeId, reason }) => {
      const d = parse<{ assigneeId: number; reason: string }>(STEP_CHECKS.reassign, { assigneeId, reason });
      const task = mainTask(state)!;
      const from = task.assigneeId;
      task.assigneeId = d.assigneeId;
      task.reminders = 0;
      state.assigneeId = d.assigneeId;
      if (state.step === 'onsite') state.onsiteEngineerId = d.assigneeId;
      await commit('reassigned', actor, { taskId: task.id, from, to: d.assigneeId, reason: d.reason }, {
        notify: toUser(d.assigneeId, 'assigned', `${state.ticketNo}: ${task.kind} task reassigned to you: ${d.reason}`),
      });
    },
  );

  step(
    changeLevelUpdate,
    ({ actor, faultLevel, reason }) => checkLevelChange(state, actor, faultLevel) ?? (parse<{ faultLevel: typeof faultLevel; reason: string }>(STEP_CHECKS.level, { faultLevel, reason }), null),
    async ({ actor, faultLevel, reason }) => {
      const d = parse<{ faultLevel: typeof faultLevel; reason: string }>(STEP_CHECKS.level, { faultLevel, reason });
      const from = state.sla.level;
      applyLevel(d.faultLevel);
      await commit('level_changed', actor, { from, to: d.faultLevel, reason: d.reason });
    },
  );

  step(
    pauseUpdate,
    ({ actor, reason }) => checkPause(state, actor) ?? (parse<{ reason: string }>(STEP_CHECKS.reason, { reason }), null),
    async ({ actor, reason }) => {
      const d = parse<{ reason: string }>(STEP_CHECKS.reason, { reason });
      pauseClocks(state.sla, now());
      state.pauseReason = d.reason;
      await commit('paused', actor, { reason: d.reason });
    },
  );

  step(
    resumeUpdate,
    ({ actor }) => checkResume(state, actor),
    async ({ actor }) => {
      const pausedFor = now() - state.sla.pausedSince!;
      resumeClocks(state.sla, now());
      state.pauseReason = null;
      await commit('resumed', actor, { pausedMs: pausedFor });
    },
  );

  step(
    cancelUpdate,
    ({ actor, reason }) => checkCancel(state, actor) ?? (parse<{ reason: string }>(STEP_CHECKS.reason, { reason }), null),
    async ({ actor, reason }) => {
      const d = parse<{ reason: string }>(STEP_CHECKS.reason, { reason });
      state.status = 'cancelled';
      state.step = 'cancelled';
      state.cancelReason = d.reason;
      await commit('cancelled', actor, { reason: d.reason }, { closed: closeAll('cancelled', actor, 'cancelled') });
    },
  );

  /** Closes every open task (the ticket is done); escalations too, as nothing is left to escalate. */
  function closeAll(outcome: string, by: Actor | null, status: 'done' | 'cancelled' = 'cancelled') {
    return [...state.tasks].map((t) => closeTask(t, outcome, by, status));
  }

  function applyLevel(level: TicketState['faultLevel'] & number): void {
    state.faultLevel = level;
    state.sla.level = level;
    state.sla.clocks = clocksForLevel(state.sla, targetFor(targets, level), now());
  }

  // ---- timers: SLA warnings and breaches, reminders ---------------------------------------------

  type TimerEvent = SlaEvent | { at: number; kind: 'reminder'; taskId: string };

  function nextTimer(): TimerEvent | null {
    if (state.sla.pausedSince !== null) return null;
    let next: TimerEvent | null = nextSlaEvent(state.sla);
    const t = target();
    for (const task of state.tasks) {
      if (task.reminders >= MAX_REMINDERS) continue;
      const every = task.kind === 'signature' ? t.signatureReminderSeconds : task.assigneeId === null ? t.unclaimedReminderSeconds : null;
      if (every === null) continue;
      const at = task.createdAt + every * 1000 * (task.reminders + 1);
      if (!next || at < next.at) next = { at, kind: 'reminder', taskId: task.id };
    }
    return next;
  }

  function timerKey(e: TimerEvent | null): string {
    if (!e) return 'none';
    return e.kind === 'reminder' ? `${e.at}:reminder:${e.taskId}` : `${e.at}:${e.kind}:${e.clock}:${e.kind === 'warning' ? e.fraction : ''}`;
  }

  async function fire(e: TimerEvent): Promise<void> {
    await fireEvent(e);
    if (!apiProjections) return;
    // No caller waits on a timer's events: they are written inside the workflow task that made them
    // (a local activity), one task per timer instead of a task, an activity and another task. If
    // that task is lost, the durable timer fires again and makes the same events under the same
    // keys; only their timestamps may then differ, by the task's retry delay.
    const batch: ProjectionBatch = { intake: intakeRecord, projections: unwritten };
    unwritten = [];
    await localActs.projectBatch(batch);
  }

  async function fireEvent(e: TimerEvent): Promise<void> {
    if (e.kind === 'reminder') {
      const task = state.tasks.find((t) => t.id === e.taskId)!;
      task.reminders += 1;
      const msg = `${state.ticketNo}: ${task.kind} task waiting since ${new Date(task.createdAt).toISOString()} (reminder ${task.reminders})`;
      await commit('reminder', null, { taskId: task.id, kind: task.kind, count: task.reminders }, { notify: [toRole(task.candidateRole, 'reminder', msg)] });
      return;
    }
    const clock = state.sla.clocks.find((c) => c.name === e.clock)!;
    const due = dueAtOf(state.sla, e.clock)!;
    if (e.kind === 'warning') {
      clock.warned.push(e.fraction);
      const msg = `${state.ticketNo}: ${e.clock} deadline ${new Date(due).toISOString()} is ${Math.round(e.fraction * 100)}% used`;
      await commit('sla_warning', null, { clock: e.clock, fraction: e.fraction, dueAt: due }, {
        notify: [...toUser(state.assigneeId, 'sla_warning', msg), toRole('dispatcher', 'sla_warning', msg)],
      });
      return;
    }
    clock.breachedAt = now();
    const task = newTask('escalation', 'manager', null);
    const msg = `${state.ticketNo}: level ${state.sla.level} ${e.clock} commitment breached (due ${new Date(due).toISOString()})`;
    await commit('sla_breached', null, { clock: e.clock, dueAt: due, level: state.sla.level }, {
      escalation: { clock: e.clock, faultLevel: state.sla.level ?? PROVISIONAL_LEVEL, dueAt: due, breachedAt: now(), taskId: task.id },
      notify: [toRole('manager', 'escalation', msg), toRole('dispatcher', 'escalation', msg)],
    });
  }

  async function runTimers(): Promise<void> {
    while (!final()) {
      const seen = version;
      const next = nextTimer();
      const planned = timerKey(next);
      const wait = next ? next.at - now() : Infinity;
      if (wait > 0) {
        // Sleep until the moment, unless something changes the plan first. Since api-projections
        // only a change of the next moment itself re-plans: most steps leave the running timer be.
        // Since lean-history the end of the ticket leaves it be too: cancelling a timer of a
        // workflow about to complete cost the step that ended it a command and an event.
        const moved = () => timerKey(nextTimer()) !== planned;
        const replan = leanHistory ? () => !final() && moved() : apiProjections ? () => final() || moved() : () => version !== seen || final();
        if (!Number.isFinite(wait)) {
          await condition(replan);
          continue;
        }
        if (await condition(replan, wait)) continue;
        // A timer that outlived the ticket (fired while the archive was written) has nothing to say.
        if (leanHistory && final()) return;
      }
      await fire(next!);
    }
  }

  // ---- the flow ---------------------------------------------------------------------------------

  // Newest generation first: a new ticket carries one marker, older histories replay as they ran.
  leanHistory = patched(LEAN_HISTORY_PATCH);
  lean = leanHistory || patched(LEAN_ANSWERS_PATCH);
  apiProjections = lean || patched(API_PROJECTIONS_PATCH);
  db = apiProjections ? acts : patched(DURABLE_PROJECTIONS_PATCH) ? acts : patched(LOCAL_PROJECTIONS_PATCH) ? localActs : acts;
  targets = apiProjections && options.slaTargets?.length ? options.slaTargets : await db.loadSlaPolicy(intake.hospitalId);
  state.sla.clocks = clocksForLevel(state.sla, target(), now());
  if (leanHistory) lastSearchAttributes = searchAttributesAtStart();
  const record: IntakeRecord = {
    intake,
    step: 'triage',
    replyDueAt: new Date(dueAtOf(state.sla, 'reply')!).toISOString(),
    solutionDueAt: dueAtOf(state.sla, 'firstSolution') === null ? null : new Date(dueAtOf(state.sla, 'firstSolution')!).toISOString(),
  };
  if (apiProjections) intakeRecord = record;
  else await db.recordIntake(record);
  state.step = 'triage';
  newTask('triage', 'dispatcher', null);
  await commit('triage_requested', null, {}, { notify: [toRole('dispatcher', 'new_ticket', `${state.ticketNo}: new request from ${intake.reporterName}: ${intake.title}`)] });
  if (apiProjections) firstProjection = recent[0];
  state.intakeRecorded = true;

  if (apiProjections) void writeProjections();
  const timers = runTimers();
  await condition(final);
  // Since lean-history the timer loop and the grace write are left pending at the end (their
  // timers are not cancelled): the workflow completes without them.
  if (!leanHistory) await timers;
  let pending: ProjectionBatch | undefined;
  if (lean) {
    // The archive activity writes what is still unwritten, just before the archive record.
    await condition(() => !writing);
    pending = { intake: intakeRecord, projections: unwritten };
    // Emptying the list would end the grace wait and cancel its timer (lean-history leaves it;
    // should it fire during a long archive, it writes the same events again, harmlessly).
    if (!leanHistory) unwritten = [];
  } else {
    await allWritten();
  }

  const lastForm = state.repairForms.at(-1);
  const toArchive = {
    ticketNo: state.ticketNo,
    outcome: state.status === 'cancelled' ? ('cancelled' as const) : ('resolved' as const),
    ticket: { ...result(), signature: null },
    repairForm: lastForm ? { ...lastForm } : null,
    signature: state.signature ? { ...state.signature } : null,
    ...(pending ? { pending } : {}),
  };
  // A resolved ticket ends archived; a cancelled one stays cancelled, with its archive record.
  const closing = state.status === 'resolved' ? ({ status: 'archived', step: 'archived' } as const) : {};
  if (leanHistory) {
    // The archive activity writes this event with the record, filling in the record's number and
    // hash: nothing is left to write afterwards.
    const archived = eventOf(state.seq + 1, 'archived', null, { archiveSeq: null, hash: null }, {}, { ...snapshot(), ...closing });
    const archive = await archiveActs.archiveTicket({ ...toArchive, archived });
    state.archiveHash = archive.hash;
    Object.assign(state, closing);
    version += 1;
    state.seq += 1;
    syncSearchAttributes();
    return result();
  }
  const archive = await archiveActs.archiveTicket(toArchive);
  state.archiveHash = archive.hash;
  Object.assign(state, closing);
  await commit('archived', null, { archiveSeq: archive.seq, hash: archive.hash });
  await allWritten();
  return result();
}
