import { Migration } from '@mikro-orm/migrations';

/** A department's place in the hospital (building, floor), shown to the engineer at check-in. */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "departments" add column "address" varchar(300) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "departments" drop column "address";`);
  }
}
