import type { Actor } from '../../domain/ticket';
import type { SessionUser } from '../env';
import type { TaskDto } from '../tasks/task.dto';
import type { TimelineEntry } from './history';
import type { TicketDetail } from './ticket-detail';
import type { TicketDto } from './ticket.dto';

/**
 * What a hospital contact may read of a ticket (docs/decisions.md, "What the hospital sees"): its
 * request's progress, results, visits, the repair form it signs and the notes written for it. The
 * first analysis, internal notes, who was considered for the job, people's ids and the workflow's
 * internals stay with the vendor. Every answer about a ticket passes through here for them.
 */
export const readsAsHospital = (user: Pick<SessionUser, 'role'>) => user.role === 'hospital_contact';

/** A person as the hospital sees them: a name. */
const byName = (a: Pick<Actor, 'displayName'> | null | undefined) => (a ? { displayName: a.displayName } : null);

/** Tasks the hospital's progress view shows: the steps of its request, not the desk's escalations. */
const HOSPITAL_TASK_KINDS: ReadonlySet<string> = new Set(['triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature']);

export function hospitalTicket<T extends Partial<TicketDto>>(t: T) {
  const { workflowId: _w, workflowState: _s, assigneeId: _a, createdById: _c, ...rest } = t;
  return rest;
}

export function hospitalTask<T extends Partial<TaskDto>>(t: T) {
  return { ...t, assigneeId: null, completedById: null };
}

export function hospitalDetail(d: TicketDetail): TicketDetail {
  const s = d.detail;
  return {
    tasks: d.tasks.filter((t) => HOSPITAL_TASK_KINDS.has(t.kind)).map(hospitalTask),
    // Where the record was read from is the desk's concern; the hospital sees the record.
    detailSource: d.detailSource === 'unavailable' ? 'unavailable' : 'workflow',
    detail: s && {
      triage: s.triage && { category: s.triage.category, maintenanceType: s.triage.maintenanceType, faultLevel: s.triage.faultLevel, at: s.triage.at },
      remoteAttempts: s.remoteAttempts.map((r) => ({ outcome: r.outcome, solution: r.outcome === 'resolved' ? r.solution : null, by: byName(r.by), at: r.at })),
      dispatchDecisions: s.dispatchDecisions.filter((x) => x.decision === 'approve').map((x) => ({ decision: x.decision, at: x.at })),
      onsiteEngineerId: null,
      checkIns: s.checkIns.map((x) => ({ by: byName(x.by), at: x.at })),
      repairForms: s.repairForms.map((f) => ({ ...f, by: byName(f.by) })),
      signature: s.signature && { ...s.signature, by: byName(s.signature.by) },
      refusals: s.refusals.map((r) => ({ ...r, by: byName(r.by) })),
      notes: s.notes.filter((n) => n.audience === 'hospital').map((n) => ({ ...n, by: byName(n.by) })),
      pauseReason: s.pauseReason,
      cancelReason: s.cancelReason,
      archiveHash: null,
      sla: s.sla,
    },
  } as unknown as TicketDetail;
}

/** Steps of the request the hospital follows, and which of them keep their data (what it wrote or signs). */
const HOSPITAL_STEPS: Record<string, 'data' | 'bare'> = {
  triage: 'bare',
  remoteAttempt: 'bare',
  dispatchDecision: 'bare',
  checkIn: 'bare',
  repairForm: 'data',
  signature: 'data',
  addNote: 'data',
  changeLevel: 'bare',
  pause: 'data',
  resume: 'bare',
  cancel: 'data',
};

/**
 * The audit timeline as a plain progress list: the steps done, by name, with what the hospital
 * wrote or signs; no refused attempts, activities, timers, internal notes or analysis.
 */
export function hospitalTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of entries) {
    if (e.kind === 'started' || e.kind === 'completed') {
      out.push({ eventId: e.eventId, at: e.at, kind: e.kind, name: e.name, actor: byName(e.actor) as TimelineEntry['actor'] });
      continue;
    }
    const keep = e.kind === 'step' && e.outcome === 'completed' ? HOSPITAL_STEPS[e.name] : undefined;
    if (!keep) continue;
    const data = e.data as { audience?: unknown; text?: unknown } | undefined;
    // A note without an audience (written before there was a choice) is internal.
    if (e.name === 'addNote' && !(data?.audience === 'hospital' || (data?.audience === undefined && e.actor?.role === 'hospital_contact'))) continue;
    out.push({ eventId: e.eventId, at: e.at, kind: e.kind, name: e.name, outcome: e.outcome, actor: byName(e.actor) as TimelineEntry['actor'], ...(keep === 'data' ? { data: e.data } : {}) });
  }
  return out;
}
