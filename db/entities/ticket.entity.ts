import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CHANNELS } from '../../domain/catalogue';
import { STATUSES, STEPS } from '../../domain/ticket';
import { Department } from './department.entity';
import { Hospital } from './hospital.entity';
import { NursingSystem } from './nursing-system.entity';
import { User } from './user.entity';

/**
 * The system problem ticket (系统问题单) as the console lists it. Written only by workflow
 * activities: the workflow is the source of truth, this row is its projection.
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'tickets',
  indexes: [{ properties: ['hospital', 'receivedAt'] }, { properties: ['status', 'receivedAt'] }],
  properties: (p) => ({
    /** The ticket number, SR-yyyymmdd-NNNNN. */
    id: p.string().length(32).primary(),
    workflowId: p.string().length(64).unique(),
    hospital: p.manyToOne(Hospital).ref(),
    department: p.manyToOne(Department).ref().nullable(),
    system: p.manyToOne(NursingSystem).ref(),
    channel: p.enum([...CHANNELS]),
    faultLevel: p.smallint().nullable(),
    title: p.string().length(200),
    description: p.text(),
    reporterName: p.string().length(100),
    reporterPhone: p.string().length(32).nullable(),
    status: p.enum([...STATUSES]),
    step: p.enum([...STEPS]),
    receivedAt: p.datetime(),
    replyDueAt: p.datetime().nullable(),
    createdBy: p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type ITicket = InferEntity<typeof Ticket>;

/**
 * Append-only log of everything that happened to a ticket, with who did it. `eventKey` is
 * derived from the workflow step so a retried activity writes the same row once.
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
