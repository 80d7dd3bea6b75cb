import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const Hospital = defineEntity({
  name: 'Hospital',
  tableName: 'hospitals',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    /** Short code printed on tickets and used in logs, e.g. CDPHC. */
    code: p.string().length(32).unique(),
    name: p.string().length(200),
    address: p.string().length(300).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IHospital = InferEntity<typeof Hospital>;
