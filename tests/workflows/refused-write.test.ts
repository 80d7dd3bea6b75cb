import { sql } from '../../db/sql';
import { handleOf, openTicket } from '../../harness/tickets';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { addNoteUpdate } from '../../workflows/ticket/messages';

/**
 * Found by trying it: a NUL byte reached an event, PostgreSQL refused it ("unsupported Unicode
 * escape sequence") and the workflow's write was retried for ever; the ticket could never archive
 * and no one was told. Text fields now refuse control characters in the API and the workflow; what
 * still slips through (here a display name from elsewhere) ends the run failed at the first refusal,
 * marked, with its manager task, instead of a retry loop.
 */
const { stack, a } = useStack();

describe('an event PostgreSQL refuses', () => {
  it('ends the run failed after one attempt, marks the ticket and raises one manager task', async () => {
    const t = await openTicket(stack, a.dispatcher, { projectionGraceSeconds: 1 });
    // The API died after the Update: the workflow's own write is the one that meets the refusal.
    const h = handleOf(stack, t.ticketNo, { unwritten: true });
    await h.update(addNoteUpdate, { actor: { ...a.dispatcher, displayName: '导入\u0000的调度员' }, text: '病区反馈已恢复', audience: 'internal' }, `refused-${t.ticketNo}`);

    let status = '';
    for (let i = 0; i < 60 && status !== 'FAILED'; i++) {
      await sleep(500);
      status = (await h.describe()).status.name;
    }
    expect(status).toBe('FAILED');
    const history = await h.fetchHistory();
    const writes = history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'projectBatch');
    const failed = history.events!.filter((e) => e.activityTaskFailedEventAttributes);
    expect([writes.length, failed.length]).toEqual([1, 1]);
    expect(failed[0].activityTaskFailedEventAttributes!.failure!.applicationFailureInfo).toMatchObject({ type: 'WriteRefusedByDatabase', nonRetryable: true });

    const em = stack.orm.em.fork();
    const [row] = await sql<{ workflow_state: string; status: string }>(em, 'select workflow_state, status from tickets where id = ?', [t.ticketNo]);
    expect(row).toEqual({ workflow_state: 'failed', status: 'open' });
    const tasks = await sql<{ candidate_role: string }>(em, `select candidate_role from tasks where ticket_id = ? and kind = 'workflow_lost' and status = 'open'`, [t.ticketNo]);
    expect(tasks).toEqual([{ candidate_role: 'manager' }]);
  });
});
