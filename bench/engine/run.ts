/**
 * What each feature of a workflow's history costs the Temporal server: the bare flow of bench 1
 * (update-with-start + 5 Updates) with one feature added at a time, CPU per flow by process.
 *   npx tsx bench/engine/run.ts [--flows=100] [--clients=8]
 */
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { loadTemporalSettings } from '../../config/temporal';
import { freePort } from '../../scripts/ports';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { startTemporalDevServer } from '../../scripts/temporal-server';
import { cpuByPart, cpuDelta } from '../cpu';
import { fmt, pool, timed } from '../stats';
import { finishUpdate, stepUpdate, type Variant } from './variants.workflow';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const flows = Number(args.flows ?? 100);
const clients = Number(args.clients ?? 8);

const VARIANTS: [string, Variant][] = [
  ['bare', {}],
  ['+1 search attribute upsert per Update', { sa: 1 }],
  ['+deadline timer re-planned per Update', { timer: true }],
  ['+1 activity at the end', { activities: 1 }],
  ['+2 activities at the end', { activities: 2 }],
  ['+4 KiB in each Update result', { payload: 4096 }],
  ['+4 KiB start argument', { argPayload: 4096 }],
];

async function main() {
  const settings = loadTemporalSettings();
  const cli = await ensureTemporalCli(console.log, settings.cli.version);
  const temporal = await startTemporalDevServer({ cli, settings, port: await freePort(), uiPort: await freePort(), headless: true });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./variants.workflow'), logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} } });
  const worker = await Worker.create({ connection, namespace: settings.namespace, taskQueue: 'engine', workflowBundle: { code }, activities: { async noop() {} } });
  const run = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }), namespace: settings.namespace });
  const flow = async (v: Variant, i: number) => {
    const workflowId = `engine-${Date.now()}-${i}-${Math.random().toString(36).slice(2)}`;
    await client.workflow.executeUpdateWithStart(stepUpdate, {
      args: [1],
      startWorkflowOperation: new WithStartWorkflowOperation('variantWorkflow', { workflowId, taskQueue: 'engine', workflowIdConflictPolicy: 'FAIL', args: [v, v.argPayload ? 'y'.repeat(v.argPayload) : undefined] }),
    });
    const h = client.workflow.getHandle(workflowId);
    for (let s = 0; s < 4; s++) await h.executeUpdate(stepUpdate, { args: [1] });
    await h.executeUpdate(finishUpdate);
    await h.result();
    return workflowId;
  };
  const rounds = Number(args.rounds ?? 2);
  const results = new Map<string, { server: number[]; driver: number[]; rate: number[]; events: number }>();
  for (const [, v] of VARIANTS) await flow(v, -1); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [name, v] of VARIANTS) {
      const c0 = cpuByPart({ driver: process.pid });
      const [, ms] = await timed(() => pool(flows, clients, async (i) => void (await flow(v, i))));
      const d = cpuDelta(c0, cpuByPart({ driver: process.pid }));
      const id = await flow(v, -2);
      const events = (await client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0;
      const e = results.get(name) ?? { server: [], driver: [], rate: [], events };
      e.server.push(((d.get('Temporal server') ?? 0) * 1000) / flows);
      e.driver.push(((d.get('driver') ?? 0) * 1000) / flows);
      e.rate.push(flows / (ms / 1000));
      results.set(name, e);
      console.log(`round ${r + 1} ${name}: server ${fmt(e.server.at(-1)!, 0)} ms, driver+worker ${fmt(e.driver.at(-1)!, 0)} ms per flow, ${fmt(e.rate.at(-1)!, 2)} flows/s, ${events} events`);
    }
  }
  const avg = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const base = results.get('bare')!;
  console.log('\n| variant | events | Temporal server CPU per flow (ms) | driver + worker (ms) | flows/s | vs bare |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, e] of results) console.log(`| ${name} | ${e.events} | ${fmt(avg(e.server), 0)} | ${fmt(avg(e.driver), 0)} | ${fmt(avg(e.rate), 2)} | ${fmt(avg(e.rate) / avg(base.rate), 2)} |`);
  worker.shutdown();
  await run;
  await temporal.stop();
  process.exit(0);
}
void main();
