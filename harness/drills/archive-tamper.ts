/**
 * Archive drill: verifies the hash chain end to end, then edits archived rows behind the
 * database's back (the append-only trigger disabled, as only a superuser can) and shows every edit
 * is detected: by the chain verifier (directly and through GET /api/archive-records/verify), or,
 * where a chain alone cannot tell (the newest record rewritten or removed), by the anchor every
 * ticket keeps in its append-only event log (the `archived` event names the record's seq and hash).
 * Each edit is undone from a snapshot and the archive must verify clean again, byte for byte.
 */
import { Client } from 'pg';
import { archiveHash, verifyArchiveChain, type ChainProblem } from '../../db/archive-chain';
import { openOrm } from '../../db/orm';
import { counter } from '../counter';
import { DrillFailure, type Log } from '../drill-report';
import { ApiSession, type HttpStats } from '../http-session';

export interface TamperCase {
  name: string;
  seq: number;
  /** Who caught it: 'chain' (verifyArchiveChain and the API agree), or 'anchor' (event log). */
  caughtBy: string[];
  /** Where the verifier put the first problem. */
  problemAt: number | null;
}

export interface TamperReport {
  records: number;
  cases: TamperCase[];
  failures: string[];
}

interface Row {
  seq: number;
  ticket_id: string;
  archived_at: Date;
  outcome: string;
  ticket: Record<string, unknown>;
  repair_form: Record<string, unknown> | null;
  signature: Record<string, unknown> | null;
  history: unknown;
  prev_hash: string;
  hash: string;
}

interface Mutation {
  name: string;
  /** Which record it may hit, given the chain's length n. */
  pick: (random: () => number, n: number) => number;
  /** The records (seqs) it changes, to snapshot and restore. */
  touches: (seq: number) => number[];
  apply: (db: Client, seq: number) => Promise<void>;
  /** Where the chain verifier must report it; null = a chain alone cannot see it, the anchors must. */
  expectAt: (seq: number) => number | null;
  expectProblem?: RegExp;
}

const anyRecord = (random: () => number, n: number) => 1 + Math.floor(random() * n);
/** Not the newest: the edit must have a successor that links to it. */
const notLast = (random: () => number, n: number) => 1 + Math.floor(random() * (n - 1));

async function one(db: Client, seq: number): Promise<Row> {
  const r = await db.query<Row>('select * from archive_records where seq = $1', [seq]);
  if (r.rowCount !== 1) throw new DrillFailure(`archive record ${seq} not found`);
  return r.rows[0];
}

const rehash = (r: Row, prevHash: string) =>
  archiveHash(prevHash, { seq: r.seq, ticketId: r.ticket_id, archivedAt: r.archived_at, outcome: r.outcome, ticket: r.ticket, repairForm: r.repair_form, signature: r.signature, history: r.history });

/** Columns of one record set by SQL (`set …`): the chain verifier must report that very record. */
const edit = (name: string, set: string, expectProblem = /content does not match its hash/): Mutation => ({
  name,
  pick: anyRecord,
  touches: (s) => [s],
  apply: (db, s) => db.query(`update archive_records set ${set} where seq = $1`, [s]).then(() => {}),
  expectAt: (s) => s,
  expectProblem,
});

/** A record edited by SQL (`set …`) and given the hash its new content has, as a forger would. */
async function editAndRehash(db: Client, s: number, set: string): Promise<void> {
  await db.query(`update archive_records set ${set} where seq = $1`, [s]);
  const r = await one(db, s);
  await db.query('update archive_records set hash = $2 where seq = $1', [s, rehash(r, r.prev_hash)]);
}

const deleteRecord = (db: Client, s: number) => db.query('delete from archive_records where seq = $1', [s]).then(() => {});
const newest = (_r: () => number, n: number) => n;

