import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ticketWorkflowId } from '../../domain/ticket';
import type { Stack } from '../../harness/stack';

type History = Awaited<ReturnType<ReturnType<Stack['client']['workflow']['getHandle']>['fetchHistory']>>;

function inTask(history: History): boolean {
  const last = history.events?.at(-1);
  return Boolean(last?.workflowTaskScheduledEventAttributes || last?.workflowTaskStartedEventAttributes);
}

export const HISTORIES_DIR = path.resolve(__dirname, '../histories');

/** Inspection histories sit beside the tickets' under this prefix: `inspection-<path>.json`. */
export const INSPECTION_PREFIX = 'inspection-';

/**
 * With RECORD_HISTORIES=1, keeps this workflow's history as tests/histories/<file>.json so the
 * replay test can check every later change of the workflow code against it. Record only from a
 * commit whose behaviour the histories should pin, and commit the files.
 */
export async function recordWorkflowHistory(stack: Stack, workflowId: string, file: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const handle = stack.client.workflow.getHandle(workflowId);
  // A history cut inside a workflow task (a timer's local activity still writing) would replay by
  // running that activity: wait for the task to complete.
  let history = await handle.fetchHistory();
  for (let waited = 0; inTask(history) && waited < 5000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    history = await handle.fetchHistory();
  }
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${file}.json`), JSON.stringify(JSON.parse(historyToJSON(history)), null, 1) + '\n');
}

/** This ticket's history, for the path `name`. */
export function recordHistory(stack: Stack, ticketNo: string, name: string): Promise<void> {
  return recordWorkflowHistory(stack, ticketWorkflowId(ticketNo), name);
}

/** This inspection run's history (`inspection-<plan>-<YYYY-MM>`), for the path `name`. */
export function recordInspectionHistory(stack: Stack, workflowId: string, name: string): Promise<void> {
  return recordWorkflowHistory(stack, workflowId, `${INSPECTION_PREFIX}${name}`);
}
