import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { migrate, openOrm, type Orm } from '../../db/orm';
import { DemoSeeder } from '../../db/seeders/demo.seeder';
import { databaseUrl } from '../../scripts/postgres';
import { freePort } from '../../scripts/ports';
import { ApiSession } from '../../harness/http-session';
import { startPgInstance, type PgInstance } from '../../harness/pg-instance';

/** The API against a PostgreSQL of its own and (optionally) a Temporal address that answers nothing. */
async function apiOn(orm: Orm, temporalAddress: string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const connection = Connection.lazy({ address: temporalAddress, connectTimeout: 1000 });
  const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE! });
  const app = createApp({ orm, temporal, settings: { namespace: process.env.TEMPORAL_NAMESPACE!, taskQueue: 'unused' }, timeZone: 'Asia/Shanghai', temporalTimeoutMs: 3000 });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await connection.close();
    },
  };
}

let pg: PgInstance;
let orm: Orm;

beforeAll(async () => {
  pg = await startPgInstance();
  const url = databaseUrl(pg.url, 'postgres');
  orm = await openOrm(url, { poolMax: 3 });
  await migrate(orm);
  await orm.getSeeder().seed(DemoSeeder);
});
afterAll(async () => {
  await orm?.close();
  await pg?.destroy();
});

describe('when a dependency is down the API says so, and nothing half-happens', () => {
  it('PostgreSQL stopped: 503 with a clear message; back to normal once it returns', async () => {
    const api = await apiOn(orm, process.env.TEMPORAL_ADDRESS!);
    try {
      const s = await ApiSession.login(api.baseUrl, 'dispatcher');
      expect((await s.get('/api/tickets')).status).toBe(200);
      await pg.stop();
      const down = await s.get<{ message: string }>('/api/tickets');
      expect(down.status).toBe(503);
      expect(down.body.message).toBe('The database is unavailable; please retry shortly.');
      expect(down.headers.get('retry-after')).toBe('5');
      const ready = await s.get<{ status: string; database: string }>('/api/ready');
      expect([ready.status, ready.body.status]).toEqual([503, 'unavailable']);
      await pg.start();
      let back = 0;
      for (let i = 0; i < 50 && back !== 200; i++) {
        back = (await s.get('/api/tickets')).status;
        if (back !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(back).toBe(200);
    } finally {
      await pg.start();
      await api.close();
    }
  });

  it('Temporal unreachable: creating a ticket is 503 and writes no ticket', async () => {
    const api = await apiOn(orm, `127.0.0.1:${await freePort()}`);
    // A worker says it is alive (its heartbeat row): what is missing here is Temporal itself.
    await orm.em.fork().getConnection().execute(`insert into worker_heartbeats (id, task_queue, beat_at, started_at) values ('beating#1', 'unused', now() + interval '1 hour', now())`);
    try {
      const s = await ApiSession.login(api.baseUrl, 'dispatcher');
      const before = await orm.em.fork().getConnection().execute(`select count(*)::int as n from tickets`);
      const res = await s.post<{ message: string }>('/api/tickets', { hospitalId: 1, systemCode: 'mnis', channel: 'phone', title: 'x', description: 'y', reporterName: 'z' });
      expect(res.status).toBe(503);
      expect(res.body.message).toBe('The workflow service is unavailable; please retry shortly.');
      const after = await orm.em.fork().getConnection().execute(`select count(*)::int as n from tickets`);
      expect(after[0].n).toBe(before[0].n);
      const ready = await s.get<{ temporal: string; database: string }>('/api/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.database).toBe('ok');
      expect(ready.body.temporal).toBe('unavailable');
      // Anyone else learns only that the desk is unavailable, not what its infrastructure said.
      const anonymous = await fetch(`${api.baseUrl}/api/ready`);
      expect([anonymous.status, await anonymous.json()]).toEqual([503, { status: 'unavailable' }]);
    } finally {
      await api.close();
    }
  });
});
