import { Ticket } from '../../db/entities';
import type { ExportColumn } from '../exports/export';
import { type ListExport, type Reader, sqlOf } from '../exports/list-export';
import { label } from '../exports/values';
import { listFilter, SORTABLE, ticketOrder, ticketsVisibleTo } from './tickets.routes';

/** A ticket row as the cursor reads it: the table's columns and the names beside them. */
interface TicketRow {
  id: string;
  received_at: Date;
  hospital_name: string;
  department_name: string | null;
  system_code: string;
  channel: string;
  category: string | null;
  maintenance_type: string | null;
  fault_level: number | null;
  title: string;
  description: string;
  status: string;
  step: string;
  assignee_name: string | null;
  reporter_name: string;
  reporter_phone: string | null;
  reply_due_at: Date | null;
  solution_due_at: Date | null;
  closed_at: Date | null;
}

function columns({ words: w, at, vendor }: Reader): ExportColumn<TicketRow>[] {
  const f = w.resources.tickets.fields;
  return [
    { header: f.id, value: (r) => r.id, width: 20 },
    { header: f.receivedAt, value: (r) => at(r.received_at), width: 17 },
    { header: f.hospitalName, value: (r) => r.hospital_name, width: 24 },
    { header: f.departmentName, value: (r) => r.department_name },
    { header: f.systemCode, value: (r) => label(w.choices.system, r.system_code), width: 18 },
    { header: f.channel, value: (r) => label(w.choices.channel, r.channel) },
    { header: f.category, value: (r) => label(w.choices.category, r.category) },
    { header: f.maintenanceType, value: (r) => label(w.choices.maintenanceType, r.maintenance_type) },
    { header: f.faultLevel, value: (r) => label(w.choices.faultLevel, r.fault_level) },
    { header: f.title, value: (r) => r.title, width: 30 },
    { header: f.description, value: (r) => r.description, width: 40 },
    { header: f.status, value: (r) => label(w.choices.status, r.status) },
    { header: f.step, value: (r) => label(w.choices.step, r.step) },
    // Who works on it is the vendor's business (what the hospital may see).
    ...(vendor ? [{ header: f.assigneeName, value: (r: TicketRow) => r.assignee_name }] : []),
    { header: f.reporterName, value: (r) => r.reporter_name },
    { header: f.reporterPhone, value: (r) => r.reporter_phone, width: 16 },
    { header: f.replyDueAt, value: (r) => at(r.reply_due_at), width: 17 },
    { header: f.solutionDueAt, value: (r) => at(r.solution_due_at), width: 17 },
    { header: f.closedAt, value: (r) => at(r.closed_at), width: 17 },
  ];
}

/** `/api/tickets/export`: the ticket list (listTickets), all of it. */
export const ticketsExport: ListExport<TicketRow> = {
  resource: 'tickets',
  list: 'listTickets',
  operationId: 'exportTickets',
  tag: 'tickets',
  rows: 'tickets',
  name: (w) => w.resources.tickets.name,
  sortable: SORTABLE,
  defaultSort: { field: 'urgency', order: 'ASC' },
  query: async (c, q, deps) => {
    const em = c.get('em');
    const where = { $and: [await ticketsVisibleTo(em, c.get('user')), listFilter(q.filter, deps.timeZone)] };
    const qb = em
      .createQueryBuilder(Ticket, 't')
      .select(['t.*', 'h.name as hospital_name', 'd.name as department_name', 'a.display_name as assignee_name'])
      .leftJoin('t.hospital', 'h')
      .leftJoin('t.department', 'd')
      .leftJoin('t.assignee', 'a')
      .where(where)
      .orderBy(ticketOrder(q.sort));
    return sqlOf(qb);
  },
  columns,
};
