import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { hashPassword } from '../../api/auth/password';
import type { Role } from '../../domain/roles';
import { Department, Hospital, HospitalSystem, NursingSystem, User, type IHospital } from '../entities';
import { ReferenceSeeder } from './reference.seeder';

/** Every demo account signs in with this password unless DESK_DEMO_PASSWORD says otherwise. */
export const DEMO_PASSWORD = process.env.DESK_DEMO_PASSWORD ?? 'Desk#2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  hospitalCode?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'manager', displayName: '王经理', role: 'manager' },
  { username: 'dispatcher', displayName: '李调度', role: 'dispatcher' },
  { username: 'dispatcher2', displayName: '赵调度', role: 'dispatcher' },
  { username: 'engineer', displayName: '张工', role: 'engineer' },
  { username: 'engineer2', displayName: '刘工', role: 'engineer' },
  { username: 'cdphc', displayName: '陈老师（信息科）', role: 'hospital_contact', hospitalCode: 'CDPHC' },
  { username: 'demo2', displayName: '周老师（信息科）', role: 'hospital_contact', hospitalCode: 'DEMO2' },
];

/** Departments with where they are in the hospital: the engineer's check-in shows the way. */
const HOSPITALS = [
  {
    code: 'CDPHC',
    name: '成都市公共卫生临床医疗中心',
    address: '四川省成都市锦江区静明路 377 号',
    departments: [
      ['护理部', '行政楼 3 层'],
      ['信息科', '行政楼 2 层 205 室'],
      ['感染一科', '住院楼 A 区 5 层护士站'],
      ['重症医学科', '住院楼 B 区 3 层'],
      ['急诊科', '门急诊楼 1 层'],
    ],
    systems: ['mnis', 'nms', 'whiteboard'],
  },
  {
    code: 'DEMO2',
    name: '示范人民医院',
    address: '示范市人民路 1 号',
    departments: [
      ['护理部', '综合楼 4 层'],
      ['信息科', '综合楼 2 层'],
      ['心内科', '住院楼 7 层'],
    ],
    systems: ['mnis', 'nms'],
  },
];

/**
 * Demo hospitals and one user per role (all with DEMO_PASSWORD), over the reference data (the three
 * nursing systems, the seed's default SLA policy). Only for a try-out (`DESK_DEMO=1 npm start`)
 * and the tests; runs only on a database without users, so a second start keeps what users changed.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    if ((await em.count(User, {})) > 0) return;
    await this.call(em, [ReferenceSeeder]);
    const hospitals = new Map<string, IHospital>();
    for (const h of HOSPITALS) {
      const hospital = em.create(Hospital, { code: h.code, name: h.name, address: h.address });
      hospitals.set(h.code, hospital);
      for (const [name, address] of h.departments) em.create(Department, { hospital, name, address });
      for (const code of h.systems) em.create(HospitalSystem, { hospital, system: em.getReference(NursingSystem, code) });
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      em.create(User, {
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        passwordHash,
        hospital: a.hospitalCode ? hospitals.get(a.hospitalCode) : null,
      });
    }
    await em.flush();
  }
}
