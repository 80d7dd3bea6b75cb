import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { TEMPLATE_CODES, type TemplateSection } from '../../domain/inspection/templates';
import type { Recurrence } from '../../domain/inspection/plan.schemas';
import { INSPECTION_STATUSES, STARTED_BY } from '../../domain/inspection/occurrence';
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
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IInspection = InferEntity<typeof Inspection>;