const MUTATIONS: Mutation[] = [
  edit('ticket field (intake title)', `ticket = jsonb_set(ticket, '{intake,title}', to_jsonb('改过的标题'::text))`),
  edit('repair form (handling)', `repair_form = jsonb_set(repair_form, '{handling}', to_jsonb('未处理'::text))`),
  edit('signature (signer name)', `signature = jsonb_set(signature, '{signerName}', to_jsonb('冒名'::text))`),
  edit('history (one event removed)', `history = jsonb_set(history, '{events}', (history->'events') - 3)`),
  edit('outcome', `outcome = 'cancelled'`),
  edit('archivedAt (+1 s)', `archived_at = archived_at + interval '1 second'`),
  edit('prevHash', `prev_hash = md5(prev_hash) || md5(hash)`, /does not link to the record before it/),
  {
    name: 'seq order (two neighbours swapped)',
    pick: notLast,
    touches: (s) => [s, s + 1],
    apply: async (db, s) => {
      await db.query('update archive_records set seq = -seq where seq in ($1, $2)', [s, s + 1]);
      await db.query('update archive_records set seq = $2 where seq = $1', [-s, s + 1]);
      await db.query('update archive_records set seq = $2 where seq = $1', [-(s + 1), s]);
    },
    expectAt: (s) => s,
  },
  {
    name: 'ticket field edited and its own hash recomputed',
    pick: notLast,
    touches: (s) => [s],
    apply: (db, s) => editAndRehash(db, s, `ticket = jsonb_set(ticket, '{intake,reporterName}', to_jsonb('别人'::text))`),
    // Its own checkpoint no longer matches (the forger has no key); the next record's link breaks too.
    expectAt: (s) => s,
    expectProblem: /signed checkpoint does not match/,
  },
  { name: 'record deleted', pick: notLast, touches: (s) => [s], apply: deleteRecord, expectAt: (s) => s + 1, expectProblem: /records are missing/ },
  {
    name: 'newest record rewritten with a recomputed hash',
    pick: newest,
    touches: (s) => [s],
    apply: (db, s) => editAndRehash(db, s, `signature = jsonb_set(signature, '{signerName}', to_jsonb('冒名'::text))`),
    expectAt: () => null,
  },
  { name: 'newest record deleted', pick: newest, touches: (s) => [s], apply: deleteRecord, expectAt: () => null },
];

export const TAMPER_CASES = MUTATIONS.map((m) => m.name);

/** Runs `fn` with the append-only trigger off, in one transaction: no other session ever sees it off. */
async function behindTheBack(db: Client, fn: () => Promise<void>): Promise<void> {
  await db.query('begin');
  try {
    await db.query('alter table archive_records disable trigger archive_records_append_only');
    await fn();
    await db.query('alter table archive_records enable trigger archive_records_append_only');
    await db.query('commit');
  } catch (e) {
    await db.query('rollback');
    throw e;
  }
}

/**
 * Every ticket's `archived` event (append-only, written after the record) names the record's seq
 * and hash: a record that is gone, moved or re-hashed no longer matches its anchor.
 */
/** The drill's own check of the anchors, independent of the desk's verifier. */
type AnchorProblem = Pick<ChainProblem, 'seq' | 'ticketId' | 'problem'>;

async function anchorProblems(db: Client): Promise<AnchorProblem[]> {
  const r = await db.query<{ ticket_id: string; seq: number; hash: string; a_seq: number | null; a_hash: string | null }>(`
    select e.ticket_id, (e.data->>'archiveSeq')::int as seq, e.data->>'hash' as hash, a.seq as a_seq, a.hash as a_hash
      from ticket_events e left join archive_records a on a.ticket_id = e.ticket_id
     where e.type = 'archived'`);
  const problems: AnchorProblem[] = [];
  for (const x of r.rows) {
    if (x.a_seq === null) problems.push({ seq: x.seq, ticketId: x.ticket_id, problem: 'archived per the event log, but no archive record' });
    else if (x.a_seq !== x.seq || x.a_hash !== x.hash) problems.push({ seq: x.seq, ticketId: x.ticket_id, problem: `the event log anchors record ${x.seq} ${x.hash}, the archive holds ${x.a_seq} ${x.a_hash}` });
  }
  const extra = await db.query<{ seq: number; ticket_id: string }>(`
    select a.seq, a.ticket_id from archive_records a
     where not exists (select 1 from ticket_events e where e.ticket_id = a.ticket_id and e.type = 'archived')`);
  for (const x of extra.rows) problems.push({ seq: x.seq, ticketId: x.ticket_id, problem: 'no archived event anchors this record' });
  return problems.sort((a, b) => a.seq - b.seq);
}

