import { Migration } from '@mikro-orm/migrations';

/** The role the API and the worker act as (db/orm.ts APP_ROLE); migrations run as the owner. */
export const APP_ROLE = 'desk_app';

/** The archive and the event log: the app may read and append, never change or remove. */
const APPEND_ONLY = ['archive_records', 'ticket_events'];

/**
 * The app's role: ordinary rights on ordinary tables, only SELECT and INSERT on the archive and
 * the event log, so a bug or an injected statement in the app cannot rewrite them (the
 * append-only triggers stay as a second wall). Roles belong to the cluster and several databases
 * (tests run them side by side) share it: created once, idempotently, granted per database.
 */
export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
begin
  if not exists (select from pg_roles where rolname = '${APP_ROLE}') then
    begin
      create role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole noinherit;
    exception when duplicate_object or unique_violation then null; -- another database's migration made it first
    end;
  end if;
  -- SET ROLE needs membership unless the owner is a superuser.
  if not (select rolsuper from pg_roles where rolname = current_user) and not pg_has_role(current_user, '${APP_ROLE}', 'member') then
    execute format('grant ${APP_ROLE} to %I', current_user);
  end if;
  execute format('grant connect on database %I to ${APP_ROLE}', current_database());
end $$;`);
    this.addSql(`grant usage on schema public to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};`);
    this.addSql(`grant usage, select, update on all sequences in schema public to ${APP_ROLE};`);
    // Tables and sequences later migrations create are the app's too; append-only ones revoke as here.
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to ${APP_ROLE};`);
    this.addSql(`alter default privileges in schema public grant usage, select, update on sequences to ${APP_ROLE};`);
    for (const table of APPEND_ONLY) this.addSql(`revoke update, delete, truncate on "${table}" from ${APP_ROLE};`);
    // Its bookkeeping is the owner's: the app never migrates.
    this.addSql(`revoke all on "mikro_orm_migrations" from ${APP_ROLE};`);
  }

  override async down(): Promise<void> {
    // The role stays: other databases on the cluster may use it.
    this.addSql(`alter default privileges in schema public revoke all on tables from ${APP_ROLE};`);
    this.addSql(`alter default privileges in schema public revoke all on sequences from ${APP_ROLE};`);
    this.addSql(`revoke all on all tables in schema public from ${APP_ROLE};`);
    this.addSql(`revoke all on all sequences in schema public from ${APP_ROLE};`);
    this.addSql(`revoke usage on schema public from ${APP_ROLE};`);
    this.addSql(`do $$ begin execute format('revoke connect on database %I from ${APP_ROLE}', current_database()); end $$;`);
  }
}
