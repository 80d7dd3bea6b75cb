import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Hospital } from './hospital.entity';

/** The vendor's product catalogue: the three clinical nursing systems under maintenance. */
export const NursingSystem = defineEntity({
  name: 'NursingSystem',
  tableName: 'nursing_systems',
  properties: (p) => ({
    code: p.string().length(32).primary(),
    nameZh: p.string().length(100),
    nameEn: p.string().length(100),
  }),
});
export type INursingSystem = InferEntity<typeof NursingSystem>;

/** Which systems a hospital runs, and which version: a ticket may only name one of these. */
export const HospitalSystem = defineEntity({
  name: 'HospitalSystem',
  tableName: 'hospital_systems',
  uniques: [{ properties: ['hospital', 'system'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    hospital: p.manyToOne(Hospital).ref(),
    system: p.manyToOne(NursingSystem).ref(),
    version: p.string().length(50).nullable(),
    installedAt: p.date().nullable(),
  }),
});
export type IHospitalSystem = InferEntity<typeof HospitalSystem>;
