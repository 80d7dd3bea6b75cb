import { Client } from 'pg';
import { archiveHash, verifyArchiveChain } from '../../db/archive-chain';
import { ArchiveRecord } from '../../db/entities';
import { remoteAttemptUpdate, triageUpdate } from '../../workflows/ticket/messages';
import { handleOf, openTicket, taskOf } from '../../harness/tickets';
import { resolvedRemotely, triage } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { ApiSession } from '../../harness/http-session';

const { stack, a } = useStack();

/** The database's owner (a superuser here), not the app: the stack's ORM acts as desk_app. */
async function asOwner<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** SQL run as a superuser could: with the append-only trigger off for the statement. */
async function behindTheBack(sql: string, params: unknown[]): Promise<void> {
  // MikroORM's `?` placeholders, numbered for pg.
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  await asOwner(async (db) => {
    await db.query(`alter table archive_records disable trigger archive_records_append_only`);
    try {
      await db.query(text, params);
    } finally {
      await db.query(`alter table archive_records enable trigger archive_records_append_only`);
    }
  });
}

async function archivedTicket(): Promise<string> {
  const t = await openTicket(stack, a.dispatcher);
  const h = handleOf(stack, t.ticketNo);
  const s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
  await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: resolvedRemotely });
  await h.result();
  return t.ticketNo;
}

