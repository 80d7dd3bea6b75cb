import pg from 'pg';
import { Ticket } from '../../db/entities';
import { ApiSession, type ApiResponse } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';
import { sleep } from '../../harness/wait';

/**
 * Found by trying it: the database connection died while a ticket was being raised and the API
 * answered 500 ("Transaction query already complete"). Every connection of the desk is killed
 * again and again while requests are raised: each answer is the ticket or a 503 with Retry-After,
 * and a retry with the same key gets the one ticket its key stands for.
 */
let stack: Stack;
let contact: ApiSession;

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  contact = await ApiSession.login(stack.baseUrl, 'cdphc');
});
afterAll(() => stack?.stop());

/** Ends every other connection to this database, as a crashed server would (as its owner: the desk's role may not). */
async function killConnections(killer: pg.Client): Promise<number> {
  const { rows } = await killer.query(`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return Number(rows[0]?.n ?? 0);
}

describe('the database connection lost while tickets are raised', () => {
  it('answers each request with its ticket or 503, never 500; a retry with its key makes exactly one ticket', async () => {
    const run = Date.now().toString(36);
    const title = (i: number) => `连接中断演练-${run}-${i}`;
    const requests = Array.from({ length: 40 }, (_, i) => ({ key: `crash-${run}-${i}`, body: newTicketBody({ title: title(i) }) }));
    let killing = true;
    let killed = 0;
    const owner = new pg.Client({ connectionString: stack.databaseUrl });
    await owner.connect();
    const killer = (async () => {
      while (killing) {
        killed += await killConnections(owner);
        await sleep(15);
      }
    })();
    const answers: ApiResponse<{ id?: string; code?: string }>[] = [];
    for (let i = 0; i < requests.length; i += 8) {
      answers.push(...(await Promise.all(requests.slice(i, i + 8).map((r) => contact.post<{ id?: string; code?: string }>('/api/tickets', r.body, { 'Idempotency-Key': r.key })))));
    }
    killing = false;
    await killer;
    await owner.end();
    expect(killed).toBeGreaterThan(0);
    const statuses = answers.map((a) => a.status);
    for (const a of answers.filter((x) => x.status === 500)) console.error('500 answer', JSON.stringify(a.body));
    expect(statuses.filter((s) => ![201, 503].includes(s))).toEqual([]);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.headers.get('retry-after')).toBeTruthy();
      expect(a.body.code).toMatch(/^service\./);
    }

    // The database is back: every request retried with its key ends as one ticket.
    for (const [i, r] of requests.entries()) {
      let res = answers[i];
      for (let attempt = 0; res.status === 503 && attempt < 20; attempt++) {
        await sleep(250);
        res = await contact.post('/api/tickets', r.body, { 'Idempotency-Key': r.key });
      }
      expect([200, 201]).toContain(res.status);
    }
    const em = stack.orm.em.fork();
    for (const [i] of requests.entries()) expect(await em.count(Ticket, { title: title(i) })).toBe(1);
  }, 180_000);
});
