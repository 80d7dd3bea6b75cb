import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126152056 } from './Migration20261126152056';

/** Every committed migration, oldest first. `npm run db:migration:create` prints the line to add. */
export const MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261126152056', class: Migration20261126152056 }];
