import type { FilterQuery } from '@mikro-orm/core';
import { verifyArchiveChain } from '../../db/archive-chain';
import { ArchiveRecord, type IArchiveRecord } from '../../db/entities';
import { notFound } from '../errors';
import { contentRange, listOrder, parseListQuery, unknownFilter } from '../list-query';
import { idList, idParams } from '../validate';
import { newRouter, route } from '../route';

const summary = (r: Pick<IArchiveRecord, 'seq' | 'ticketId' | 'archivedAt' | 'outcome' | 'hash' | 'prevHash'>) => ({
  id: r.seq,
  ticketId: r.ticketId,
  archivedAt: r.archivedAt.toISOString(),
  outcome: r.outcome,
  hash: r.hash,
  prevHash: r.prevHash,
});

/** 系统档案库: read only. Nothing here writes; the database refuses edits anyway. */
const coordinators = ['admin', 'manager', 'dispatcher'] as const;
const list = route({ method: 'get', path: '/', operationId: 'listArchiveRecords', tag: 'archive', summary: 'The archive (系统档案库), read only', description: 'Filters: id, ticketId, outcome (resolved, cancelled, inspection_signed: a signed inspection report, whose ticketId is its workflow ID `inspection-<plan>-<YYYY-MM>`). Sort: id, archivedAt, ticketId.', access: coordinators, list: true });
const verify = route({ method: 'get', path: '/verify', operationId: 'verifyArchiveChain', tag: 'archive', summary: 'Re-verify the whole hash chain', access: coordinators });
const get = route({ method: 'get', path: '/{id}', operationId: 'getArchiveRecord', tag: 'archive', summary: 'One archive record with ticket, repair form and signature', access: coordinators, request: { params: idParams('archive_record.not_found') } });

/** The archive list's filters (the list and its export). */
export function archiveListWhere(filter: Record<string, unknown>): FilterQuery<IArchiveRecord> {
  const where: FilterQuery<IArchiveRecord>[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ seq: { $in: idList(v) } });
    else if (k === 'ticketId' && typeof v === 'string') where.push({ ticketId: v });
    else if (k === 'outcome' && (v === 'resolved' || v === 'cancelled' || v === 'inspection_signed')) where.push({ outcome: v });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const ARCHIVE_SORTABLE = ['id', 'archivedAt', 'ticketId'] as const;
export const ARCHIVE_DEFAULT_SORT = { field: 'id', order: 'DESC' } as const;
/** The record's number is its place in the chain. */
export const ARCHIVE_SORT_COLUMNS = { id: 'seq' };

export function archiveRecordsRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ARCHIVE_SORTABLE, defaultSort: ARCHIVE_DEFAULT_SORT });
    // The history column can be large: lists never load it.
    const [rows, total] = await c.get('em').findAndCount(ArchiveRecord, archiveListWhere(q.filter), {
      fields: ['seq', 'ticketId', 'archivedAt', 'outcome', 'hash', 'prevHash'],
      orderBy: listOrder(q.sort, ARCHIVE_SORT_COLUMNS, 'seq'),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('archive-records', q.offset, rows.length, total));
    return c.json(rows.map(summary));
  });
  r.openapi(verify, async (c) => c.json(await verifyArchiveChain(c.get('em'))));
  r.openapi(get, async (c) => {
    const record = await c.get('em').findOne(ArchiveRecord, c.req.valid('param').id, { fields: ['seq', 'ticketId', 'archivedAt', 'outcome', 'hash', 'prevHash', 'ticket', 'repairForm', 'signature'] });
    if (!record) throw notFound('archive_record.not_found');
    return c.json({ ...summary(record), ticket: record.ticket, repairForm: record.repairForm ?? null, signature: record.signature ?? null });
  });
  return r;
}
