/**
 * What must hold after a drill, read from PostgreSQL and Temporal directly (not through the API
 * the drill just disturbed): every flow archived exactly once, no step twice, the chain intact.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { verifyArchiveChain } from '../../db/archive-chain';
import { openOrm } from '../../db/orm';
import { ticketWorkflowId, type TicketState } from '../../domain/ticket';
import { stateQuery } from '../../workflows/ticket/messages';
import { ONSITE_EVENTS, ONSITE_TASKS } from '../flow-driver';
import { within } from '../wait';
import type { TemporalTarget } from './infra';

export interface InvariantReport {
  tickets: number;
  events: number;
  tasks: number;
  archiveRecords: number;
  notifications: number;
  workflowsCompleted: number;
  /** Every broken rule, one line each; empty = all held. */
  problems: string[];
}

/** The notifications an on-site flow writes: new ticket, dispatch requested, engineer dispatched, signature requested. */
const ONSITE_NOTIFICATIONS = 4;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/**
 * Checks the drill database holds exactly the flows in `tickets` (the drill's database has no
 * other tickets), each archived with the on-site events, tasks and notifications once, one archive
 * record each whose hash the workflow and the event log agree on, and a chain that verifies.
 */
export async function checkOnsiteInvariants(o: { databaseUrl: string; temporal: TemporalTarget; tickets: string[]; expectedFlows: number }): Promise<InvariantReport> {
  const problems: string[] = [];
  const report = (p: string) => {
    if (problems.length < 200) problems.push(p);
    else if (problems.length === 200) problems.push('… (more problems left out)');
  };
  const tickets = o.tickets.filter(Boolean);
  if (tickets.length !== o.expectedFlows) report(`${o.expectedFlows} flows were driven but ${tickets.length} got a ticket number`);
  if (new Set(tickets).size !== tickets.length) report('two flows got the same ticket number');
  const wanted = new Set(tickets);

  const orm = await openOrm(o.databaseUrl, { poolMax: 2 });
  let r: Omit<InvariantReport, 'problems' | 'workflowsCompleted'>;
  const archiveByTicket = new Map<string, { seq: number; hash: string }>();
  /** What PostgreSQL says of each ticket: status/step and open tasks, to compare with the workflow's own state. */
  const pgView = new Map<string, string>();
  try {
    const sql = orm.em.fork().getConnection();
    const ticketRows: { id: string; status: string; step: string }[] = await sql.execute('select id, status, step from tickets order by id');
    for (const t of ticketRows) {
      if (!wanted.has(t.id)) report(`${t.id}: a ticket no flow created (duplicate creation?)`);
      else if (t.status !== 'archived' || t.step !== 'archived') report(`${t.id}: ends ${t.status}/${t.step}, not archived`);
    }
    const present = new Set(ticketRows.map((t) => t.id));
    for (const id of tickets) if (!present.has(id)) report(`${id}: no ticket row`);

    const events: { ticket_id: string; type: string; event_key: string; data: Record<string, unknown> }[] = await sql.execute(
      'select ticket_id, type, event_key, data from ticket_events order by id',
    );
    const eventsBy = groupBy(events, (e) => e.ticket_id);
    for (const id of tickets) {
      const mine = eventsBy.get(id) ?? [];
      const types = mine.map((e) => e.type);
      if (!sameList(types, ONSITE_EVENTS)) report(`${id}: events ${types.join(',')} instead of ${ONSITE_EVENTS.join(',')}`);
      const keys = mine.map((e) => e.event_key);
      const expectedKeys = ONSITE_EVENTS.map((_, i) => `${id}:${i}`);
      if (!sameList(keys, expectedKeys)) report(`${id}: event keys ${keys.join(',')} instead of ${expectedKeys.join(',')}`);
    }

    const tasks: { ticket_id: string; kind: string; status: string }[] = await sql.execute('select ticket_id, kind, status from tasks order by created_at, id');
    const tasksBy = groupBy(tasks, (t) => t.ticket_id);
    for (const id of tickets) {
      const mine = tasksBy.get(id) ?? [];
      const kinds = mine.map((t) => t.kind);
      if (!sameList(kinds, ONSITE_TASKS)) report(`${id}: task rows ${kinds.join(',')} instead of ${ONSITE_TASKS.join(',')}`);
      const open = mine.filter((t) => t.status !== 'done');
      if (open.length) report(`${id}: tasks not done: ${open.map((t) => `${t.kind}=${t.status}`).join(', ')}`);
      const row = ticketRows.find((t) => t.id === id);
      pgView.set(id, `${row?.status}/${row?.step}, open tasks [${mine.filter((t) => t.status === 'open').map((t) => t.kind).join(', ')}], last event ${eventsBy.get(id)?.at(-1)?.type}`);
    }

    const notes: { ticket_id: string; n: number }[] = await sql.execute('select ticket_id, count(*)::int as n from notifications group by ticket_id');
    const notesBy = new Map(notes.map((n) => [n.ticket_id, n.n]));
    for (const id of tickets) {
      const n = notesBy.get(id) ?? 0;
      if (n !== ONSITE_NOTIFICATIONS) report(`${id}: ${n} notifications instead of ${ONSITE_NOTIFICATIONS}`);
    }
    const [{ n: escalations }] = await sql.execute<{ n: number }[]>('select count(*)::int as n from escalations');
    if (escalations !== 0) report(`${escalations} escalations: an SLA timer fired during the drill`);

    const archive: { seq: number; ticket_id: string; outcome: string; hash: string; has_form: boolean; has_signature: boolean }[] = await sql.execute(
      'select seq, ticket_id, outcome, hash, repair_form is not null as has_form, signature is not null as has_signature from archive_records order by seq',
    );
    const archiveBy = groupBy(archive, (a) => a.ticket_id);
    for (const [id, rows] of archiveBy) if (!wanted.has(id)) report(`archive record ${rows.map((x) => x.seq).join(',')} for ${id}, which no flow created`);
    for (const id of tickets) {
      const rows = archiveBy.get(id) ?? [];
      if (rows.length !== 1) {
        report(`${id}: ${rows.length} archive records`);
        continue;
      }
      const a = rows[0];
      archiveByTicket.set(id, { seq: a.seq, hash: a.hash });
      if (a.outcome !== 'resolved' || !a.has_form || !a.has_signature) report(`${id}: archive record ${a.seq} is ${a.outcome}, form ${a.has_form}, signature ${a.has_signature}`);
      const archivedEvent = (eventsBy.get(id) ?? []).find((e) => e.type === 'archived');
      if (archivedEvent && (archivedEvent.data.hash !== a.hash || archivedEvent.data.archiveSeq !== a.seq)) {
        report(`${id}: the archived event names record ${String(archivedEvent.data.archiveSeq)} ${String(archivedEvent.data.hash)}, the archive holds ${a.seq} ${a.hash}`);
      }
    }

    const chain = await verifyArchiveChain(orm.em.fork());
    if (chain.records !== archive.length) report(`verifyArchiveChain read ${chain.records} records, the table holds ${archive.length}`);
    for (const p of chain.problems.slice(0, 20)) report(`archive chain: record ${p.seq} (${p.ticketId}): ${p.problem}`);
    r = { tickets: ticketRows.length, events: events.length, tasks: tasks.length, archiveRecords: archive.length, notifications: notes.reduce((s, n) => s + n.n, 0) };
  } finally {
    await orm.close();
  }

  // Temporal's side: every workflow completed with the archive hash the database holds.
  const connection = await Connection.connect({ address: o.temporal.address, connectTimeout: 10_000 });
  let workflowsCompleted = 0;
  try {
    const client = new Client({ connection, namespace: o.temporal.namespace });
    const queue = [...tickets];
    const check = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const h = client.workflow.getHandle(ticketWorkflowId(id));
        try {
          const d = await h.describe();
          if (d.status.name !== 'COMPLETED') {
            report(`${id}: workflow ${d.status.name}; ${await stuckDetail(h, pgView.get(id))}`);
            continue;
          }
          const result: TicketState = await within(10_000, `${id} result`, h.result());
          const a = archiveByTicket.get(id);
          if (result.status !== 'archived' || (a && result.archiveHash !== a.hash)) report(`${id}: workflow result ${result.status}, archive hash ${result.archiveHash} vs ${a?.hash}`);
          else workflowsCompleted += 1;
        } catch (e) {
          report(`${id}: workflow: ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, check));
  } finally {
    await connection.close();
  }
  return { ...r, workflowsCompleted, problems };
}

/** Why a workflow is not done: its pending activities and workflow task, and its last history events. */
async function stuckDetail(h: ReturnType<Client['workflow']['getHandle']>, pg: string | undefined): Promise<string> {
  try {
    // The workflow's own view next to PostgreSQL's: a projection ahead of the workflow shows here.
    const state = await within(10_000, 'state query', h.query(stateQuery)).then(
      (st) => `workflow state ${st.status}/${st.step}, open tasks [${st.tasks.map((t) => t.kind).join(', ')}], seq ${st.seq}`,
      (e: Error) => `(state query failed: ${e.message})`,
    );
    const d = await h.describe();
    const acts = (d.raw.pendingActivities ?? []).map((a) => `${a.activityType?.name} attempt ${a.attempt} state ${a.state}${a.lastFailure?.message ? ` (${a.lastFailure.message})` : ''}`);
    const wft = d.raw.pendingWorkflowTask ? `workflow task state ${d.raw.pendingWorkflowTask.state} attempt ${d.raw.pendingWorkflowTask.attempt}` : 'no pending workflow task';
    const history = await h.fetchHistory();
    const last = (history.events ?? []).slice(-6).map((e) => `${e.eventId} ${String(proto.api.enums.v1.EventType[e.eventType ?? 0]).replace(/^EVENT_TYPE_/, '')}`);
    return `${state}; PostgreSQL: ${pg ?? '?'}; pending activities: ${acts.join('; ') || 'none'}; ${wft}; last history events: ${last.join(', ')}`;
  } catch (e) {
    return `(no detail: ${(e as Error).message})`;
  }
}
