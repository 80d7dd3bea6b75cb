import { Migration } from '@mikro-orm/migrations';

/** Saved views of the lists (issue 15): a user's own, or shared with a role. */
export class Migration20261202110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "saved_views" ("id" serial primary key, "name" varchar(100) not null, "resource" text check ("resource" in ('tickets', 'tasks')) not null, "params" jsonb not null, "role" text check ("role" in ('admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact')) null, "created_by_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "saved_views_resource_role_index" on "saved_views" ("resource", "role");`);
    this.addSql(`create index "saved_views_resource_created_by_id_index" on "saved_views" ("resource", "created_by_id");`);

    this.addSql(`alter table "saved_views" add constraint "saved_views_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
  }
  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_views" cascade;`);
  }
}
