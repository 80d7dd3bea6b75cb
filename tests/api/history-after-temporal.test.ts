import { ApiSession } from '../../harness/http-session';
import { handleOf, openTicket } from '../../harness/tickets';
import { useStack } from '../../harness/use-stack';
import { waitUntil } from '../../harness/wait';
import { ticketWorkflowId } from '../../domain/ticket';
import { cancelUpdate } from '../../workflows/ticket/messages';

/**
 * Found by trying it: once Temporal no longer had a closed ticket's workflow (retention, or its
 * database lost), the history endpoint answered 500 and the console's timeline spun forever,
 * although the archive held the exported history.
 */
const { stack, a } = useStack();

type History = { source: string; timeline: { name: string }[]; history?: unknown };

describe('a ticket whose workflow Temporal has forgotten', () => {
  it('shows its history and record from the archive, and says so', async () => {
    const t = await openTicket(stack, a.dispatcher);
    await handleOf(stack, t.ticketNo).update(cancelUpdate, { actor: a.dispatcher, reason: '重复报修' });
    await handleOf(stack, t.ticketNo).result();
    await stack.client.workflowService.deleteWorkflowExecution({
      namespace: stack.client.options.namespace,
      workflowExecution: { workflowId: ticketWorkflowId(t.ticketNo) },
    });
    // Deletion is asynchronous (a task on Temporal's queue; over a minute on a loaded CI machine).
    await waitUntil(
      'Temporal to forget the workflow',
      () => handleOf(stack, t.ticketNo).describe().then(() => false, (e: Error) => e.name === 'WorkflowNotFoundError'),
      110_000,
    );
    const manager = await ApiSession.login(stack.baseUrl, 'manager');
    const history = await manager.get<History>(`/api/tickets/${t.ticketNo}/history`);
    expect([history.status, history.body.source]).toEqual([200, 'archive']);
    expect(history.body.timeline.map((e) => e.name)).toEqual(expect.arrayContaining(['created', 'cancel']));
    const raw = await manager.get<History>(`/api/tickets/${t.ticketNo}/history?download=1`);
    expect([raw.status, raw.body.source]).toEqual([200, 'archive']);
    expect(raw.body.history).toBeDefined();
    const detail = await manager.get<{ detailSource: string; detail: { cancelReason: string } }>(`/api/tickets/${t.ticketNo}`);
    expect([detail.status, detail.body.detailSource, detail.body.detail.cancelReason]).toEqual([200, 'archive', '重复报修']);
  }, 180_000);
});

describe('what the hospital may see of the history', () => {
  it('a hospital contact gets the readable timeline, not the raw history', async () => {
    const t = await openTicket(stack, a.cdphc);
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const readable = await contact.get<History>(`/api/tickets/${t.ticketNo}/history`);
    expect([readable.status, readable.body.history]).toEqual([200, undefined]);
    expect(readable.body.timeline.length).toBeGreaterThan(0);
    const raw = await contact.get<{ code: string }>(`/api/tickets/${t.ticketNo}/history?download=1`);
    expect([raw.status, raw.body.code]).toEqual([403, 'history.vendor_only']);
  });
});
