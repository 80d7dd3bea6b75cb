import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Hospital } from './hospital.entity';

export const Department = defineEntity({
  name: 'Department',
  tableName: 'departments',
  uniques: [{ properties: ['hospital', 'name'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    hospital: p.manyToOne(Hospital).ref(),
    name: p.string().length(100),
    /** Where in the hospital it is (building, floor): what an engineer on site needs to find it. */
    address: p.string().length(300).nullable(),
  }),
});
export type IDepartment = InferEntity<typeof Department>;
