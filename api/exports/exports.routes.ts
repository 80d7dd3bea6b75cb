import { Ticket } from '../../db/entities';
import { isVendorRole } from '../../domain/roles';
import { localDateTime } from '../../platform/local-time';
import type { AppDeps } from '../env';
import { parseListQuery } from '../list-query';
import { newRouter, route } from '../route';
import { TASK_SORTABLE, taskDtoOf, visibleTasksQuery } from '../tasks/task.sql';
import type { TaskDto } from '../tasks/task.dto';
import { listFilter, SORTABLE, ticketOrder, ticketsVisibleTo } from '../tickets/tickets.routes';
import { cursorPages } from './cursor';
import { exportLocale, exportQuery, exportResponse, WORDS, type ExportColumn, type Words } from './export';

const ok = { 200: 'The file: text/csv (UTF-8 with BOM, CRLF) or an XLSX workbook, streamed' };
const tickets = route({
  method: 'get',
  path: '/export',
  operationId: 'exportTickets',
  tag: 'tickets',
  summary: 'Every ticket of the list’s filter and sort, as CSV or XLSX',
  description: 'Takes the ticket list’s filter and sort (listTickets) and answers all rows you may see, however many, streamed. Headers and values in the console’s words (`locale` or Accept-Language); times as `YYYY-MM-DD HH:mm` in the hospitals’ time zone.',
  request: { query: exportQuery },
  ok,
});
const tasks = route({
  method: 'get',
  path: '/export',
  operationId: 'exportTasks',
  tag: 'tasks',
  summary: 'Every task of the list’s filter and sort, as CSV or XLSX',
  description: 'As exportTickets, with the task list’s filters and sort (listTasks).',
  request: { query: exportQuery },
  ok,
});

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

/** The label of a stored value in the console's words, or the value itself. */
const label = (group: Record<string, string>, v: string | number | null) => (v === null ? null : (group[String(v)] ?? String(v)));

function ticketColumns(w: Words, at: (d: Date | null) => string, vendor: boolean): ExportColumn<TicketRow>[] {
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

function taskColumns(w: Words, at: (d: string | null) => string): ExportColumn<TaskDto>[] {
  const f = w.resources.tasks.fields;
  return [
    { header: f.id, value: (t) => t.id, width: 24 },
    { header: f.ticketId, value: (t) => t.ticketId, width: 20 },
    { header: f.ticketTitle, value: (t) => t.ticketTitle, width: 30 },
    { header: f.kind, value: (t) => label(w.choices.taskKind, t.kind) },
    { header: f.status, value: (t) => label(w.choices.taskStatus, t.status) },
    { header: f.candidateRole, value: (t) => label(w.choices.role, t.candidateRole) },
    { header: f.assigneeName, value: (t) => t.assigneeName },
    { header: f.faultLevel, value: (t) => label(w.choices.faultLevel, t.faultLevel) },
    { header: f.createdAt, value: (t) => at(t.createdAt), width: 17 },
    { header: f.dueAt, value: (t) => at(t.dueAt), width: 17 },
    { header: f.completedAt, value: (t) => at(t.completedAt), width: 17 },
  ];
}

/** `/api/tickets/export`: mounted before the ticket routes, so `export` is never taken for a ticket number. */
export function ticketExportRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(tickets, async (c) => {
    const { format, locale } = c.req.valid('query');
    const user = c.get('user');
    const em = c.get('em');
    // The list's own reading of filter and sort, and its visibility rule: the file is the list, all of it.
    const q = parseListQuery(c.req.query(), { sortable: SORTABLE, defaultSort: { field: 'urgency', order: 'ASC' } });
    const where = { $and: [await ticketsVisibleTo(em, user), listFilter(q.filter, deps.timeZone)] };
    const query = em
      .createQueryBuilder(Ticket, 't')
      .select(['t.*', 'h.name as hospital_name', 'd.name as department_name', 'a.display_name as assignee_name'])
      .leftJoin('t.hospital', 'h')
      .leftJoin('t.department', 'd')
      .leftJoin('t.assignee', 'a')
      .where(where)
      .orderBy(ticketOrder(q.sort))
      .getKnexQuery()
      .toSQL();
    const words = WORDS[exportLocale(c, locale)];
    return exportResponse(c, {
      name: 'tickets',
      sheet: words.resources.tickets.name.split('|')[0].trim(),
      format,
      columns: ticketColumns(words, (d) => localDateTime(d, deps.timeZone), isVendorRole(user.role)),
      pages: cursorPages<TicketRow>(em, { sql: query.sql, params: query.bindings }),
    });
  });
  return r;
}

/** `/api/tasks/export`, mounted before the task routes. */
export function taskExportRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(tasks, async (c) => {
    const { format, locale } = c.req.valid('query');
    const q = parseListQuery(c.req.query(), { sortable: TASK_SORTABLE, defaultSort: { field: 'urgency', order: 'ASC' } });
    const query = visibleTasksQuery(c.get('user'), q, deps.timeZone);
    const words = WORDS[exportLocale(c, locale)];
    const pages = cursorPages<unknown>(c.get('em'), query);
    return exportResponse(c, {
      name: 'tasks',
      sheet: words.resources.tasks.name.split('|')[0].trim(),
      format,
      columns: taskColumns(words, (d) => localDateTime(d, deps.timeZone)),
      pages: (async function* () {
        for await (const page of pages) yield page.map(taskDtoOf);
      })(),
    });
  });
  return r;
}
