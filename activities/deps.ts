import type { MikroORM } from '@mikro-orm/postgresql';

/** What activities need from the outside world, injected so tests build them against real services. */
export interface ActivityDeps {
  orm: MikroORM;
}
