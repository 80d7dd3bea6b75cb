import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * The rows of one query, `pageSize` at a time, through a server-side cursor: however many rows
 * match, only one page is in memory, and all pages come from one snapshot (a read-only repeatable
 * read transaction), so an export is the list as it stood when it began. Stopping early (the
 * client went away) ends the transaction.
 */
export async function* cursorPages<T>(em: EntityManager, query: { sql: string; params: readonly unknown[] }, pageSize = 500): AsyncGenerator<T[]> {
  const trx = await em.getConnection().getKnex().transaction();
  try {
    await trx.raw('set transaction isolation level repeatable read, read only');
    await trx.raw(`declare desk_export no scroll cursor for ${query.sql}`, query.params as readonly Knex.RawBinding[]);
    for (;;) {
      const { rows } = (await trx.raw(`fetch forward ${Number(pageSize)} from desk_export`)) as { rows: T[] };
      if (rows.length) yield rows;
      if (rows.length < pageSize) break;
    }
    await trx.commit();
  } finally {
    if (!trx.isCompleted()) await trx.rollback();
  }
}
