import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from './Migration20261202090000';

/**
 * Attachments (issue 15, item 5): their rows, the bytes of those kept in PostgreSQL, and the list
 * an archive record hashes. Once a ticket's record is written its attachments are fixed: the
 * trigger takes the shared side of the archive's lock (activities/archive.activities.ts), so an
 * upload either lands before the record lists the files or sees the record and is refused.
 */
export class Migration20261202150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stored_files" ("id" varchar(64) not null, "sha256" varchar(64) not null, "size" int not null, "bytes" bytea not null, "created_at" timestamptz not null, constraint "stored_files_pkey" primary key ("id"));`);

    this.addSql(`create table "attachments" ("id" serial primary key, "ticket_id" varchar(32) not null, "attached_to" text check ("attached_to" in ('request', 'note', 'repairForm')) not null, "ref" varchar(48) null, "uploaded_by_id" int not null, "filename" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage" varchar(16) not null, "file_id" varchar(64) not null, "visible_to_hospital" boolean not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "attachments_ticket_id_created_at_index" on "attachments" ("ticket_id", "created_at");`);

    this.addSql(`alter table "attachments" add constraint "attachments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "archive_records" add column "attachments" jsonb null;`);

    this.addSql(`create function "attachments_fixed_once_archived"() returns trigger language plpgsql as $$
declare
  of_ticket varchar(32) := case when TG_OP = 'DELETE' then old.ticket_id else new.ticket_id end;
begin
  perform pg_advisory_xact_lock_shared(7240001);
  if exists (select 1 from archive_records r where r.ticket_id = of_ticket) then
    raise exception 'ticket % is archived: its attachments are fixed', of_ticket using errcode = '55000';
  end if;
  return case when TG_OP = 'DELETE' then old else new end;
end $$;`);
    this.addSql(`create trigger "attachments_fixed_once_archived" before insert or update or delete on "attachments" for each row execute function "attachments_fixed_once_archived"();`);
    // Stored bytes never change: the app may add files, not rewrite or remove them.
    this.addSql(`revoke update, delete, truncate on "stored_files" from ${APP_ROLE};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stored_files" cascade;`);
    this.addSql(`drop table if exists "attachments" cascade;`);
    this.addSql(`drop function if exists "attachments_fixed_once_archived"();`);
    this.addSql(`alter table "archive_records" drop column "attachments";`);
  }
}
