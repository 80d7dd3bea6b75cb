import type { Role } from './choices';

/** What each role may do in the console. The API checks the same rules; the UI only hides what would be refused. */
export const isRole = (permissions: unknown, ...roles: Role[]): boolean => roles.includes(permissions as Role);

/** Vendor staff who coordinate: see every ticket, every task, the dashboard. */
export const COORDINATORS: Role[] = ['dispatcher', 'manager'];
/** May read the user directory (to pick an engineer). */
export const USER_READERS: Role[] = ['dispatcher', 'manager', 'admin'];
/** Who is shown the desk's internals (check codes, the process details): the people who audit. */
export const mayAudit = (role: unknown) => isRole(role, 'manager', 'admin');
export const mayReassign = (role: unknown) => isRole(role, 'dispatcher', 'manager');
export const mayChangeLevel = (role: unknown) => isRole(role, 'dispatcher', 'manager');
export const mayCancel = (role: unknown) => isRole(role, 'dispatcher', 'manager', 'hospital_contact');
export const mayHoldClock = (role: unknown) => isRole(role, 'dispatcher', 'manager', 'engineer');
