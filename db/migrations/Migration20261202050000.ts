import { Migration } from '@mikro-orm/migrations';
import { sqlFile } from '../sql/load';

/** Notifications are stored as kind + params and read in the reader's language (domain/messages.ts). */
export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" add column "params" jsonb not null default '{}';`);
    this.addSql(`alter table "notifications" alter column "params" drop default;`);
    this.addSql(`alter table "notifications" drop column "message";`);
    this.addSql(sqlFile('projections.sql'));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" add column "message" text not null default '';`);
    this.addSql(`alter table "notifications" drop column "params";`);
  }
}
