import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import type { Opened } from '../../activities/inspection.activities';
import type { StartedBy } from '../../domain/inspection/occurrence';

type Activities = ReturnType<typeof createActivities>;

// A write that must land: retried through outages; the schedule's next firing is a month away.
const { openInspection } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

/** Set by Temporal on runs a schedule starts: the nominal time, a backfill's past one included. */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * What a plan's schedule starts each time it fires (on time, catching up, backfilling, run now):
 * it opens the occurrence of the month the firing stands for. Schedules add a timestamp to their
 * workflow IDs, so the business ID `inspection-<plan>-<YYYY-MM>` is given by the activity instead.
 */
export async function inspectionDueWorkflow(planId: number, by: 'schedule' | 'person' = 'schedule'): Promise<Opened | null> {
  const info = workflowInfo();
  const scheduledAt = info.typedSearchAttributes.get(scheduledStartTime) ?? info.startTime;
  // An hour late is no longer "on time": a catch-up after downtime, or a backfill of past months.
  const startedBy: StartedBy = by === 'person' ? 'person' : info.startTime.getTime() - scheduledAt.getTime() > 3_600_000 ? 'catch_up' : 'schedule';
  return openInspection({ planId, scheduledAt: scheduledAt.toISOString(), startedBy });
}
