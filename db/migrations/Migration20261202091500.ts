import { Migration } from '@mikro-orm/migrations';

/**
 * Signed checkpoints of the archive chain: each record's HMAC of its seq and hash under the key
 * only the worker and the API hold (DESK_ARCHIVE_KEY). Records archived before have none, and
 * the verifier says so (archive.checkpoint_missing).
 */
export class Migration20261202091500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "archive_records" add column "mac" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "archive_records" drop column "mac";`);
  }
}
