import { Migration } from '@mikro-orm/migrations';

/** Reference data, users and sessions, SLA policies, tickets and their append-only event log. */
export class Migration20261126152056 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "hospitals" ("id" serial primary key, "code" varchar(32) not null, "name" varchar(200) not null, "address" varchar(300) null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "hospitals" add constraint "hospitals_code_unique" unique ("code");`);

    this.addSql(`create table "departments" ("id" serial primary key, "hospital_id" int not null, "name" varchar(100) not null);`);
    this.addSql(`alter table "departments" add constraint "departments_hospital_id_name_unique" unique ("hospital_id", "name");`);

    this.addSql(`create table "nursing_systems" ("code" varchar(32) not null, "name_zh" varchar(100) not null, "name_en" varchar(100) not null, constraint "nursing_systems_pkey" primary key ("code"));`);

    this.addSql(`create table "hospital_systems" ("id" serial primary key, "hospital_id" int not null, "system_code" varchar(32) not null, "version" varchar(50) null, "installed_at" date null);`);
    this.addSql(`alter table "hospital_systems" add constraint "hospital_systems_hospital_id_system_code_unique" unique ("hospital_id", "system_code");`);

    this.addSql(`create table "sla_policies" ("id" serial primary key, "name" varchar(100) not null, "hospital_id" int null, "level" smallint not null, "reply_seconds" int not null, "first_solution_seconds" int null, "warn_at" jsonb not null, "updated_at" timestamptz not null);`);

    this.addSql(`create table "users" ("id" serial primary key, "username" varchar(64) not null, "display_name" varchar(100) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact')) not null, "hospital_id" int null, "phone" varchar(32) null, "email" varchar(200) null, "active" boolean not null default true, "created_at" timestamptz not null);`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`create table "tickets" ("id" varchar(32) not null, "workflow_id" varchar(64) not null, "hospital_id" int not null, "department_id" int null, "system_code" varchar(32) not null, "channel" text check ("channel" in ('phone', 'im', 'email', 'portal', 'remote', 'onsite')) not null, "fault_level" smallint null, "title" varchar(200) not null, "description" text not null, "reporter_name" varchar(100) not null, "reporter_phone" varchar(32) null, "status" text check ("status" in ('open', 'resolved', 'archived', 'cancelled')) not null, "step" text check ("step" in ('intake', 'triage', 'remote', 'dispatch', 'onsite', 'signature', 'archived', 'cancelled')) not null, "received_at" timestamptz not null, "reply_due_at" timestamptz null, "created_by_id" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "tickets_pkey" primary key ("id"));`);
    this.addSql(`alter table "tickets" add constraint "tickets_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "tickets_hospital_id_received_at_index" on "tickets" ("hospital_id", "received_at");`);
    this.addSql(`create index "tickets_status_received_at_index" on "tickets" ("status", "received_at");`);

    this.addSql(`create table "ticket_events" ("id" bigserial primary key, "event_key" varchar(200) not null, "ticket_id" varchar(32) not null, "type" varchar(64) not null, "actor_id" int null, "actor_role" varchar(32) null, "actor_name" varchar(100) null, "data" jsonb not null, "at" timestamptz not null);`);
    this.addSql(`alter table "ticket_events" add constraint "ticket_events_event_key_unique" unique ("event_key");`);
    this.addSql(`create index "ticket_events_ticket_id_at_index" on "ticket_events" ("ticket_id", "at");`);

    this.addSql(`create table "user_sessions" ("token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "user_sessions_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "user_sessions_expires_at_index" on "user_sessions" ("expires_at");`);

    this.addSql(`alter table "departments" add constraint "departments_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade;`);

    this.addSql(`alter table "hospital_systems" add constraint "hospital_systems_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade;`);
    this.addSql(`alter table "hospital_systems" add constraint "hospital_systems_system_code_foreign" foreign key ("system_code") references "nursing_systems" ("code") on update cascade;`);

    this.addSql(`alter table "sla_policies" add constraint "sla_policies_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "users" add constraint "users_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "tickets" add constraint "tickets_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_department_id_foreign" foreign key ("department_id") references "departments" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "tickets" add constraint "tickets_system_code_foreign" foreign key ("system_code") references "nursing_systems" ("code") on update cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "ticket_events" add constraint "ticket_events_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);

    this.addSql(`alter table "user_sessions" add constraint "user_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    // One policy row per level, whether the vendor default (no hospital) or a hospital's contract.
    this.addSql(`create unique index "sla_policies_hospital_level_unique" on "sla_policies" (coalesce("hospital_id", 0), "level");`);
    // Serial part of ticket numbers: a sequence never hands out the same value twice, even across crashes.
    this.addSql(`create sequence "ticket_no_seq";`);
    // The event log is evidence for the hospital's supervision: the database itself refuses edits.
    this.addSql(`create function "forbid_change"() returns trigger language plpgsql as $$ begin raise exception '% is append-only', TG_TABLE_NAME; end $$;`);
    this.addSql(`create trigger "ticket_events_append_only" before update or delete on "ticket_events" for each row execute function "forbid_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "ticket_events_append_only" on "ticket_events";`);
    this.addSql(`drop function if exists "forbid_change"();`);
    this.addSql(`drop sequence if exists "ticket_no_seq";`);
    this.addSql(`drop index if exists "sla_policies_hospital_level_unique";`);
    this.addSql(`alter table "departments" drop constraint "departments_hospital_id_foreign";`);

    this.addSql(`alter table "hospital_systems" drop constraint "hospital_systems_hospital_id_foreign";`);

    this.addSql(`alter table "sla_policies" drop constraint "sla_policies_hospital_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_hospital_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_hospital_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_department_id_foreign";`);

    this.addSql(`alter table "hospital_systems" drop constraint "hospital_systems_system_code_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_system_code_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_created_by_id_foreign";`);

    this.addSql(`alter table "user_sessions" drop constraint "user_sessions_user_id_foreign";`);

    this.addSql(`alter table "ticket_events" drop constraint "ticket_events_ticket_id_foreign";`);

    this.addSql(`drop table if exists "hospitals" cascade;`);

    this.addSql(`drop table if exists "departments" cascade;`);

    this.addSql(`drop table if exists "nursing_systems" cascade;`);

    this.addSql(`drop table if exists "hospital_systems" cascade;`);

    this.addSql(`drop table if exists "sla_policies" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "tickets" cascade;`);

    this.addSql(`drop table if exists "ticket_events" cascade;`);

    this.addSql(`drop table if exists "user_sessions" cascade;`);
  }

}
