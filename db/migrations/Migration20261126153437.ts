import { Migration } from '@mikro-orm/migrations';

/** The service flow: tasks, escalations, notifications, the hash-chained archive, SLA columns. */
export class Migration20261126153437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "archive_records" ("seq" int not null, "ticket_id" varchar(32) not null, "archived_at" timestamptz not null, "outcome" varchar(32) not null, "ticket" jsonb not null, "repair_form" jsonb null, "signature" jsonb null, "history" jsonb not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "archive_records_pkey" primary key ("seq"));`);
    this.addSql(`alter table "archive_records" add constraint "archive_records_ticket_id_unique" unique ("ticket_id");`);

    this.addSql(`create table "tasks" ("id" varchar(48) not null, "ticket_id" varchar(32) not null, "kind" text check ("kind" in ('triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature', 'escalation')) not null, "candidate_role" text check ("candidate_role" in ('admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact')) not null, "assignee_id" int null, "status" text check ("status" in ('open', 'done', 'cancelled')) not null, "due_at" timestamptz null, "outcome" varchar(64) null, "completed_by_id" int null, "completed_at" timestamptz null, "created_at" timestamptz not null, constraint "tasks_pkey" primary key ("id"));`);
    this.addSql(`create index "tasks_status_candidate_role_index" on "tasks" ("status", "candidate_role");`);
    this.addSql(`create index "tasks_assignee_id_status_index" on "tasks" ("assignee_id", "status");`);

    this.addSql(`create table "notifications" ("id" varchar(80) not null, "ticket_id" varchar(32) not null, "recipient_id" int null, "recipient_role" text check ("recipient_role" in ('admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact')) null, "kind" varchar(48) not null, "message" text not null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_recipient_id_read_at_index" on "notifications" ("recipient_id", "read_at");`);
    this.addSql(`create index "notifications_recipient_role_created_at_index" on "notifications" ("recipient_role", "created_at");`);

    this.addSql(`create table "escalations" ("id" varchar(80) not null, "ticket_id" varchar(32) not null, "clock" text check ("clock" in ('reply', 'firstSolution')) not null, "fault_level" smallint not null, "due_at" timestamptz not null, "breached_at" timestamptz not null, "task_id" varchar(48) null, "acknowledged_by_id" int null, "acknowledged_at" timestamptz null, "note" text null, constraint "escalations_pkey" primary key ("id"));`);

    this.addSql(`alter table "tasks" add constraint "tasks_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);
    this.addSql(`alter table "tasks" add constraint "tasks_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "tasks" add constraint "tasks_completed_by_id_foreign" foreign key ("completed_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notifications" add constraint "notifications_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "escalations" add constraint "escalations_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade;`);
    this.addSql(`alter table "escalations" add constraint "escalations_task_id_foreign" foreign key ("task_id") references "tasks" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "escalations" add constraint "escalations_acknowledged_by_id_foreign" foreign key ("acknowledged_by_id") references "users" ("id") on update cascade on delete set null;`);

    // Existing policies get the default reminder intervals of their level, then the columns are required.
    this.addSql(`alter table "sla_policies" add column "unclaimed_reminder_seconds" int null, add column "signature_reminder_seconds" int null;`);
    this.addSql(`update "sla_policies" set "unclaimed_reminder_seconds" = (array[300, 600, 1800, 7200])["level"], "signature_reminder_seconds" = (array[14400, 28800, 86400, 172800])["level"];`);
    this.addSql(`alter table "sla_policies" alter column "unclaimed_reminder_seconds" set not null, alter column "signature_reminder_seconds" set not null;`);

    this.addSql(`alter table "tickets" add column "category" text check ("category" in ('fault_diagnosis', 'usage_guidance', 'maintenance_training', 'software_installation', 'data_correction', 'data_backup', 'data_recovery', 'interface_optimisation', 'module_change', 'interface_integration', 'system_inspection')) null, add column "maintenance_type" text check ("maintenance_type" in ('corrective', 'perfective', 'adaptive', 'preventive', 'consulting', 'training', 'periodic_exchange', 'documentation', 'policy_interface')) null, add column "assignee_id" int null, add column "reply_satisfied_at" timestamptz null, add column "reply_breached" boolean not null default false, add column "solution_due_at" timestamptz null, add column "solution_satisfied_at" timestamptz null, add column "solution_breached" boolean not null default false, add column "paused_since" timestamptz null, add column "closed_at" timestamptz null, add column "projection_seq" int not null default 0;`);
    this.addSql(`alter table "tickets" add constraint "tickets_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);

    // The archive is evidence: once written, the database itself refuses to change or remove it.
    this.addSql(`create trigger "archive_records_append_only" before update or delete on "archive_records" for each row execute function "forbid_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "archive_records_append_only" on "archive_records";`);
    this.addSql(`alter table "escalations" drop constraint "escalations_task_id_foreign";`);

    this.addSql(`drop table if exists "archive_records" cascade;`);

    this.addSql(`drop table if exists "tasks" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "escalations" cascade;`);

    this.addSql(`alter table "tickets" drop constraint "tickets_assignee_id_foreign";`);

    this.addSql(`alter table "sla_policies" drop column "unclaimed_reminder_seconds", drop column "signature_reminder_seconds";`);

    this.addSql(`alter table "tickets" drop column "category", drop column "maintenance_type", drop column "assignee_id", drop column "reply_satisfied_at", drop column "reply_breached", drop column "solution_due_at", drop column "solution_satisfied_at", drop column "solution_breached", drop column "paused_since", drop column "closed_at", drop column "projection_seq";`);
  }

}
