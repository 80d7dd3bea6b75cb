import path from 'node:path';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { ROOT } from '../config/paths';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function ormConfig(clientUrl: string, opts: { poolMax?: number; role?: string } = {}) {
  const role = opts.role;
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator, SeedManager],
    pool: {
      min: 0,
      max: opts.poolMax ?? 10,
      // Every connection acts as the app's role before the pool hands it out.
      ...(role
        ? {
            afterCreate: (conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) =>
              conn.query(`set role "${role.replace(/"/g, '""')}"`, (err) => done(err, conn)),
          }
        : {}),
    },
    // Requests and activities each fork their own EntityManager; the global one must stay unused.
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(ROOT, 'db/migrations'),
      pathTs: path.join(ROOT, 'db/migrations'),
      // Listed explicitly so the same code runs under tsx, jest and a compiled build.
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot',
      emit: 'ts',
      // start-up prints what it applied itself; the per-file chatter is noise.
      silent: true,
    },
    seeder: { path: path.join(ROOT, 'db/seeders'), pathTs: path.join(ROOT, 'db/seeders'), emit: 'ts' },
  });
}
