import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126152056 } from './Migration20261126152056';
import { Migration20261126153437 } from './Migration20261126153437';
import { Migration20261126155501 } from './Migration20261126155501';
import { Migration20261126190000 } from './Migration20261126190000';
import { Migration20261126191000 } from './Migration20261126191000';
import { Migration20261202050000 } from './Migration20261202050000';
import { Migration20261202060000 } from './Migration20261202060000';
import { Migration20261202070000 } from './Migration20261202070000';
import { Migration20261202080000 } from './Migration20261202080000';
import { Migration20261202090000 } from './Migration20261202090000';
import { Migration20261202091500 } from './Migration20261202091500';
import { Migration20261202100000 } from './Migration20261202100000';
import { Migration20261202110000 } from './Migration20261202110000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261202160000 } from './Migration20261202160000';
import { Migration20261202150000 } from './Migration20261202150000';
import { Migration20261202170000 } from './Migration20261202170000';
import { Migration20261202180000 } from './Migration20261202180000';

/** Every committed migration, oldest first. `npm run db:migration:create` prints the line to add. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126152056', class: Migration20261126152056 },
  { name: 'Migration20261126153437', class: Migration20261126153437 },
  { name: 'Migration20261126155501', class: Migration20261126155501 },
  { name: 'Migration20261126190000', class: Migration20261126190000 },
  { name: 'Migration20261126191000', class: Migration20261126191000 },
  { name: 'Migration20261202050000', class: Migration20261202050000 },
  { name: 'Migration20261202060000', class: Migration20261202060000 },
  { name: 'Migration20261202070000', class: Migration20261202070000 },
  { name: 'Migration20261202080000', class: Migration20261202080000 },
  { name: 'Migration20261202090000', class: Migration20261202090000 },
  { name: 'Migration20261202091500', class: Migration20261202091500 },
  { name: 'Migration20261202100000', class: Migration20261202100000 },
  { name: 'Migration20261202110000', class: Migration20261202110000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261202160000', class: Migration20261202160000 },
  { name: 'Migration20261202150000', class: Migration20261202150000 },
  { name: 'Migration20261202170000', class: Migration20261202170000 },
  { name: 'Migration20261202180000', class: Migration20261202180000 },
];
