import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Plain SQL through the request's or activity's EntityManager, for the few hot paths where the
 * ORM's query building costs more than the query. Driver errors come back as MikroORM's
 * exceptions, like every other query's, so "database down" is told apart the same way.
 */
export async function sql<T = Record<string, unknown>>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  try {
    // Inside `transactional`, on that transaction's connection.
    return await em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
  } catch (e) {
    throw em.getDriver().convertException(e as Error);
  }
}
