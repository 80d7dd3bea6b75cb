import type { FaultLevel } from '../../domain/catalogue';
import type { ClockName, SlaTarget } from '../../domain/sla';
import type { Actor, TaskKind, TicketIntake, TicketState } from '../../domain/ticket';
import type { CheckInInput, DispatchDecisionInput, RemoteAttemptInput, RepairFormInput, TriageInput } from '../../domain/ticket.schemas';
import { TicketMachine } from './machine';
import { defaultNoteAudience } from '../../domain/ticket-rules';

/** One event as PostgreSQL recorded it (`ticket_events`, the key's seq split off). */
export interface RecordedEvent {
  seq: number;
  type: string;
  actor: Actor | null;
  data: Record<string, unknown>;
  at: number;
}

export interface Rebuilt {
  state: TicketState;
  /** Events that could not be replayed as recorded (unknown type, numbering gap): the state skips over them. */
  skipped: { seq: number; type: string; why: string }[];
}

/** The step events that complete the open task of one kind. */
const STEP_KIND: Record<string, TaskKind> = {
  triaged: 'triage',
  remote_resolved: 'remote',
  remote_escalated: 'remote',
  dispatch_approved: 'dispatch',
  dispatch_sent_back: 'dispatch',
  checked_in: 'checkin',
  repair_form_submitted: 'repair_form',
  signed: 'signature',
  signature_refused: 'signature',
};

/**
 * A ticket's state rebuilt from the events PostgreSQL recorded, by running them through the same
 * TicketMachine the workflow runs, each at its recorded moment: the same tasks (ids, creation
 * times, reminders), the same clocks (warnings given, breaches, pauses), the same seq. Pure: no
 * I/O, so it runs in the API (restart) and in tests alike. A signature's image is not in the event
 * log; a rebuilt signature has none.
 */
export function rebuildTicketState(intake: TicketIntake, targets: readonly SlaTarget[], events: readonly RecordedEvent[]): Rebuilt {
  let now = Date.parse(intake.receivedAt);
  const m = new TicketMachine(intake, targets, () => now);
  const skipped: Rebuilt['skipped'] = [];
  const ordered = [...events].filter((e) => e.seq > 0).sort((a, b) => a.seq - b.seq);
  for (const e of ordered) {
    now = e.at;
    const why = replay(m, e);
    if (why) skipped.push({ seq: e.seq, type: e.type, why });
    else if (m.state.seq !== e.seq) skipped.push({ seq: e.seq, type: e.type, why: `numbered ${m.state.seq} on replay` });
    // The recorded numbering wins: the next event of the new run follows the last one written.
    m.state.seq = Math.max(m.state.seq, e.seq);
  }
  return { state: m.state, skipped };
}

function replay(m: TicketMachine, e: RecordedEvent): string | null {
  const d = e.data;
  const actor = e.actor;
  if (e.type === 'triage_requested') {
    if (m.state.tasks.length || m.state.seq) return 'opened twice';
    m.open();
    return null;
  }
  const kind = STEP_KIND[e.type];
  if (kind) {
    const task = m.state.tasks.find((t) => t.kind === kind);
    if (!task || !actor) return `no open ${kind} task`;
    const closed = m.close(task, outcomeOf(e), actor, 'done');
    switch (e.type) {
      case 'triaged':
        m.triage(actor, closed, d as unknown as TriageInput);
        break;
      case 'remote_resolved':
      case 'remote_escalated':
        m.remoteAttempt(actor, closed, d as unknown as RemoteAttemptInput);
        break;
      case 'dispatch_approved':
      case 'dispatch_sent_back':
        m.dispatchDecision(actor, closed, d as unknown as DispatchDecisionInput);
        break;
      case 'checked_in':
        m.checkIn(actor, closed, d as unknown as CheckInInput);
        break;
      case 'repair_form_submitted': {
        const { ticketNo: _no, hash: _hash, ...form } = d;
        m.repairForm(actor, closed, form as unknown as RepairFormInput);
        break;
      }
      case 'signed':
        m.signature(actor, closed, { decision: 'accept', signerName: String(d.signerName), signerDepartment: String(d.signerDepartment), image: '' });
        break;
      case 'signature_refused':
        m.signature(actor, closed, { decision: 'refuse', reason: String(d.reason) });
        break;
    }
    return null;
  }
  const taskId = typeof d.taskId === 'string' ? d.taskId : '';
  switch (e.type) {
    case 'escalation_acknowledged': {
      const task = m.state.tasks.find((t) => t.id === taskId);
      if (!task || !actor) return `no open task ${taskId}`;
      m.acknowledgeEscalation(actor, m.close(task, 'acknowledged', actor, 'done'), { note: String(d.note ?? '') });
      return null;
    }
    case 'task_claimed':
      if (!actor || !m.state.tasks.some((t) => t.id === taskId)) return `no open task ${taskId}`;
      m.claim(actor, taskId);
      return null;
    case 'note':
      if (!actor) return 'no actor';
      m.addNote(actor, String(d.text), d.audience === 'hospital' || d.audience === 'internal' ? d.audience : defaultNoteAudience(actor));
      return null;
    case 'reassigned':
      if (!actor) return 'no actor';
      m.reassign(actor, Number(d.to), String(d.reason));
      return null;
    case 'level_changed':
      if (!actor) return 'no actor';
      m.changeLevel(actor, Number(d.to) as FaultLevel, String(d.reason));
      return null;
    case 'paused':
      if (!actor) return 'no actor';
      m.pause(actor, String(d.reason));
      return null;
    case 'resumed':
      if (!actor || m.state.sla.pausedSince === null) return 'not paused';
      m.resume(actor);
      return null;
    case 'cancelled':
      if (!actor) return 'no actor';
      m.cancel(actor, String(d.reason));
      return null;
    case 'reminder':
      if (!m.state.tasks.some((t) => t.id === taskId)) return `no open task ${taskId}`;
      m.fire({ kind: 'reminder', taskId, at: e.at });
      return null;
    case 'sla_warning':
      m.fire({ kind: 'warning', clock: d.clock as ClockName, fraction: Number(d.fraction), at: e.at });
      return null;
    case 'sla_breached':
      m.fire({ kind: 'breach', clock: d.clock as ClockName, at: e.at });
      return null;
    case 'restarted':
      m.state.seq += 1;
      return null;
    default:
      return 'not a step of the flow';
  }
}

/** The outcome a step's closed task records (as handlers.ts writes it); only the state matters here. */
function outcomeOf(e: RecordedEvent): string {
  const d = e.data;
  return String(d.route ?? d.outcome ?? d.decision ?? (e.type === 'checked_in' ? 'arrived' : e.type === 'repair_form_submitted' ? 'submitted' : e.type));
}
