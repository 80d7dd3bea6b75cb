import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { TEMPLATE_CODES, type TemplateSection } from '../../domain/inspection/templates';
import type { Recurrence } from '../../domain/inspection/plan.schemas';
import { INSPECTION_STATUSES, STARTED_BY } from '../../domain/inspection/occurrence';
import type { CompiledFaultSummary, InspectionReport, ReturnNote, Review, SignatureRecord } from '../../domain/inspection/record';
import type { Checklist } from '../../domain/inspection/steps';
import type { CapacityAnalysis } from '../../domain/inspection/storage-capacity';
import { WORKFLOW_STATES } from '../../domain/ticket';
import { Hospital } from './hospital.entity';
import { User } from './user.entity';

/** A report template, one row per version: an occurrence keeps the version it started with. */
export const InspectionTemplate = defineEntity({
  name: 'InspectionTemplate',
  tableName: 'inspection_templates',
  uniques: [{ properties: ['code', 'version'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    code: p.enum([...TEMPLATE_CODES]),
    version: p.integer(),
    title: p.string().length(200),
    sections: p.json<TemplateSection[]>(),
    createdBy: p.manyToOne(User).ref().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IInspectionTemplate = InferEntity<typeof InspectionTemplate>;

/** A hospital's planned service (巡检, 性能分析, 安全检查): one Temporal Schedule each. */
export const InspectionPlan = defineEntity({
  name: 'InspectionPlan',
  tableName: 'inspection_plans',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    hospital: p.manyToOne(Hospital).ref(),
    templateCode: p.enum([...TEMPLATE_CODES]),
    systemCodes: p.json<string[]>(),
    recurrence: p.json<Recurrence>(),
    engineer: p.manyToOne(User).ref(),
    reportDays: p.smallint(),
    /** YYYY-MM-DD in the desk's time zone. */
    startDate: p.string().length(10),
    catchupDays: p.smallint(),
    note: p.text().nullable(),
    /** Paused (a hospital's change freeze): no occurrence starts until resumed. */
    paused: p.boolean().default(false),
    pauseNote: p.text().nullable(),
    createdBy: p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IInspectionPlan = InferEntity<typeof InspectionPlan>;

/**
 * One occurrence of a plan: one row per plan and period (the unique key no schedule catch-up,
 * backfill or "run now" gets past), its workflow `inspection-<plan>-<YYYY-MM>`.
 */
export const Inspection = defineEntity({
  name: 'Inspection',
  tableName: 'inspections',
  uniques: [{ properties: ['plan', 'period'] }],
  indexes: [{ properties: ['hospital', 'period'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    plan: p.manyToOne(InspectionPlan).ref(),
    /** YYYY-MM */
    period: p.string().length(7),
    hospital: p.manyToOne(Hospital).ref(),
    workflowId: p.string().length(64).unique(),
    templateCode: p.enum([...TEMPLATE_CODES]),
    templateVersion: p.integer(),
    engineer: p.manyToOne(User).ref(),
    status: p.enum([...INSPECTION_STATUSES]),
    /** The planned day, and the visit day after holidays (YYYY-MM-DD). */
    plannedDate: p.string().length(10),
    visitDate: p.string().length(10),
    reportDueDate: p.string().length(10),
    /** What started it: the schedule on time, made up later (catch-up, backfill), or a person ("run now"). */
    startedBy: p.enum([...STARTED_BY]),
    // Written by the occurrence's workflow only (activities/inspection-record.activities.ts), event by event.
    /** The last event of the run the row shows: an older one never overwrites it. */
    projectionSeq: p.integer().default(0),
    /** The systems the confirmed plan covers; null until confirmed (the plan's then apply). */
    systemCodes: p.json<string[]>().nullable(),
    confirmNote: p.text().nullable(),
    checklist: p.json<Checklist>().default('{}'),
    summary: p.text().nullable(),
    advice: p.text().nullable(),
    faultSummary: p.json<CompiledFaultSummary>().nullable(),
    storage: p.json<CapacityAnalysis>().nullable(),
    /** The report as submitted; frozen (its hash set) once a manager approves it. */
    report: p.json<InspectionReport>().nullable(),
    reportHash: p.string().length(64).nullable(),
    review: p.json<Review>().nullable(),
    /** The hospital's decision, without the image (that is in the archive record and the PDF only). */
    signature: p.json<SignatureRecord>().nullable(),
    returnNote: p.json<ReturnNote>().nullable(),
    cancelNote: p.text().nullable(),
    /** When the overdue escalation fired. */
    overdueAt: p.datetime().nullable(),
    archiveSeq: p.integer().nullable(),
    /** Set once when its run ended failed (PostgreSQL refused a write): the managers were told (db/inspection-state.ts). */
    workflowState: p.enum([...WORKFLOW_STATES]).nullable(),
    workflowStateAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IInspection = InferEntity<typeof Inspection>;

/**
 * Append-only log of an inspection's steps and timers, `${workflowId}:${seq}`; its `archived`
 * event anchors the archive record as a ticket's does (db/archive-chain.ts).
 */
export const InspectionEvent = defineEntity({
  name: 'InspectionEvent',
  tableName: 'inspection_events',
  indexes: [{ properties: ['inspection', 'seq'] }],
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    eventKey: p.string().length(120).unique(),
    inspection: p.manyToOne(Inspection).ref(),
    seq: p.integer(),
    type: p.string().length(48),
    actorId: p.integer().nullable(),
    actorRole: p.string().length(32).nullable(),
    actorName: p.string().length(100).nullable(),
    data: p.json<Record<string, unknown>>(),
    at: p.datetime(),
  }),
});
export type IInspectionEvent = InferEntity<typeof InspectionEvent>;

/** A ticket raised from an item marked fault: one per inspection and item, however often asked. */
export const InspectionTicket = defineEntity({
  name: 'InspectionTicket',
  tableName: 'inspection_tickets',
  uniques: [{ properties: ['inspection', 'itemKey'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    inspection: p.manyToOne(Inspection).ref(),
    itemKey: p.string().length(64),
    /** The ticket number, reserved before its workflow starts (so a retry starts the same one). */
    ticketId: p.string().length(32),
    intake: p.json<Record<string, unknown>>(),
    createdBy: p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IInspectionTicket = InferEntity<typeof InspectionTicket>;
