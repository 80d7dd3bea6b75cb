import { Migration } from '@mikro-orm/migrations';

/**
 * An inspection whose run ended failed (PostgreSQL refused one of its writes) says so on its row,
 * with the tickets' vocabulary (`workflow_state`), so the list and the board show it.
 */
export class Migration20261202180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inspections" add column "workflow_state" text check ("workflow_state" in ('missing', 'failed')) null, add column "workflow_state_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspections" drop column "workflow_state", drop column "workflow_state_at";`);
  }
}
