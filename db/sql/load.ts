import fs from 'node:fs';
import path from 'node:path';

/** The text of one of db/sql/*.sql, for a migration to run. */
export function sqlFile(name: string): string {
  return fs.readFileSync(path.join(__dirname, name), 'utf8');
}
