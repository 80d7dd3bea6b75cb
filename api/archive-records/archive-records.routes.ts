import type { FilterQuery } from '@mikro-orm/core';
import { Hono } from 'hono';
import { verifyArchiveChain } from '../../db/archive-chain';
import { ArchiveRecord, type IArchiveRecord } from '../../db/entities';
import { requireRole, requireUser } from '../auth/session';
import { notFound } from '../errors';
import type { AppEnv } from '../env';
import { contentRange, parseListQuery, unknownFilter } from '../list-query';
import { idList, intParam } from '../validate';

const summary = (r: Pick<IArchiveRecord, 'seq' | 'ticketId' | 'archivedAt' | 'outcome' | 'hash' | 'prevHash'>) => ({
  id: r.seq,
  ticketId: r.ticketId,
  archivedAt: r.archivedAt.toISOString(),
  outcome: r.outcome,
  hash: r.hash,
  prevHash: r.prevHash,
});

/** 系统档案库: read only. Nothing here writes; the database refuses edits anyway. */
export function archiveRecordsRoutes() {
  return new Hono<AppEnv>()
    .use(requireUser, requireRole('admin', 'manager', 'dispatcher'))
    .get('/', async (c) => {
      const q = parseListQuery(c.req.query(), { sortable: ['id', 'archivedAt', 'ticketId'], defaultSort: { field: 'id', order: 'DESC' } });
      const where: FilterQuery<IArchiveRecord>[] = [];
      for (const [k, v] of Object.entries(q.filter)) {
        if (k === 'id') where.push({ seq: { $in: idList(v) } });
        else if (k === 'ticketId' && typeof v === 'string') where.push({ ticketId: v });
        else if (k === 'outcome' && (v === 'resolved' || v === 'cancelled')) where.push({ outcome: v });
        else throw unknownFilter(k);
      }
      const orderBy = { [q.sort.field === 'id' ? 'seq' : q.sort.field]: q.sort.order.toLowerCase() };
      // The history column can be large: lists never load it.
      const [rows, total] = await c.get('em').findAndCount(ArchiveRecord, where.length ? { $and: where } : {}, {
        fields: ['seq', 'ticketId', 'archivedAt', 'outcome', 'hash', 'prevHash'],
        orderBy,
        offset: q.offset,
        limit: q.limit,
      });
      c.header('Content-Range', contentRange('archive-records', q.offset, rows.length, total));
      return c.json(rows.map(summary));
    })
    .get('/verify', async (c) => c.json(await verifyArchiveChain(c.get('em'))))
    .get('/:id', async (c) => {
      const r = await c.get('em').findOne(ArchiveRecord, intParam(c, 'id', 'archive_record.not_found'), { fields: ['seq', 'ticketId', 'archivedAt', 'outcome', 'hash', 'prevHash', 'ticket', 'repairForm', 'signature'] });
      if (!r) throw notFound('archive_record.not_found');
      return c.json({ ...summary(r), ticket: r.ticket, repairForm: r.repairForm ?? null, signature: r.signature ?? null });
    });
}
