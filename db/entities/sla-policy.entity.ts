import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Hospital } from './hospital.entity';

/**
 * One row per fault level of a policy. The row with no hospital is the vendor's default;
 * a hospital whose contract differs gets its own rows.
 */
export const SlaPolicy = defineEntity({
  name: 'SlaPolicy',
  tableName: 'sla_policies',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    hospital: p.manyToOne(Hospital).ref().nullable(),
    level: p.smallint(),
    replySeconds: p.integer(),
    firstSolutionSeconds: p.integer().nullable(),
    warnAt: p.json<number[]>(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type ISlaPolicy = InferEntity<typeof SlaPolicy>;
