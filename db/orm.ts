import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config';

export type Orm = MikroORM;

export async function openOrm(databaseUrl: string, opts: { poolMax?: number } = {}): Promise<Orm> {
  return MikroORM.init(ormConfig(databaseUrl, opts));
}

/** Brings the schema to the newest committed migration; returns the names it applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
