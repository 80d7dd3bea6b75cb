import { Inspection } from '../../db/entities';
import type { ExportColumn } from '../exports/export';
import { type ListExport, sqlOf } from '../exports/list-export';
import { label } from '../exports/values';
import { listOrder } from '../list-query';
import { INSPECTION_DEFAULT_SORT, INSPECTION_SORTABLE, inspectionListWhere } from './inspections.routes';

interface InspectionRow {
  id: number;
  period: string;
  hospital_name: string;
  template_code: string;
  status: string;
  planned_date: string;
  visit_date: string;
  report_due_date: string;
  engineer_name: string;
  created_at: Date;
}

/**
 * `/api/inspections/export`: the planned services' occurrences (listInspections); a hospital
 * contact's holds their hospital's, without the engineer (who works on it is the vendor's).
 */
export const inspectionsExport: ListExport<InspectionRow> = {
  resource: 'inspections',
  list: 'listInspections',
  operationId: 'exportInspections',
  tag: 'inspections',
  rows: 'inspections',
  name: (w) => w.resources.inspections.name,
  sortable: INSPECTION_SORTABLE,
  defaultSort: INSPECTION_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(Inspection, 'i')
      .select(['i.id', 'i.period', 'i.templateCode', 'i.status', 'i.plannedDate', 'i.visitDate', 'i.reportDueDate', 'i.createdAt', 'h.name as hospital_name', 'u.display_name as engineer_name'])
      .join('i.hospital', 'h')
      .join('i.engineer', 'u')
      .where(inspectionListWhere(c.get('user'), q.filter))
      .orderBy(listOrder(q.sort));
    return sqlOf(qb);
  },
  columns: ({ words: w, at, vendor }) => {
    const f = w.resources.inspections.fields;
    return [
      { header: f.id, value: (i) => i.id, width: 8 },
      { header: f.period, value: (i) => i.period, width: 10 },
      { header: f.hospitalId, value: (i) => i.hospital_name, width: 30 },
      { header: f.templateCode, value: (i) => label(w.choices.template, i.template_code), width: 14 },
      { header: f.status, value: (i) => label(w.choices.inspectionStatus, i.status) },
      { header: f.plannedDate, value: (i) => i.planned_date, width: 12 },
      { header: f.visitDate, value: (i) => i.visit_date, width: 12 },
      { header: f.reportDueDate, value: (i) => i.report_due_date, width: 12 },
      ...(vendor ? [{ header: f.engineerId, value: (i: InspectionRow) => i.engineer_name } satisfies ExportColumn<InspectionRow>] : []),
      { header: f.createdAt, value: (i) => at(i.created_at), width: 17 },
    ];
  },
};
