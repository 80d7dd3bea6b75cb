import { raw } from '@mikro-orm/core';
import { Department, Hospital } from '../../db/entities';
import { type ListExport, sqlOf } from '../exports/list-export';
import { label } from '../exports/values';
import { listOrder } from '../list-query';
import {
  DEPARTMENT_DEFAULT_SORT,
  DEPARTMENT_SORT_COLUMNS,
  DEPARTMENT_SORTABLE,
  departmentListWhere,
  HOSPITAL_DEFAULT_SORT,
  HOSPITAL_SORTABLE,
  hospitalListWhere,
} from './hospitals.routes';

interface HospitalRow {
  id: number;
  code: string;
  name: string;
  address: string | null;
  system_codes: string[];
}

/** `/api/hospitals/export`: the hospitals (listHospitals); a hospital contact's holds their own. */
export const hospitalsExport: ListExport<HospitalRow> = {
  resource: 'hospitals',
  list: 'listHospitals',
  operationId: 'exportHospitals',
  tag: 'hospitals',
  rows: 'hospitals',
  name: (w) => w.resources.hospitals.name,
  sortable: HOSPITAL_SORTABLE,
  defaultSort: HOSPITAL_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(Hospital, 'h')
      .select(['h.id', 'h.code', 'h.name', 'h.address', raw('array(select hs.system_code from hospital_systems hs where hs.hospital_id = h.id order by hs.system_code) as system_codes')])
      .where(hospitalListWhere(c.get('user'), q.filter))
      .orderBy(listOrder(q.sort));
    return sqlOf(qb);
  },
  columns: ({ words: w }) => {
    const f = w.resources.hospitals.fields;
    return [
      { header: f.id, value: (h) => h.id, width: 8 },
      { header: f.name, value: (h) => h.name, width: 40 },
      { header: f.code, value: (h) => h.code, width: 14 },
      { header: f.address, value: (h) => h.address, width: 30 },
      // The systems by name, as the list's chips show them.
      { header: f.systemCodes, value: (h) => h.system_codes.map((s) => label(w.choices.system, s)).join('、'), width: 40 },
    ];
  },
};

interface DepartmentRow {
  id: number;
  name: string;
  address: string | null;
  hospital_name: string;
}

/** `/api/departments/export`: the departments (listDepartments); a hospital contact's holds their hospital's. */
export const departmentsExport: ListExport<DepartmentRow> = {
  resource: 'departments',
  list: 'listDepartments',
  operationId: 'exportDepartments',
  tag: 'hospitals',
  rows: 'departments',
  name: (w) => w.resources.departments.name,
  sortable: DEPARTMENT_SORTABLE,
  defaultSort: DEPARTMENT_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(Department, 'd')
      .select(['d.id', 'd.name', 'd.address', 'h.name as hospital_name'])
      .join('d.hospital', 'h')
      .where(departmentListWhere(c.get('user'), q.filter))
      .orderBy(listOrder(q.sort, DEPARTMENT_SORT_COLUMNS));
    return sqlOf(qb);
  },
  columns: ({ words: w }) => {
    const f = w.resources.departments.fields;
    return [
      { header: f.id, value: (d) => d.id, width: 8 },
      { header: f.name, value: (d) => d.name, width: 24 },
      { header: f.hospitalId, value: (d) => d.hospital_name, width: 40 },
      { header: f.address, value: (d) => d.address, width: 30 },
    ];
  },
};
