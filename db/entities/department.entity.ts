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
  }),
});
export type IDepartment = InferEntity<typeof Department>;
