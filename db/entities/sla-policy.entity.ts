import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Hospital } from './hospital.entity';

/**
 * One row per fault level of a policy. The row with no hospital is the vendor's default;
 * a hospital whose contract differs gets its own rows.
 */
export const SlaPolicy = defineEntity({
  name: 'SlaPolicy',
  tableName: 'sla_policies',
  // One policy row per level, whether the vendor default (no hospital) or a hospital's contract.
  indexes: [
    {
      name: 'sla_policies_hospital_level_unique',
      expression: 'create unique index "sla_policies_hospital_level_unique" on "sla_policies" (coalesce("hospital_id", 0), "level")',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    hospital: p.manyToOne(Hospital).ref().nullable(),
    level: p.smallint(),
    replySeconds: p.integer(),
    firstSolutionSeconds: p.integer().nullable(),
    warnAt: p.json<number[]>(),
    unclaimedReminderSeconds: p.integer(),
    signatureReminderSeconds: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type ISlaPolicy = InferEntity<typeof SlaPolicy>;
