import { said, type FieldMessages, type Said } from '../../domain/messages';
import { faultSummary, type PeriodTicket } from '../../domain/inspection/fault-summary';
import { capacityAnalysis, type StorageReading } from '../../domain/inspection/storage-capacity';
import {
  checkInspectionStep,
  checklistErrors,
  mergeChecklist,
  missingItems,
  type InspectionActor,
  type InspectionStep,
  type ItemAnswer,
} from '../../domain/inspection/steps';
import {
  MAX_SIGNATURE_REMINDERS,
  reportHashOf,
  type OccurrenceEvent,
  type OccurrenceNotice,
  type OccurrenceRow,
  type OccurrenceStart,
  type OccurrenceState,
  type OccurrenceWrite,
} from '../../domain/inspection/record';

export interface ConfirmArgs {
  visitDate: string;
  systemCodes: string[];
  note?: string | null;
  /** Computed by the API in the desk's time zone: the workflow only sleeps until it. */
  visitReminderAt: number | null;
}
export type ChecklistItem = { key: string } & ItemAnswer;
export interface SubmitArgs {
  summary: string;
  advice: string;
}
export interface ReviewArgs {
  decision: 'approve' | 'send_back';
  note: string;
}
export interface SignArgs {
  decision: 'signed' | 'refused';
  signerName: string;
  /** PNG data URL, drawn again by the API; kept in the run and the archive, never in the row. */
  signature?: string | null;
  reason?: string | null;
  reportHash: string;
}

/** What the product compiles at submit: the hospital's tickets of the period, earlier storage readings. */
export interface Compiled {
  tickets: PeriodTicket[];
  storageHistory: StorageReading[];
}

export type TimerKind = 'visit_reminder' | 'overdue' | 'signature_reminder';
export interface TimerDue {
  at: number;
  kind: TimerKind;
}

const who = (a: InspectionActor) => ({ userId: a.userId, displayName: a.displayName });

/**
 * One inspection's state and steps, without Temporal: each step changes the state and returns
 * what to write (the row, its event, its notifications). The workflow wires it to Updates and timers.
 */
export class InspectionOccurrence {
  readonly state: OccurrenceState;
  private image: string | null = null;

  constructor(
    readonly start: OccurrenceStart,
    private readonly now: () => number,
    /** A restart: the state the failed run left in PostgreSQL (domain/inspection/resume.ts). */
    resumed?: OccurrenceState,
  ) {
    this.state = resumed ?? {
      start,
      status: 'planned',
      seq: 0,
      visitDate: start.visitDate,
      systemCodes: start.systemCodes,
      confirmNote: null,
      visitReminderAt: start.visitReminderAt,
      checklist: {},
      summary: null,
      advice: null,
      faultSummary: null,
      storage: null,
      report: null,
      reportHash: null,
      review: null,
      signature: null,
      returnNote: null,
      cancelNote: null,
      visitReminded: false,
      overdueAt: null,
      signatureSince: null,
      signatureReminders: 0,
      archive: null,
    };
  }

  get final(): boolean {
    return this.state.status === 'archived' || this.state.status === 'cancelled';
  }

  /** The signature as drawn, for the archive record and the PDF only. */
  get signatureImage(): string | null {
    return this.image;
  }

  /** Whether `actor` may take `step` now, and for a signature whether it is given for the report as it stands. */
  check(step: InspectionStep, actor: InspectionActor, args?: unknown): Said | null {
    const s = this.state;
    const refused = checkInspectionStep({ status: s.status, engineerId: s.start.engineerId, hospitalId: s.start.hospitalId }, actor, step);
    if (refused) return refused;
    if (step === 'sign' && (args as SignArgs).reportHash !== s.reportHash) return said('inspection.report_changed');
    return null;
  }

  /** The data's own faults, once the step is allowed: 422 naming the fields. */
  fields(step: InspectionStep, args: unknown): FieldMessages | null {
    if (step === 'checklist') return checklistErrors(this.start.template, (args as { items: ChecklistItem[] }).items);
    if (step === 'submit') {
      const missing = missingItems(this.start.template, this.state.checklist);
      return missing.length ? Object.fromEntries(missing.map((i) => [`checklist.${i.key}`, said('inspection.item_missing', { item: i.label })])) : null;
    }
    return null;
  }

