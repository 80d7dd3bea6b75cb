import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '../../domain/roles';
import { Hospital } from './hospital.entity';

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    username: p.string().length(64).unique(),
    displayName: p.string().length(100),
    /** scrypt hash in PHC-like form, see api/auth/password.ts. Never serialised. */
    passwordHash: p.string().length(255).hidden(),
    role: p.enum([...ROLES]),
    /** Set for hospital contacts only: the hospital whose tickets they may see and sign. */
    hospital: p.manyToOne(Hospital).ref().nullable(),
    phone: p.string().length(32).nullable(),
    email: p.string().length(200).nullable(),
    active: p.boolean().default(true),
    /** Set on the first-run admin's one-time password: until changed, the session may only change it. */
    mustChangePassword: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IUser = InferEntity<typeof User>;

export const UserSession = defineEntity({
  name: 'UserSession',
  tableName: 'user_sessions',
  properties: (p) => ({
    /** sha256 of the cookie token, so a leaked table cannot be replayed as sessions. */
    tokenHash: p.string().length(64).primary(),
    user: p.manyToOne(User).ref().deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
    /** Last request seen on this session, written at most once a minute: the idle timeout reads it. */
    lastSeenAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IUserSession = InferEntity<typeof UserSession>;
