import { Migration } from '@mikro-orm/migrations';

/** An Idempotency-Key is bound to whatever request first used it (a step, a note), not only to ticket creation. */
export class Migration20261202100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" add column "operation" varchar(200) not null default 'tickets.create:';`);
    this.addSql(`alter table "idempotency_keys" alter column "operation" drop default;`);
    this.addSql(`alter table "idempotency_keys" alter column "ticket_id" drop not null, alter column "intake" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "idempotency_keys" where "ticket_id" is null;`);
    this.addSql(`alter table "idempotency_keys" drop column "operation", alter column "ticket_id" set not null, alter column "intake" set not null;`);
  }
}
