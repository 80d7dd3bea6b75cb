import { User } from '../db/entities';
import type { Orm } from '../db/orm';
import type { Actor } from '../domain/ticket';

export type Actors = Record<string, Actor>;

/** Every demo user as the workflow sees them. */
export async function loadActors(orm: Orm): Promise<Actors> {
  const users = await orm.em.fork().find(User, {});
  return Object.fromEntries(
    users.map((u) => [u.username, { userId: u.id, role: u.role, displayName: u.displayName, hospitalId: u.hospital?.id ?? null }]),
  );
}