export async function runArchiveTamperDrill(o: { databaseUrl: string; baseUrl: string; random: () => number; log: Log; cases?: string[] }): Promise<TamperReport> {
  const failures: string[] = [];
  const fail = (m: string) => {
    failures.push(m);
    o.log(`  FAIL ${m}`);
  };
  const db = new Client({ connectionString: o.databaseUrl, connectionTimeoutMillis: 10_000 });
  await db.connect();
  const orm = await openOrm(o.databaseUrl, { poolMax: 2 });
  const stats: HttpStats = { statuses: counter(), retries: 0 };
  const api = await ApiSession.loginUntil(o.baseUrl, 'dispatcher', { stats, deadline: Date.now() + 30_000 });
  const viaApi = async () => {
    const res = await api.until<{ records: number; problems: ChainProblem[] }>([200], 'GET', '/api/archive-records/verify', { deadline: Date.now() + 30_000, what: 'verify' });
    return res.body;
  };
  const chainNow = async () => {
    const [direct, http, anchors] = await Promise.all([verifyArchiveChain(orm.em.fork()), viaApi(), anchorProblems(db)]);
    return { direct, http, anchors };
  };
  const cases: TamperCase[] = [];
  let records = 0;
  try {
    const clean = await chainNow();
    const n = clean.direct.records;
    records = n;
    if (n < 3) throw new DrillFailure(`the archive drill needs at least 3 records, there are ${n}`);
    if (clean.direct.problems.length || clean.http.problems.length || clean.anchors.length) {
      throw new DrillFailure(`the archive does not verify before any edit: ${JSON.stringify({ direct: clean.direct.problems, api: clean.http.problems, anchors: clean.anchors }).slice(0, 800)}`);
    }
    if (clean.http.records !== n) fail(`GET /api/archive-records/verify read ${clean.http.records} records, verifyArchiveChain ${n}`);
    const [{ count }] = (await db.query<{ count: string }>('select count(*) from archive_records')).rows;
    if (Number(count) !== n) fail(`the chain verifier read ${n} records, the table holds ${count}`);
    o.log(`  archive: ${n} records verify end to end (verifyArchiveChain, GET /api/archive-records/verify, event-log anchors)`);

    // Plain SQL cannot change the archive at all.
    for (const sql of ['update archive_records set outcome = outcome where seq = 1', 'delete from archive_records where seq = 1']) {
      const refused = await db.query(sql).then(() => false, (e: Error) => /append-only/.test(e.message));
      if (!refused) fail(`"${sql}" was not refused by the append-only trigger`);
    }

    for (const m of MUTATIONS.filter((x) => !o.cases || o.cases.includes(x.name))) {
      const seq = m.pick(o.random, n);
      const touched = m.touches(seq);
      const snapshot = (await db.query<{ row: Record<string, unknown>; ticket_id: string }>('select to_jsonb(a) as row, ticket_id from archive_records a where seq = any($1::int[]) order by seq', [touched])).rows;
      const expected = m.expectAt(seq);
      const label = `${m.name} @ record ${seq}`;
      await behindTheBack(db, () => m.apply(db, seq));
      try {
        const seen = await chainNow();
        const caughtBy: string[] = [];
        if (seen.direct.problems.length) caughtBy.push('chain');
        if (seen.http.problems.length) caughtBy.push('api');
        if (seen.anchors.length) caughtBy.push('anchor');
        const first = seen.direct.problems[0]?.seq ?? null;
        cases.push({ name: m.name, seq, caughtBy, problemAt: first });
        if (JSON.stringify(seen.direct) !== JSON.stringify(seen.http)) fail(`${label}: the API's verify (${JSON.stringify(seen.http.problems)}) differs from verifyArchiveChain (${JSON.stringify(seen.direct.problems)})`);
        if (expected !== null) {
          if (first !== expected) fail(`${label}: the chain verifier reported ${JSON.stringify(seen.direct.problems)}, expected a problem at record ${expected}`);
          else if (m.expectProblem && !seen.direct.problems.some((p) => p.seq === expected && m.expectProblem!.test(p.problem))) {
            fail(`${label}: expected "${m.expectProblem.source}" at record ${expected}, got ${JSON.stringify(seen.direct.problems)}`);
          }
        } else if (!caughtBy.length) {
          fail(`${label}: went unnoticed by the chain verifier, the API and the event-log anchors`);
        }
        o.log(`  tamper ${label}: caught by ${caughtBy.join(' + ') || 'NOTHING'}${first !== null ? ` at record ${first}: ${seen.direct.problems[0].problem}` : seen.anchors[0] ? ` (${seen.anchors[0].problem})` : ''}`);
      } finally {
        await behindTheBack(db, async () => {
          await db.query('delete from archive_records where seq = any($1::int[]) or ticket_id = any($2::text[])', [touched, snapshot.map((s) => s.ticket_id)]);
          for (const s of snapshot) await db.query('insert into archive_records select * from jsonb_populate_record(null::archive_records, $1::jsonb)', [JSON.stringify(s.row)]);
        });
      }
      const restored = (await db.query<{ row: Record<string, unknown> }>('select to_jsonb(a) as row from archive_records a where seq = any($1::int[]) order by seq', [touched])).rows;
      if (JSON.stringify(restored.map((r) => r.row)) !== JSON.stringify(snapshot.map((s) => s.row))) fail(`${label}: the restored rows differ from the snapshot`);
      const after = await chainNow();
      if (after.direct.problems.length || after.http.problems.length || after.anchors.length || after.direct.records !== n) {
        fail(`${label}: after restoring, the archive does not verify: ${JSON.stringify({ records: after.direct.records, direct: after.direct.problems, anchors: after.anchors }).slice(0, 500)}`);
      }
    }
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await orm.close();
    await db.end();
  }
  return { records, cases, failures };
}
