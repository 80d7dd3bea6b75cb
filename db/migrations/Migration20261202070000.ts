import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts of a production service (issue 14): the first-run admin must change its one-time
 * password, and a session unused for the idle limit ends (its last request is remembered).
 */
export class Migration20261202070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "must_change_password" boolean not null default false;`);
    this.addSql(`alter table "user_sessions" add column "last_seen_at" timestamptz not null default now();`);
    this.addSql(`alter table "user_sessions" alter column "last_seen_at" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_sessions" drop column "last_seen_at";`);
    this.addSql(`alter table "users" drop column "must_change_password";`);
  }
}
