import { Migration } from '@mikro-orm/migrations';
import { sqlFile } from '../sql/load';

/** A done task remembers the Update that completed it, so only that very request replays as done. */
export class Migration20261202060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tasks" add column "completed_update_id" varchar(200) null;`);
    this.addSql(sqlFile('projections.sql'));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tasks" drop column "completed_update_id";`);
  }
}
