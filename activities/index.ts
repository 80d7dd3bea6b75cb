import { createArchiveActivities } from './archive.activities';
import type { ActivityDeps } from './deps';
import { createInspectionActivities } from './inspection.activities';
import { createInspectionRecordActivities } from './inspection-record.activities';
import { createReconcileActivities } from './reconcile.activities';
import { createTicketActivities } from './ticket.activities';

export type { ActivityDeps } from './deps';

/** All activities the worker registers, built from their dependencies (activities-dependency-injection). */
export function createActivities(deps: ActivityDeps) {
  return { ...createTicketActivities(deps), ...createArchiveActivities(deps), ...createReconcileActivities(deps), ...createInspectionActivities(deps), ...createInspectionRecordActivities(deps) };
}
