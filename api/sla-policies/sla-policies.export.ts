import { SlaPolicy } from '../../db/entities';
import { type ListExport, sqlOf } from '../exports/list-export';
import { duration, label, percents } from '../exports/values';
import { listOrder } from '../list-query';
import { SLA_DEFAULT_SORT, SLA_SORTABLE, slaPolicyListWhere } from './sla-policies.routes';

interface PolicyRow {
  id: number;
  name: string;
  hospital_name: string | null;
  level: number;
  reply_seconds: number;
  first_solution_seconds: number | null;
  warn_at: number[];
  unclaimed_reminder_seconds: number;
  signature_reminder_seconds: number;
  updated_at: Date;
}

/** `/api/sla-policies/export`: the response commitments (listSlaPolicies), terms in hours and minutes as the console shows them. */
export const slaPoliciesExport: ListExport<PolicyRow> = {
  resource: 'sla-policies',
  list: 'listSlaPolicies',
  operationId: 'exportSlaPolicies',
  tag: 'sla',
  rows: 'SLA policy rows',
  access: ['admin', 'manager', 'dispatcher'],
  name: (w) => w.resources['sla-policies'].name,
  sortable: SLA_SORTABLE,
  defaultSort: SLA_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(SlaPolicy, 's')
      .select(['s.*', 'h.name as hospital_name'])
      .leftJoin('s.hospital', 'h')
      .where(slaPolicyListWhere(q.filter))
      .orderBy(listOrder(q.sort));
    return sqlOf(qb);
  },
  columns: ({ words: w, at }) => {
    const r = w.resources['sla-policies'];
    const f = r.fields;
    return [
      { header: f.name, value: (p) => p.name, width: 20 },
      { header: f.hospitalId, value: (p) => p.hospital_name ?? r.hints.defaultPolicy, width: 30 },
      { header: f.level, value: (p) => label(w.choices.faultLevel, p.level) },
      { header: f.replySeconds, value: (p) => duration(p.reply_seconds, w) },
      { header: f.firstSolutionSeconds, value: (p) => duration(p.first_solution_seconds, w) },
      { header: f.warnAt, value: (p) => percents(p.warn_at) },
      { header: f.unclaimedReminderSeconds, value: (p) => duration(p.unclaimed_reminder_seconds, w), width: 16 },
      { header: f.signatureReminderSeconds, value: (p) => duration(p.signature_reminder_seconds, w), width: 16 },
      { header: f.updatedAt, value: (p) => at(p.updated_at), width: 17 },
    ];
  },
};
