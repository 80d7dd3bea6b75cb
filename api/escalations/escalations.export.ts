import { Escalation } from '../../db/entities';
import { type ListExport, sqlOf } from '../exports/list-export';
import { label } from '../exports/values';
import { listOrder } from '../list-query';
import { ESCALATION_DEFAULT_SORT, ESCALATION_SORTABLE, escalationListWhere } from './escalations.routes';

interface EscalationRow {
  ticket_id: string;
  hospital_name: string;
  clock: string;
  fault_level: number;
  due_at: Date;
  breached_at: Date;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  note: string | null;
}

/** `/api/escalations/export`: the SLA breaches (listEscalations), who acknowledged each by name. */
export const escalationsExport: ListExport<EscalationRow> = {
  resource: 'escalations',
  list: 'listEscalations',
  operationId: 'exportEscalations',
  tag: 'sla',
  rows: 'escalations',
  access: ['admin', 'manager', 'dispatcher'],
  name: (w) => w.resources.escalations.name,
  sortable: ESCALATION_SORTABLE,
  defaultSort: ESCALATION_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(Escalation, 'e')
      .select(['e.id', 'k.id as ticket_id', 'e.clock', 'e.faultLevel', 'e.dueAt', 'e.breachedAt', 'e.acknowledgedAt', 'e.note', 'h.name as hospital_name', 'u.display_name as acknowledged_by_name'])
      .join('e.ticket', 'k')
      .join('k.hospital', 'h')
      .leftJoin('e.acknowledgedBy', 'u')
      .where({ $and: [escalationListWhere(q.filter)] })
      .orderBy(listOrder(q.sort));
    return sqlOf(qb);
  },
  columns: ({ words: w, at }) => {
    const f = w.resources.escalations.fields;
    return [
      { header: f.ticketId, value: (e) => e.ticket_id, width: 20 },
      { header: w.resources.tickets.fields.hospitalName, value: (e) => e.hospital_name, width: 30 },
      { header: f.clock, value: (e) => label(w.choices.clock, e.clock) },
      { header: f.faultLevel, value: (e) => label(w.choices.faultLevel, e.fault_level) },
      { header: f.dueAt, value: (e) => at(e.due_at), width: 17 },
      { header: f.breachedAt, value: (e) => at(e.breached_at), width: 17 },
      { header: f.acknowledgedById, value: (e) => e.acknowledged_by_name },
      { header: f.acknowledgedAt, value: (e) => at(e.acknowledged_at), width: 17 },
      { header: f.note, value: (e) => e.note, width: 30 },
    ];
  },
};
