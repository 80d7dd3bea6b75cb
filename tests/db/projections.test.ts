import { Notification, Ticket, TicketEvent, TicketTask } from '../../db/entities';
import { openOrm, type Orm } from '../../db/orm';
import { applyProjections } from '../../db/projector';
import type { IntakeRecord, Projection, TicketSnapshot } from '../../domain/projection';
import type { Actor } from '../../domain/ticket';
import { loadActors } from '../../harness/actors';
import { intakeOf } from '../../harness/tickets';

/**
 * The API and the workflow's own activity write the same events, in any order and at the same
 * time. Whatever the order, PostgreSQL must end as the newest event says, with each event once.
 */
let orm: Orm;
let serial = 0;
let dispatcher: Actor;
let E1: number;
let E2: number;
beforeAll(async () => {
  orm = await openOrm(process.env.DATABASE_URL!, { poolMax: 6 });
  const a = await loadActors(orm);
  dispatcher = a.dispatcher;
  E1 = a.engineer.userId;
  E2 = a.engineer2.userId;
});
afterAll(() => orm?.close());

const T0 = Date.parse('2026-11-26T08:00:00Z');

function intakeRecordOf(ticketNo: string): IntakeRecord {
  return { intake: intakeOf(ticketNo, dispatcher, { receivedAt: new Date(T0) }), step: 'triage', replyDueAt: new Date(T0 + 3600_000).toISOString(), solutionDueAt: null };
}

const snapshot = (step: TicketSnapshot['step'], assigneeId: number | null): TicketSnapshot => ({
  status: 'open',
  step,
  faultLevel: 2,
  category: null,
  maintenanceType: null,
  departmentId: null,
  assigneeId,
  replyDueAt: T0 + 3600_000,
  replySatisfiedAt: step === 'triage' ? null : T0 + 60_000,
  replyBreached: false,
  solutionDueAt: null,
  solutionSatisfiedAt: null,
  solutionBreached: false,
  pausedSince: null,
  closedAt: null,
});

/** seq 1: triage task opens; seq 2: triage done, remote task for engineer 5; seq 3: reassigned to 6. */
function story(ticketNo: string): Projection[] {
  const triage = { id: `${ticketNo}-T1`, kind: 'triage' as const, candidateRole: 'dispatcher' as const, assigneeId: null, createdAt: T0 };
  const remote = (assigneeId: number) => ({ id: `${ticketNo}-T2`, kind: 'remote' as const, candidateRole: 'engineer' as const, assigneeId, createdAt: T0 + 60_000, dueAt: null });
  const base = { ticketNo, actor: dispatcher, escalation: null };
  return [
    { ...base, seq: 1, at: T0, type: 'triage_requested', actor: null, data: {}, ticket: snapshot('triage', null), openTasks: [{ ...triage, dueAt: T0 + 3600_000 }], closedTasks: [], notifications: [{ recipientId: null, recipientRole: 'dispatcher', kind: 'new_ticket', params: { ticketNo } }] },
    {
      ...base, seq: 2, at: T0 + 60_000, type: 'triaged', data: { route: 'remote' }, ticket: snapshot('remote', E1), openTasks: [remote(E1)],
      closedTasks: [{ ...triage, status: 'done', outcome: 'remote', completedById: dispatcher.userId, completedAt: T0 + 60_000, updateId: 'triage-update' }],
      notifications: [{ recipientId: E1, recipientRole: null, kind: 'assigned', params: { ticketNo } }],
    },
    { ...base, seq: 3, at: T0 + 120_000, type: 'reassigned', data: { to: E2 }, ticket: snapshot('remote', E2), openTasks: [remote(E2)], closedTasks: [], notifications: [] },
  ];
}

async function outcome(ticketNo: string) {
  const em = orm.em.fork();
  const ticket = await em.findOneOrFail(Ticket, ticketNo);
  const events = await em.find(TicketEvent, { ticket: ticketNo }, { orderBy: { id: 'asc' } });
  const tasks = await em.find(TicketTask, { ticket: ticketNo }, { orderBy: { id: 'asc' } });
  return {
    ticket: { step: ticket.step, assigneeId: ticket.assignee?.id ?? null, projectionSeq: ticket.projectionSeq },
    eventTypes: events.map((e) => e.type).sort(),
    tasks: tasks.map((t) => ({ id: t.id.split('-').at(-1), status: t.status, assigneeId: t.assignee?.id ?? null })),
    notifications: await em.count(Notification, { ticket: ticketNo }),
  };
}

const expected = () => ({
  ticket: { step: 'remote', assigneeId: E2, projectionSeq: 3 },
  eventTypes: ['created', 'reassigned', 'triage_requested', 'triaged'],
  tasks: [
    { id: 'T1', status: 'done', assigneeId: null },
    { id: 'T2', status: 'open', assigneeId: E2 },
  ],
  notifications: 2,
});

const newTicketNo = () => `SR-PROJ-${process.pid}-${++serial}`;

describe('projections written by two writers (API and workflow activity)', () => {
  it('in order, once each: the rows show the newest event', async () => {
    const no = newTicketNo();
    const [p1, p2, p3] = story(no);
    await applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: [p1] });
    await applyProjections(orm.em.fork(), { projections: [p2] });
    await applyProjections(orm.em.fork(), { projections: [p3] });
    expect(await outcome(no)).toEqual(expected());
  });

  it('newest first, then the older ones: nothing goes back, the skipped task still closes', async () => {
    const no = newTicketNo();
    const [p1, p2, p3] = story(no);
    await applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: [] });
    await applyProjections(orm.em.fork(), { projections: [p3] });
    await applyProjections(orm.em.fork(), { projections: [p1, p2] });
    expect(await outcome(no)).toEqual(expected());
  });

  it('the same events twice, and all at once from several writers: each written once', async () => {
    const no = newTicketNo();
    const all = story(no);
    await Promise.all([
      applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: all }),
      applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: [all[2]] }),
      applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: all.slice(0, 2) }),
    ]);
    await applyProjections(orm.em.fork(), { intake: intakeRecordOf(no), projections: all });
    expect(await outcome(no)).toEqual(expected());
  });

  it('refuses events for a ticket whose row was never written, and writes nothing', async () => {
    const no = newTicketNo();
    await expect(applyProjections(orm.em.fork(), { projections: story(no) })).rejects.toThrow(/no row yet/);
    expect(await orm.em.fork().count(TicketEvent, { ticket: no })).toBe(0);
  });
});
