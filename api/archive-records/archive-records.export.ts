import { raw } from '@mikro-orm/core';
import { ArchiveRecord } from '../../db/entities';
import type { ExportColumn } from '../exports/export';
import { type ListExport, sqlOf } from '../exports/list-export';
import { label } from '../exports/values';
import { listOrder } from '../list-query';
import { ARCHIVE_DEFAULT_SORT, ARCHIVE_SORT_COLUMNS, ARCHIVE_SORTABLE, archiveListWhere } from './archive-records.routes';

interface ArchiveRow {
  seq: number;
  ticket_id: string;
  title: string | null;
  hospital_name: string | null;
  archived_at: Date;
  outcome: string;
  hash: string;
  prev_hash: string;
}

/** Check codes are the auditors' detail, as on the archive's page. */
const AUDITORS: readonly string[] = ['manager', 'admin'];

/** `/api/archive-records/export`: the archive's records (listArchiveRecords), never their stored history. */
export const archiveRecordsExport: ListExport<ArchiveRow> = {
  resource: 'archive-records',
  list: 'listArchiveRecords',
  operationId: 'exportArchiveRecords',
  tag: 'archive',
  rows: 'archive records',
  access: ['admin', 'manager', 'dispatcher'],
  name: (w) => w.resources['archive-records'].name,
  sortable: ARCHIVE_SORTABLE,
  defaultSort: ARCHIVE_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(ArchiveRecord, 'a')
      .select([
        'a.seq',
        'a.ticketId',
        'a.archivedAt',
        'a.outcome',
        'a.hash',
        'a.prevHash',
        // What the record is about, by name: the request's title and hospital.
        raw('(select k.title from tickets k where k.id = a.ticket_id) as title'),
        raw('(select h.name from tickets k join hospitals h on h.id = k.hospital_id where k.id = a.ticket_id) as hospital_name'),
      ])
      .where({ $and: [archiveListWhere(q.filter)] })
      .orderBy(listOrder(q.sort, ARCHIVE_SORT_COLUMNS, 'seq'));
    return sqlOf(qb);
  },
  columns: ({ words: w, at, user }) => {
    const f = w.resources['archive-records'].fields;
    const t = w.resources.tickets.fields;
    const audit: ExportColumn<ArchiveRow>[] = [
      { header: f.hash, value: (r) => r.hash, width: 66 },
      { header: f.prevHash, value: (r) => r.prev_hash, width: 66 },
    ];
    return [
      { header: f.id, value: (r) => r.seq, width: 10 },
      { header: f.ticketId, value: (r) => r.ticket_id, width: 20 },
      { header: t.title, value: (r) => r.title, width: 30 },
      { header: t.hospitalName, value: (r) => r.hospital_name, width: 30 },
      { header: f.archivedAt, value: (r) => at(r.archived_at), width: 17 },
      { header: f.outcome, value: (r) => label(w.choices.outcome, r.outcome) },
      ...(AUDITORS.includes(user.role) ? audit : []),
    ];
  },
};
