/**
 * Database chores against the provisioned server:
 *   migrate            apply committed migrations
 *   seed               demo data on an empty database
 *   create-migration   diff the entities against the migration snapshot and write a new migration
 *   one-time-password <username>
 *                      a new one-time password for the account (shown once, must change at sign-in)
 */
import { openOrm, migrate } from '../db/orm';
import { DemoSeeder } from '../db/seeders/demo.seeder';
import { resetToOneTimePassword } from './first-admin';
import { createDatabaseIfMissing, databaseUrl, provisionPostgres } from './postgres';
import { ProvisionError } from './provision-error';

async function main(cmd: string | undefined): Promise<void> {
  const pg = await provisionPostgres(console.log, process.env.DESK_DB_NAME ?? 'hospital_desk');
  try {
    await createDatabaseIfMissing(pg.serverUrl, pg.database);
    const orm = await openOrm(databaseUrl(pg.serverUrl, pg.database));
    try {
      if (cmd === 'migrate') console.log('applied:', await migrate(orm));
      else if (cmd === 'seed') await orm.getSeeder().seed(DemoSeeder);
      else if (cmd === 'create-migration') {
        await migrate(orm);
        const m = await orm.getMigrator().createMigration(undefined, false, false);
        if (!m.fileName) console.log('entities match the schema: no migration needed');
        else console.log(`wrote db/migrations/${m.fileName}\nadd it to MIGRATIONS in db/migrations/index.ts`);
      } else if (cmd === 'one-time-password' && process.argv[3]) {
        const password = await resetToOneTimePassword(orm, process.argv[3]);
        if (!password) throw new ProvisionError(`no user ${process.argv[3]}`);
        console.log(`one-time password of ${process.argv[3]}: ${password}\n(shown only now; it must be changed at the next sign-in, and the account's sessions have ended)`);
      } else throw new ProvisionError('usage: tsx scripts/db.ts migrate|seed|create-migration|one-time-password <username>');
    } finally {
      await orm.close();
    }
  } finally {
    await pg.stop();
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e instanceof ProvisionError ? e.message : e);
  process.exit(1);
});
