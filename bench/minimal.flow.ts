import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { finishUpdate, minimalWorkflow, stepUpdate } from './minimal.workflow';
import { timed } from './stats';

/**
 * The baseline flow, through the bare client: as many Updates (1 with start + 5) on a do-nothing
 * workflow as a ticket's on-site flow, then its end. Measures the last five round trips.
 */
export async function minimalFlow(client: Client, i: number): Promise<{ workflowId: string; ms: number[] }> {
  const workflowId = `bench-min-${Date.now()}-${i}-${Math.random().toString(36).slice(2)}`;
  await client.workflow.executeUpdateWithStart(stepUpdate, {
    args: [1],
    startWorkflowOperation: new WithStartWorkflowOperation(minimalWorkflow, { workflowId, taskQueue: 'bench-minimal', workflowIdConflictPolicy: 'FAIL' }),
  });
  const h = client.workflow.getHandle(workflowId);
  const ms: number[] = [];
  for (let s = 0; s < 4; s++) ms.push((await timed(() => h.executeUpdate(stepUpdate, { args: [1] })))[1]);
  ms.push((await timed(() => h.executeUpdate(finishUpdate)))[1]);
  await h.result();
  return { workflowId, ms };
}
