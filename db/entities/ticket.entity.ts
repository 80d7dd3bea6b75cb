import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CATEGORIES, CHANNELS, MAINTENANCE_TYPES } from '../../domain/catalogue';
import { ROLES } from '../../domain/roles';
import { ALL_TASK_KINDS, STATUSES, STEPS, WORKFLOW_STATES } from '../../domain/ticket';
import { Department } from './department.entity';
import { Hospital } from './hospital.entity';
import { Inspection } from './inspection.entity';
import { NursingSystem } from './nursing-system.entity';
import { User } from './user.entity';

/**
 * The system problem ticket (系统问题单) as the console lists it. The workflow is the source of
 * truth, this row its projection (db/projector.ts): written from the events the workflow's Updates
 * answer with, by the API and by the workflow's own activity.
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'tickets',
  // The list's orders and filters (docs/benchmarks.md #4): newest first, and per hospital and status.
  indexes: [
    { properties: ['hospital', 'receivedAt'] },
    { properties: ['status', 'receivedAt'] },
    { properties: ['receivedAt', 'id'] },
    { properties: ['hospital', 'status', 'receivedAt'] },
  ],
  properties: (p) => ({
    /** The ticket number, SR-yyyymmdd-NNNNN. */
    id: p.string().length(32).primary(),
    workflowId: p.string().length(64).unique(),
    hospital: p.manyToOne(Hospital).ref(),
    department: p.manyToOne(Department).ref().nullable(),
    system: p.manyToOne(NursingSystem).ref(),
    channel: p.enum([...CHANNELS]),
    category: p.enum([...CATEGORIES]).nullable(),
    maintenanceType: p.enum([...MAINTENANCE_TYPES]).nullable(),
    faultLevel: p.smallint().nullable(),
    title: p.string().length(200),
    description: p.text(),
    reporterName: p.string().length(100),
    reporterPhone: p.string().length(32).nullable(),
    status: p.enum([...STATUSES]),
    step: p.enum([...STEPS]),
    assignee: p.manyToOne(User).ref().nullable(),
    receivedAt: p.datetime(),
    replyDueAt: p.datetime().nullable(),
    replySatisfiedAt: p.datetime().nullable(),
    replyBreached: p.boolean().default(false),
    solutionDueAt: p.datetime().nullable(),
    solutionSatisfiedAt: p.datetime().nullable(),
    solutionBreached: p.boolean().default(false),
    /** Set while the clocks are stopped (waiting on the hospital). */
    pausedSince: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    createdBy: p.manyToOne(User).ref(),
    /**
     * Set by reconciliation (or a step that found out) when the open ticket's workflow is missing
     * or ended without closing it; cleared by a manager's restart. Null: the workflow is trusted.
     */
    workflowState: p.enum([...WORKFLOW_STATES]).nullable(),
    workflowStateAt: p.datetime().nullable(),
    /** Workflow event sequence of the last projection applied: older writes never overwrite newer. */
    projectionSeq: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type ITicket = InferEntity<typeof Ticket>;

/**
 * Append-only log of everything that happened to a ticket, with who did it. `eventKey` is
 * `${ticketNo}:${seq}` from the workflow, so a retried activity writes the same row once.
 */
export const TicketEvent = defineEntity({
  name: 'TicketEvent',
  tableName: 'ticket_events',
  indexes: [{ properties: ['ticket', 'at'] }],
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    eventKey: p.string().length(200).unique(),
    ticket: p.manyToOne(Ticket).ref(),
    type: p.string().length(64),
    actorId: p.integer().nullable(),
    actorRole: p.string().length(32).nullable(),
    actorName: p.string().length(100).nullable(),
    data: p.json<Record<string, unknown>>(),
    at: p.datetime(),
  }),
});
export type ITicketEvent = InferEntity<typeof TicketEvent>;

/** One row per human step the workflow waits (or waited) for. */
export const TicketTask = defineEntity({
  name: 'TicketTask',
  tableName: 'tasks',
  indexes: [{ properties: ['status', 'candidateRole'] }, { properties: ['assignee', 'status'] }],
  properties: (p) => ({
    /** `${ticketNo}-T${n}`, assigned by the workflow. */
    id: p.string().length(48).primary(),
    ticket: p.manyToOne(Ticket).ref(),
    kind: p.enum([...ALL_TASK_KINDS]),
    candidateRole: p.enum([...ROLES]),
    assignee: p.manyToOne(User).ref().nullable(),
    status: p.enum(['open', 'done', 'cancelled']),
    dueAt: p.datetime().nullable(),
    outcome: p.string().length(64).nullable(),
    completedBy: p.manyToOne(User).ref().nullable(),
    completedAt: p.datetime().nullable(),
    /** The Update that completed it: only that very request, sent again, is answered as done. */
    completedUpdateId: p.string().length(200).nullable(),
    createdAt: p.datetime(),
  }),
});
export type ITicketTask = InferEntity<typeof TicketTask>;

/** An SLA breach: recorded at the deadline, acknowledged by a manager. */
export const Escalation = defineEntity({
  name: 'Escalation',
  tableName: 'escalations',
  properties: (p) => ({
    /** `${ticketNo}:${clock}:${seq}`: one row per breach even under activity retries. */
    id: p.string().length(80).primary(),
    ticket: p.manyToOne(Ticket).ref(),
    clock: p.enum(['reply', 'firstSolution']),
    faultLevel: p.smallint(),
    dueAt: p.datetime(),
    breachedAt: p.datetime(),
    task: p.manyToOne(TicketTask).ref().nullable(),
    acknowledgedBy: p.manyToOne(User).ref().nullable(),
    acknowledgedAt: p.datetime().nullable(),
    note: p.text().nullable(),
  }),
});
export type IEscalation = InferEntity<typeof Escalation>;

/** What someone must look at now: a dispatch, a reminder, an SLA warning. To a user or a whole role. */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notifications',
  checks: [{ name: 'notifications_about_one', expression: '(ticket_id is null) <> (inspection_id is null)' }],
  indexes: [{ properties: ['recipient', 'readAt'] }, { properties: ['recipientRole', 'createdAt'] }],
  properties: (p) => ({
    id: p.string().length(80).primary(),
    /** What it is about: a ticket, or an inspection (one of the two). */
    ticket: p.manyToOne(Ticket).ref().nullable(),
    inspection: p.manyToOne(Inspection).ref().nullable(),
    recipient: p.manyToOne(User).ref().nullable(),
    recipientRole: p.enum([...ROLES]).nullable(),
    /** The sentence is `notify.<kind>` of domain/messages.ts with these params, in the reader's language. */
    kind: p.string().length(48),
    params: p.json<Record<string, string | number>>(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  }),
});
export type INotification = InferEntity<typeof Notification>;
