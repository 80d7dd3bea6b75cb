import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config';
import { APP_ROLE } from './migrations/Migration20261202090000';

export type Orm = MikroORM;
export { APP_ROLE };

/**
 * `role: APP_ROLE` makes every pooled connection `SET ROLE desk_app` as it opens: what the API
 * and the worker use, so they cannot update or delete archive and event rows (docs/decisions.md).
 * Without it the connection keeps its user's rights: migrations, seeding, drills' tampering.
 */
export async function openOrm(databaseUrl: string, opts: { poolMax?: number; role?: string } = {}): Promise<Orm> {
  return MikroORM.init(ormConfig(databaseUrl, opts));
}

/** Brings the schema to the newest committed migration; returns the names it applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
