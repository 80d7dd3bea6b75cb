import { Migration } from '@mikro-orm/migrations';
import { sqlFile } from '../sql/load';

/**
 * Projections applied by one function call (db/sql/projections.sql): the API writes a step's
 * events while its user waits, and eight statements over the wire cost more than the step itself.
 */
export class Migration20261126190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(sqlFile('projections.sql'));
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "desk_apply_projections"(jsonb);`);
    this.addSql(`drop function if exists "desk_ts"(jsonb);`);
  }
}
