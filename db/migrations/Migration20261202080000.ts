import { Migration } from '@mikro-orm/migrations';

/**
 * Lost workflows and dead workers (issue 14, item 4): the ticket's `workflow_state` mark set by
 * reconciliation, the manager's `workflow_lost` task kind, and the workers' heartbeat rows.
 */
export class Migration20261202080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "worker_heartbeats" ("id" varchar(200) not null, "task_queue" varchar(200) not null, "beat_at" timestamptz not null, "started_at" timestamptz not null, constraint "worker_heartbeats_pkey" primary key ("id"));`);
    this.addSql(`create index "worker_heartbeats_task_queue_beat_at_index" on "worker_heartbeats" ("task_queue", "beat_at");`);
    this.addSql(`alter table "tickets" add column "workflow_state" text check ("workflow_state" in ('missing', 'failed')) null, add column "workflow_state_at" timestamptz null;`);
    this.addSql(`alter table "tasks" drop constraint if exists "tasks_kind_check";`);
    this.addSql(`alter table "tasks" add constraint "tasks_kind_check" check("kind" in ('triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature', 'escalation', 'workflow_lost'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "worker_heartbeats" cascade;`);
    this.addSql(`alter table "tasks" drop constraint if exists "tasks_kind_check";`);
    this.addSql(`alter table "tasks" add constraint "tasks_kind_check" check("kind" in ('triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature', 'escalation'));`);
    this.addSql(`alter table "tickets" drop column "workflow_state", drop column "workflow_state_at";`);
  }
}
