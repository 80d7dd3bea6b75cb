import { archiveRecordsExport } from '../archive-records/archive-records.export';
import type { AppDeps } from '../env';
import { escalationsExport } from '../escalations/escalations.export';
import { departmentsExport, hospitalsExport } from '../hospitals/hospitals.export';
import { inspectionsExport } from '../inspections/inspections.export';
import { newRouter } from '../route';
import { slaPoliciesExport } from '../sla-policies/sla-policies.export';
import { tasksExport } from '../tasks/tasks.export';
import { ticketsExport } from '../tickets/tickets.export';
import { usersExport } from '../users/users.export';
import { exportRoute } from './list-export';

/**
 * `GET /api/<list>/export` of every list a person works from, mounted at /api before the lists'
 * own routes (so `export` is never taken for an id). Each list declares its query and columns
 * beside its routes (`<resource>.export.ts`); notifications are a bell, not a list, and have none.
 */
export function exportRoutes(deps: AppDeps) {
  const r = newRouter();
  exportRoute(r, deps, ticketsExport);
  exportRoute(r, deps, tasksExport);
  exportRoute(r, deps, usersExport);
  exportRoute(r, deps, hospitalsExport);
  exportRoute(r, deps, departmentsExport);
  exportRoute(r, deps, slaPoliciesExport);
  exportRoute(r, deps, escalationsExport);
  exportRoute(r, deps, archiveRecordsExport);
  exportRoute(r, deps, inspectionsExport);
  return r;
}