  confirm(actor: InspectionActor, a: ConfirmArgs): OccurrenceWrite {
    Object.assign(this.state, { status: 'on_site', visitDate: a.visitDate, systemCodes: a.systemCodes, confirmNote: a.note ?? null, visitReminderAt: a.visitReminderAt, visitReminded: false });
    return this.write('confirmed', actor, { visitDate: a.visitDate, systemCodes: a.systemCodes, note: a.note ?? null });
  }

  saveChecklist(actor: InspectionActor, items: ChecklistItem[]): OccurrenceWrite {
    this.state.checklist = mergeChecklist(this.state.checklist, items);
    return this.write('checklist_saved', actor, { keys: items.map((i) => i.key) });
  }

  submit(actor: InspectionActor, a: SubmitArgs, compiled: Compiled): OccurrenceWrite {
    const s = this.state;
    const summary = faultSummary(compiled.tickets);
    s.faultSummary = {
      ...summary,
      tickets: compiled.tickets
        .filter((t) => t.status !== 'cancelled')
        .map((t) => ({ id: t.id, title: t.title, faultLevel: t.faultLevel, category: t.category, status: t.status })),
    };
    const total = s.checklist.storage_total?.value;
    const used = s.checklist.storage_used?.value;
    s.storage =
      typeof total === 'number' && typeof used === 'number'
        ? capacityAnalysis([...compiled.storageHistory.filter((r) => r.period !== s.start.period), { period: s.start.period, totalGb: total, usedGb: used }])
        : null;
    Object.assign(s, { summary: a.summary, advice: a.advice, status: 'review', returnNote: null });
    s.report = {
      inspectionId: s.start.inspectionId,
      workflowId: s.start.workflowId,
      hospital: { id: s.start.hospitalId, name: s.start.hospitalName },
      period: s.start.period,
      template: { code: s.start.template.code, version: s.start.template.version, title: s.start.template.title },
      visitDate: s.visitDate,
      systemCodes: s.systemCodes,
      engineer: who(actor),
      checklist: s.checklist,
      faultSummary: s.faultSummary,
      storage: s.storage,
      summary: a.summary,
      advice: a.advice,
      submittedAt: this.now(),
    };
    s.reportHash = null;
    return this.write('submitted', actor, { total: summary.total }, [{ recipientRole: 'manager', kind: 'inspection_review', params: this.about() }]);
  }

  /** Approve freezes the report: what the hospital signs is this hash. */
  review(actor: InspectionActor, a: ReviewArgs): OccurrenceWrite {
    const s = this.state;
    s.review = { decision: a.decision, note: a.note, by: who(actor), at: this.now() };
    if (a.decision === 'approve') {
      s.status = 'signature';
      s.reportHash = reportHashOf(s.report!);
      s.signatureSince = this.now();
      s.signatureReminders = 0;
      return this.write('approved', actor, { reportHash: s.reportHash }, [{ recipientRole: 'hospital_contact', kind: 'inspection_signature', params: this.about() }]);
    }
    s.status = 'on_site';
    s.returnNote = { kind: 'send_back', note: a.note, at: this.now() };
    return this.write('sent_back', actor, { note: a.note }, [{ recipientId: s.start.engineerId, kind: 'inspection_sent_back', params: { ...this.about(), note: a.note } }]);
  }

  /** Signed: the run archives next (archived()); refused: back on site with the reason. */
  sign(actor: InspectionActor, a: SignArgs): OccurrenceWrite {
    const s = this.state;
    s.signature = { decision: a.decision, signerName: a.signerName, at: this.now(), reason: a.reason ?? null, by: who(actor), reportHash: a.reportHash };
    s.signatureSince = null;
    if (a.decision === 'signed') {
      this.image = a.signature ?? null;
      return this.write('signed', actor, { signerName: a.signerName, reportHash: a.reportHash });
    }
    s.status = 'on_site';
    s.reportHash = null;
    s.returnNote = { kind: 'refused', note: a.reason ?? '', at: this.now() };
    return this.write('refused', actor, { signerName: a.signerName, reason: a.reason ?? null }, [
      { recipientId: s.start.engineerId, kind: 'inspection_refused', params: { ...this.about(), reason: a.reason ?? '' } },
    ]);
  }

