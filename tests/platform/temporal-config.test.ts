import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { loadTemporalSettings, retentionSeconds } from '../../config/temporal';
import { SA } from '../../workflows/ticket/search-attributes';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

const TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  INT: 'Int',
  DATETIME: 'Datetime',
  BOOL: 'Bool',
  TEXT: 'Text',
  DOUBLE: 'Double',
  KEYWORD_LIST: 'KeywordList',
};

describe('temporal.yaml', () => {
  const settings = loadTemporalSettings();

  it('declares every search attribute the workflows upsert, with the same type', () => {
    for (const key of Object.values(SA)) {
      expect([key.name, settings.searchAttributes[key.name]]).toEqual([key.name, TYPE_NAMES[key.type]]);
    }
  });

  it('is applied to the dev server: namespace, audit retention and search attributes', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const ns = await connection.workflowService.describeNamespace({ namespace: settings.namespace });
      expect(Number(ns.config?.workflowExecutionRetentionTtl?.seconds)).toBe(retentionSeconds(settings));
      expect(retentionSeconds(settings)).toBeGreaterThanOrEqual(365 * 24 * 3600);
      const attrs = await connection.operatorService.listSearchAttributes({ namespace: settings.namespace });
      for (const name of Object.keys(settings.searchAttributes)) expect(attrs.customAttributes).toHaveProperty(name);
    } finally {
      await connection.close();
    }
  });

  // 1,000 hospitals' plans due at 09:00 on the 1st: the server's scheduler worker cannot take
  // every schedule's task within the SDK's 5 s sticky timeout; those moved to the normal queue
  // then waited a minute for its pollers (docs/decisions.md, "Many schedules due in the same minute").
  it('fires 500 schedules due in the same second without parking any on the way', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    const client = new Client({ connection, namespace: settings.namespace });
    const run = `burst-${Date.now().toString(36)}`;
    const ids = Array.from({ length: 500 }, (_, i) => `${run}-${i}`);
    try {
      // The next whole minute at least 30 s away: every schedule exists before it fires.
      const at = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
      for (let i = 0; i < ids.length; i += 25) {
        await Promise.all(
          ids.slice(i, i + 25).map((scheduleId) =>
            client.schedule.create({
              scheduleId,
              spec: { calendars: [{ year: at.getUTCFullYear(), month: MONTHS[at.getUTCMonth()], dayOfMonth: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes() }] },
              // Nobody polls this queue: a firing is its workflow started, which is all this asks.
              action: { type: 'startWorkflow', workflowType: 'burstWorkflow', workflowId: scheduleId, taskQueue: `${run}-nobody` },
              policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
            }),
          ),
        );
      }
      expect(Date.now()).toBeLessThan(at.getTime());
      const query = `WorkflowType = "burstWorkflow" AND TaskQueue = "${run}-nobody"`;
      for (;;) {
        if ((await client.workflow.count(query)).count >= ids.length) break;
        if (Date.now() > at.getTime() + 150_000) throw new Error(`only ${(await client.workflow.count(query)).count} of ${ids.length} fired`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      // None of the schedules' own workflow tasks timed out on the sticky queue (each such one waited a minute).
      const parked: string[] = [];
      for (const id of ids.filter((_, i) => i % 10 === 0)) {
        const events = (await client.workflow.getHandle(`temporal-sys-scheduler:${id}`).fetchHistory()).events ?? [];
        if (events.some((e) => e.workflowTaskTimedOutEventAttributes)) parked.push(id);
      }
      expect(parked).toEqual([]);
    } finally {
      for (let i = 0; i < ids.length; i += 25) await Promise.all(ids.slice(i, i + 25).map((id) => client.schedule.getHandle(id).delete().catch(() => undefined)));
      for await (const w of client.workflow.list({ query: `TaskQueue = "${run}-nobody" AND ExecutionStatus = "Running"` })) {
        await client.workflow.getHandle(w.workflowId, w.runId).terminate().catch(() => undefined);
      }
      await connection.close();
    }
  }, 300_000);

  it('reports a broken file by field instead of starting with wrong settings', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-yaml-')), 'temporal.yaml');
    fs.writeFileSync(file, 'namespace: x\ntaskQueue: q\nretention: 1y\ncli: { version: v1.5.1 }\ndevServer: { ip: 127.0.0.1, port: 99999, uiPort: 1, dbFile: a, logLevel: warn }\nsearchAttributes: { A: Nope }\n');
    expect(() => loadTemporalSettings(file)).toThrow(/retention[\s\S]*devServer\.port[\s\S]*searchAttributes\.A/);
  });
});
