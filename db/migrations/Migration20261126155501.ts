import { Migration } from '@mikro-orm/migrations';

/** Idempotency keys for ticket creation. */
export class Migration20261126155501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" ("user_id" int not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "ticket_id" varchar(32) not null, "intake" jsonb not null, "created_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("user_id", "key"));`);

    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }

}
