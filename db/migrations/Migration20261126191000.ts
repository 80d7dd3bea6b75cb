import { Migration } from '@mikro-orm/migrations';

/** Indexes for the ticket list: newest first, and open tickets of one hospital (docs/benchmarks.md #4). */
export class Migration20261126191000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "tickets_received_at_id_index" on "tickets" ("received_at", "id");`);
    this.addSql(`create index "tickets_hospital_id_status_received_at_index" on "tickets" ("hospital_id", "status", "received_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "tickets_received_at_id_index";`);
    this.addSql(`drop index "tickets_hospital_id_status_received_at_index";`);
  }

}
