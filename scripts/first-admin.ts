import { randomInt } from 'node:crypto';
import { hashPassword } from '../api/auth/password';
import { endSessionsOf } from '../api/auth/session';
import { User } from '../db/entities';
import type { Orm } from '../db/orm';

export const FIRST_ADMIN = 'admin';

// No 0/O, 1/l/I: read off a console and typed in once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five: about 116 bits, for one sign-in. */
export function oneTimePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}

/**
 * A production desk's first start: on a database without users, one admin with a random one-time
 * password, which must change at its first sign-in (until then that session may only change it).
 * The password is returned to be shown once on the console that started the desk; only its
 * hash is stored. Nothing happens where users exist.
 */
export async function provisionFirstAdmin(orm: Orm): Promise<{ username: string; password: string } | undefined> {
  const em = orm.em.fork();
  if ((await em.count(User, {})) > 0) return undefined;
  const password = oneTimePassword();
  em.create(User, { username: FIRST_ADMIN, displayName: '系统管理员', role: 'admin', passwordHash: await hashPassword(password), mustChangePassword: true });
  await em.flush();
  return { username: FIRST_ADMIN, password };
}

/**
 * A forgotten or lost password (the first-run one included): a new one-time password for the
 * account, shown once, which must change at the next sign-in; the account's sessions end.
 * `npx tsx scripts/db.ts one-time-password <username>` on the desk's machine.
 */
export async function resetToOneTimePassword(orm: Orm, username: string): Promise<string | undefined> {
  const em = orm.em.fork();
  const user = await em.findOne(User, { username });
  if (!user) return undefined;
  const password = oneTimePassword();
  em.assign(user, { passwordHash: await hashPassword(password), mustChangePassword: true });
  await em.flush();
  // Another process's API notices within SESSION_RECHECK_MS.
  await endSessionsOf(em, user.id);
  return password;
}
