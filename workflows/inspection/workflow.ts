import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import type { InspectionStatus } from '../../domain/inspection/occurrence';

/** What the occurrence's run starts with: its row and dates, decided when it was opened. */
export interface OccurrenceStart {
  inspectionId: number;
  planId: number;
  period: string;
  visitDate: string;
  reportDueDate: string;
}

export interface OccurrenceState extends OccurrenceStart {
  status: InspectionStatus;
}

export const occurrenceStateQuery = defineQuery<OccurrenceState>('state');

/**
 * One inspection of one plan and month (`inspection-<plan>-<YYYY-MM>`). Its steps (plan
 * confirmed, checklist on site, review, signature, archive) come next (issue 16, item 4); until
 * then the run holds the occurrence open and answers what it is.
 */
export async function inspectionWorkflow(start: OccurrenceStart): Promise<OccurrenceState> {
  const state: OccurrenceState = { ...start, status: 'planned' };
  setHandler(occurrenceStateQuery, () => state);
  await condition(() => state.status === 'archived' || state.status === 'cancelled');
  return state;
}
