import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';

/** Whether a user a step names exists, is active and has one of these roles. */
export async function isActiveIn(em: EntityManager, userId: number, roles: string[]): Promise<boolean> {
  // As bigint: the id comes from a request and may lie beyond the int column's range.
  const [u] = await sql<{ role: string }>(em, `select role from users where id = ?::bigint and active`, [userId]);
  return !!u && roles.includes(u.role);
}
