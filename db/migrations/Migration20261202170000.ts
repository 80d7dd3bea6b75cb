import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from './Migration20261202090000';

/**
 * The inspection's steps (issue 16, items 4–5): what its workflow writes on the row (checklist,
 * compiled report, review, signature without its image), its append-only event log (whose
 * `archived` event anchors the archive record), the tickets raised from findings, and
 * notifications about an inspection instead of a ticket.
 */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inspections" add column "projection_seq" int not null default 0, add column "system_codes" jsonb null, add column "confirm_note" text null, add column "checklist" jsonb not null default '{}', add column "summary" text null, add column "advice" text null, add column "fault_summary" jsonb null, add column "storage" jsonb null, add column "report" jsonb null, add column "report_hash" varchar(64) null, add column "review" jsonb null, add column "signature" jsonb null, add column "return_note" jsonb null, add column "cancel_note" text null, add column "overdue_at" timestamptz null, add column "archive_seq" int null;`);

    this.addSql(`create table "inspection_events" ("id" bigserial primary key, "event_key" varchar(120) not null, "inspection_id" int not null, "seq" int not null, "type" varchar(48) not null, "actor_id" int null, "actor_role" varchar(32) null, "actor_name" varchar(100) null, "data" jsonb not null, "at" timestamptz not null);`);
    this.addSql(`alter table "inspection_events" add constraint "inspection_events_event_key_unique" unique ("event_key");`);
    this.addSql(`create index "inspection_events_inspection_id_seq_index" on "inspection_events" ("inspection_id", "seq");`);
    this.addSql(`alter table "inspection_events" add constraint "inspection_events_inspection_id_foreign" foreign key ("inspection_id") references "inspections" ("id") on update cascade;`);
    this.addSql(`create trigger "inspection_events_append_only" before update or delete on "inspection_events" for each row execute function "forbid_change"();`);
    this.addSql(`revoke update, delete, truncate on "inspection_events" from ${APP_ROLE};`);

    this.addSql(`create table "inspection_tickets" ("id" serial primary key, "inspection_id" int not null, "item_key" varchar(64) not null, "ticket_id" varchar(32) not null, "intake" jsonb not null, "created_by_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "inspection_tickets" add constraint "inspection_tickets_inspection_id_item_key_unique" unique ("inspection_id", "item_key");`);
    this.addSql(`alter table "inspection_tickets" add constraint "inspection_tickets_inspection_id_foreign" foreign key ("inspection_id") references "inspections" ("id") on update cascade;`);
    this.addSql(`alter table "inspection_tickets" add constraint "inspection_tickets_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "notifications" alter column "ticket_id" drop not null;`);
    this.addSql(`alter table "notifications" drop constraint "notifications_ticket_id_foreign";`);
    this.addSql(`alter table "notifications" add constraint "notifications_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notifications" add column "inspection_id" int null;`);
    this.addSql(`alter table "notifications" add constraint "notifications_inspection_id_foreign" foreign key ("inspection_id") references "inspections" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notifications" add constraint "notifications_about_one" check (("ticket_id" is null) <> ("inspection_id" is null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_about_one";`);
    this.addSql(`alter table "notifications" drop constraint "notifications_inspection_id_foreign";`);
    this.addSql(`alter table "notifications" drop column "inspection_id";`);
    this.addSql(`delete from "notifications" where "ticket_id" is null;`);
    this.addSql(`alter table "notifications" alter column "ticket_id" set not null;`);
    this.addSql(`alter table "notifications" drop constraint "notifications_ticket_id_foreign";`);
    this.addSql(`alter table "notifications" add constraint "notifications_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);
    this.addSql(`drop table if exists "inspection_tickets" cascade;`);
    this.addSql(`drop table if exists "inspection_events" cascade;`);
    this.addSql(`alter table "inspections" drop column "projection_seq", drop column "system_codes", drop column "confirm_note", drop column "checklist", drop column "summary", drop column "advice", drop column "fault_summary", drop column "storage", drop column "report", drop column "report_hash", drop column "review", drop column "signature", drop column "return_note", drop column "cancel_note", drop column "overdue_at", drop column "archive_seq";`);
  }
}
