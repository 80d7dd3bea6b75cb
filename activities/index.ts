import { createArchiveActivities } from './archive.activities';
import type { ActivityDeps } from './deps';
import { createSlaActivities } from './sla.activities';
import { createTicketActivities } from './ticket.activities';

export type { ActivityDeps } from './deps';

/** All activities the worker registers, built from their dependencies (activities-dependency-injection). */
export function createActivities(deps: ActivityDeps) {
  return { ...createSlaActivities(deps), ...createTicketActivities(deps), ...createArchiveActivities(deps) };
}
