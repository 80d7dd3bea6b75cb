import { randomInt } from 'node:crypto';
import { hashPassword } from '../api/auth/password';
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
