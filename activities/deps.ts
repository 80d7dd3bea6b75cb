import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';

/** What activities need from the outside world, injected so tests build them against real services. */
export interface ActivityDeps {
  orm: MikroORM;
  /** To export a workflow's own history into the archive. */
  temporal: Client;
  /** The desk's wall clock for inspection periods and visit days (config/time-zone.ts by default). */
  timeZone?: string;
}