describe('the archive (系统档案库)', () => {
  it('chains every record to the one before, even when tickets archive at the same moment', async () => {
    await Promise.all([archivedTicket(), archivedTicket(), archivedTicket()]);
    const { records, problems } = await verifyArchiveChain(stack.orm.em.fork());
    expect(records).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  it('refuses the app updates and deletes (its role has no such right), and the owner too (trigger)', async () => {
    await archivedTicket();
    const conn = stack.orm.em.fork().getConnection();
    expect(await conn.execute(`select current_user as u`)).toEqual([{ u: 'desk_app' }]);
    for (const sql of [`update archive_records set outcome = 'cancelled'`, `delete from archive_records`, `update ticket_events set type = 'x'`, `delete from ticket_events`]) {
      await expect(conn.execute(sql)).rejects.toThrow(/permission denied/);
    }
    // Reading and appending stay the app's: the flow above archived a ticket as desk_app.
    expect(Number((await conn.execute(`select count(*) as n from archive_records`))[0].n)).toBeGreaterThan(0);
    await asOwner(async (db) => {
      await expect(db.query(`update archive_records set outcome = 'cancelled'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`delete from ticket_events`)).rejects.toThrow(/append-only/);
    });
  });

  it('shows an edit made behind the database’s back (trigger disabled by a superuser)', async () => {
    const ticketNo = await archivedTicket();
    const em = stack.orm.em.fork();
    const record = await em.findOneOrFail(ArchiveRecord, { ticketId: ticketNo });
    const original = JSON.stringify(record.ticket);
    await behindTheBack(`update archive_records set ticket = jsonb_set(ticket, '{intake,title}', '"改过的标题"') where seq = ?`, [record.seq]);
    try {
      const { problems } = await verifyArchiveChain(stack.orm.em.fork());
      expect(problems).toEqual([{ seq: record.seq, ticketId: ticketNo, code: 'archive.content_changed', problem: 'content does not match its hash' }]);
    } finally {
      await behindTheBack(`update archive_records set ticket = ?::jsonb where seq = ?`, [original, record.seq]);
    }
    expect((await verifyArchiveChain(stack.orm.em.fork())).problems).toEqual([]);
  });

  it('shows the newest record removed, or rewritten with a fresh hash, against the event log’s anchor', async () => {
    const ticketNo = await archivedTicket();
    const [row] = await stack.orm.em.fork().getConnection().execute(`select * from archive_records where ticket_id = ?`, [ticketNo]);
    const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
    const restore = () =>
      behindTheBack(
        `insert into archive_records (seq, ticket_id, archived_at, outcome, ticket, repair_form, signature, history, prev_hash, hash, mac) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)`,
        [row.seq, row.ticket_id, row.archived_at, row.outcome, JSON.stringify(row.ticket), json(row.repair_form), json(row.signature), JSON.stringify(row.history), row.prev_hash, row.hash, row.mac],
      );
    // The chain alone cannot tell: without its newest record it still links from genesis to its end.
    await behindTheBack(`delete from archive_records where seq = ?`, [row.seq]);
    try {
      expect((await verifyArchiveChain(stack.orm.em.fork())).problems).toEqual([
        { seq: row.seq, ticketId: ticketNo, code: 'archive.record_missing', problem: 'the event log recorded its archiving, but the record is missing' },
      ]);
    } finally {
      await restore();
    }
    // Edited, and hashed again so the chain still links: the anchor still holds the old hash.
    await behindTheBack(`update archive_records set outcome = 'cancelled', hash = ? where seq = ?`, ['f'.repeat(64), row.seq]);
    try {
      const { problems } = await verifyArchiveChain(stack.orm.em.fork());
      expect(problems).toContainEqual({ seq: row.seq, ticketId: ticketNo, code: 'archive.hash_changed', problem: 'does not match the hash the event log recorded when it was archived' });
    } finally {
      await behindTheBack(`delete from archive_records where seq = ?`, [row.seq]);
      await restore();
    }
    expect((await verifyArchiveChain(stack.orm.em.fork())).problems).toEqual([]);
  });

  it('shows a chain rewritten by a superuser, every later hash recomputed, at its first bad signed checkpoint', async () => {
    await Promise.all([archivedTicket(), archivedTicket()]);
    type Row = { seq: number; ticket_id: string; archived_at: Date; outcome: string; ticket: Record<string, unknown>; repair_form: Record<string, unknown> | null; signature: Record<string, unknown> | null; history: unknown; prev_hash: string; hash: string; mac: string };
    const rows = await asOwner(async (db) => (await db.query<Row>('select * from archive_records order by seq')).rows);
    const target = rows[rows.length - 3];
    const later = rows.filter((r) => r.seq >= target.seq);
    const rehash = (r: Row, prev: string) =>
      archiveHash(prev, { seq: r.seq, ticketId: r.ticket_id, archivedAt: r.archived_at, outcome: r.outcome, ticket: r.ticket, repairForm: r.repair_form, signature: r.signature, history: r.history });
    // The forger's rewrite: one record changed, then every hash from there on recomputed and
    // relinked, and the `archived` events' anchors too. Only the checkpoints cannot be redone.
    const rewrite = async (db: Client) => {
      let prev = target.prev_hash;
      for (const r of later) {
        const edited = r.seq === target.seq ? { ...r, outcome: r.outcome === 'resolved' ? 'cancelled' : 'resolved' } : r;
        const hash = rehash(edited, prev);
        await db.query('update archive_records set outcome = $2, prev_hash = $3, hash = $4 where seq = $1', [r.seq, edited.outcome, prev, hash]);
        await db.query(`update ticket_events set data = jsonb_set(data, '{hash}', to_jsonb($2::text)) where ticket_id = $1 and type = 'archived'`, [r.ticket_id, hash]);
        prev = hash;
      }
    };
    const restore = async (db: Client) => {
      for (const r of later) {
        await db.query('update archive_records set outcome = $2, prev_hash = $3, hash = $4 where seq = $1', [r.seq, r.outcome, r.prev_hash, r.hash]);
        await db.query(`update ticket_events set data = jsonb_set(data, '{hash}', to_jsonb($2::text)) where ticket_id = $1 and type = 'archived'`, [r.ticket_id, r.hash]);
      }
    };
    const triggersOff = async (db: Client, work: () => Promise<void>) => {
      await db.query('begin');
      await db.query('alter table archive_records disable trigger archive_records_append_only');
      await db.query('alter table ticket_events disable trigger ticket_events_append_only');
      await work();
      await db.query('alter table archive_records enable trigger archive_records_append_only');
      await db.query('alter table ticket_events enable trigger ticket_events_append_only');
      await db.query('commit');
    };
    await asOwner((db) => triggersOff(db, () => rewrite(db)));
    try {
      const { problems } = await verifyArchiveChain(stack.orm.em.fork());
      // Hashes, links and anchors all agree again: only the signatures tell.
      expect(problems.map((p) => p.code)).toEqual(later.map(() => 'archive.checkpoint_invalid'));
      expect(problems[0]).toEqual({ seq: target.seq, ticketId: target.ticket_id, code: 'archive.checkpoint_invalid', problem: 'its signed checkpoint does not match: the chain was rewritten from here' });
      // Over HTTP too, as the console's archive page asks.
      const admin = await ApiSession.login(stack.baseUrl, 'admin');
      const res = await admin.request<{ problems: { seq: number; code: string }[] }>('GET', '/api/archive-records/verify');
      expect(res.body.problems[0]).toMatchObject({ seq: target.seq, code: 'archive.checkpoint_invalid' });
      // With the wrong key, every record fails: the key is what vouches.
      const wrongKey = Buffer.from('x'.repeat(32));
      expect((await verifyArchiveChain(stack.orm.em.fork(), 200, wrongKey)).problems.filter((p) => p.code === 'archive.checkpoint_invalid')).toHaveLength(rows.length);
    } finally {
      await asOwner((db) => triggersOff(db, () => restore(db)));
    }
    expect((await verifyArchiveChain(stack.orm.em.fork())).problems).toEqual([]);
  });
});
