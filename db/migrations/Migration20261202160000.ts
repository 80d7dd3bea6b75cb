import { Migration } from '@mikro-orm/migrations';

/** Planned services (issue 16): report templates by version, plans (one Temporal Schedule each), one occurrence per plan and month. */
export class Migration20261202160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inspection_templates" ("id" serial primary key, "code" text check ("code" in ('monthly_inspection', 'performance_analysis', 'security_check')) not null, "version" int not null, "title" varchar(200) not null, "sections" jsonb not null, "created_by_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "inspection_templates" add constraint "inspection_templates_code_version_unique" unique ("code", "version");`);

    this.addSql(`create table "inspection_plans" ("id" serial primary key, "hospital_id" int not null, "template_code" text check ("template_code" in ('monthly_inspection', 'performance_analysis', 'security_check')) not null, "system_codes" jsonb not null, "recurrence" jsonb not null, "engineer_id" int not null, "report_days" smallint not null, "start_date" varchar(10) not null, "catchup_days" smallint not null, "note" text null, "paused" boolean not null default false, "pause_note" text null, "created_by_id" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);

    this.addSql(`create table "inspections" ("id" serial primary key, "plan_id" int not null, "period" varchar(7) not null, "hospital_id" int not null, "workflow_id" varchar(64) not null, "template_code" text check ("template_code" in ('monthly_inspection', 'performance_analysis', 'security_check')) not null, "template_version" int not null, "engineer_id" int not null, "status" text check ("status" in ('planned', 'on_site', 'review', 'signature', 'archived', 'cancelled')) not null, "planned_date" varchar(10) not null, "visit_date" varchar(10) not null, "report_due_date" varchar(10) not null, "started_by" text check ("started_by" in ('schedule', 'catch_up', 'person')) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "inspections" add constraint "inspections_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "inspections_hospital_id_period_index" on "inspections" ("hospital_id", "period");`);
    this.addSql(`alter table "inspections" add constraint "inspections_plan_id_period_unique" unique ("plan_id", "period");`);

    this.addSql(`alter table "inspection_templates" add constraint "inspection_templates_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "inspection_plans" add constraint "inspection_plans_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade;`);
    this.addSql(`alter table "inspection_plans" add constraint "inspection_plans_engineer_id_foreign" foreign key ("engineer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "inspection_plans" add constraint "inspection_plans_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "inspections" add constraint "inspections_plan_id_foreign" foreign key ("plan_id") references "inspection_plans" ("id") on update cascade;`);
    this.addSql(`alter table "inspections" add constraint "inspections_hospital_id_foreign" foreign key ("hospital_id") references "hospitals" ("id") on update cascade;`);
    this.addSql(`alter table "inspections" add constraint "inspections_engineer_id_foreign" foreign key ("engineer_id") references "users" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspections" drop constraint "inspections_plan_id_foreign";`);

    this.addSql(`drop table if exists "inspection_templates" cascade;`);

    this.addSql(`drop table if exists "inspection_plans" cascade;`);

    this.addSql(`drop table if exists "inspections" cascade;`);
  }

}