  /** The archive record is written: the occurrence is done. Its event is the record's anchor. */
  archived(seq: number, hash: string, at: number): OccurrenceEvent {
    this.state.status = 'archived';
    this.state.archive = { seq, hash };
    this.state.seq += 1;
    return { seq: this.state.seq, type: 'archived', actor: null, at, data: { archiveSeq: seq, hash } };
  }

  cancel(actor: InspectionActor, note: string): OccurrenceWrite {
    Object.assign(this.state, { status: 'cancelled', cancelNote: note, signatureSince: null });
    return this.write('cancelled', actor, { note }, [{ recipientId: this.start.engineerId, kind: 'inspection_cancelled', params: { ...this.about(), note } }]);
  }

  /** A failed run's successor takes over: one event, by whom, and the row's failed mark cleared with it. */
  restarted(actor: InspectionActor): OccurrenceWrite {
    return { ...this.write('restarted', actor, { status: this.state.status }), clearsFailure: true };
  }

  /** The next moment a timer must fire, or null: a visit reminder, the overdue escalation, a signature reminder. */
  nextTimer(): TimerDue | null {
    const s = this.state;
    const due: TimerDue[] = [];
    const before = s.status === 'planned' || s.status === 'on_site';
    if (before && !s.visitReminded && s.visitReminderAt !== null) due.push({ at: s.visitReminderAt, kind: 'visit_reminder' });
    if (before && s.overdueAt === null) due.push({ at: s.start.overdueAt, kind: 'overdue' });
    if (s.status === 'signature' && s.signatureSince !== null && s.signatureReminders < MAX_SIGNATURE_REMINDERS) {
      due.push({ at: s.signatureSince + (s.signatureReminders + 1) * s.start.signatureReminderMs, kind: 'signature_reminder' });
    }
    return due.sort((x, y) => x.at - y.at)[0] ?? null;
  }

  fire(t: TimerDue): OccurrenceWrite {
    const s = this.state;
    if (t.kind === 'visit_reminder') {
      s.visitReminded = true;
      return this.write('visit_reminder', null, { visitDate: s.visitDate }, [{ recipientId: s.start.engineerId, kind: 'inspection_visit', params: { ...this.about(), visitDate: s.visitDate } }]);
    }
    if (t.kind === 'overdue') {
      s.overdueAt = this.now();
      const params = { ...this.about(), dueDate: s.start.reportDueDate };
      return this.write('overdue', null, { reportDueDate: s.start.reportDueDate }, [
        { recipientRole: 'manager', kind: 'inspection_overdue', params },
        { recipientId: s.start.engineerId, kind: 'inspection_overdue', params },
      ]);
    }
    s.signatureReminders += 1;
    return this.write('signature_reminder', null, { count: s.signatureReminders }, [
      { recipientRole: 'hospital_contact', kind: 'inspection_signature_reminder', params: { ...this.about(), count: s.signatureReminders } },
    ]);
  }

  /** The row as the run last wrote it. */
  row(): OccurrenceRow {
    const s = this.state;
    return {
      status: s.status,
      seq: s.seq,
      visitDate: s.visitDate,
      systemCodes: s.systemCodes,
      confirmNote: s.confirmNote,
      checklist: s.checklist,
      summary: s.summary,
      advice: s.advice,
      faultSummary: s.faultSummary,
      storage: s.storage,
      report: s.report,
      reportHash: s.reportHash,
      review: s.review,
      signature: s.signature,
      returnNote: s.returnNote,
      cancelNote: s.cancelNote,
      overdueAt: s.overdueAt,
    };
  }

  private about() {
    return { hospital: this.start.hospitalName, period: this.start.period };
  }

  private write(type: string, actor: InspectionActor | null, data: Record<string, unknown>, notices: OccurrenceNotice[] = []): OccurrenceWrite {
    this.state.seq += 1;
    const event: OccurrenceEvent = { seq: this.state.seq, type, actor: actor && { userId: actor.userId, role: actor.role, displayName: actor.displayName }, at: this.now(), data };
    return { inspectionId: this.start.inspectionId, workflowId: this.start.workflowId, row: this.row(), events: [event], notices };
  }
}
