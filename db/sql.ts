import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Plain SQL through the request's or activity's EntityManager (inside `transactional`, on that
 * transaction's connection), for the hot paths where the ORM's query building costs more than
 * the query. Parameters go to PostgreSQL as parameters: the ORM's own `execute` would inline them
 * into the SQL text, escaping every byte of a large JSON document on the way (the archive record's
 * history, a step's events). Driver errors come back as MikroORM's exceptions, like every other
 * query's, so "database down" is told apart the same way.
 */
export async function sql<T = Record<string, unknown>>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  try {
    const raw = em.getConnection().getKnex().raw(query, params as never[]);
    const tx = em.getTransactionContext();
    if (tx) raw.transacting(tx);
    return ((await raw) as { rows: T[] }).rows;
  } catch (e) {
    throw em.getDriver().convertException(e as Error);
  }
}
