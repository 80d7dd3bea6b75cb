import { z } from 'zod';
import { FAULT_LEVELS, NURSING_SYSTEMS } from './catalogue';
import { ROLES } from './roles';

const text = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullable().optional();

const userFields = {
  displayName: text(100, 'Enter the name'),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
  hospitalId: z.number().int().positive().nullable().optional(),
  phone: z.string().trim().max(32).regex(/^[0-9+\-() ]*$/, 'Digits, spaces and + - ( ) only').nullable().optional(),
  email: z.union([z.email('Not an e-mail address'), z.literal('')]).nullable().optional(),
};

const password = z.string({ error: 'Set a password' }).min(10, 'At least 10 characters').max(256);

/** A hospital contact belongs to exactly one hospital; vendor staff to none. */
const hospitalMatchesRole = (u: { role: string; hospitalId?: number | null }) => (u.role === 'hospital_contact') === (u.hospitalId != null);
const hospitalRule = { path: ['hospitalId'], message: 'A hospital contact needs a hospital; vendor staff have none' };

export const createUserBody = z
  .object({
    username: z.string({ error: 'Enter a user name' }).trim().regex(/^[a-z0-9._-]{3,64}$/, '3–64 characters: a-z 0-9 . _ -'),
    ...userFields,
    password,
  })
  .refine(hospitalMatchesRole, hospitalRule);

export const updateUserBody = z
  .object({ ...userFields, active: z.boolean({ error: 'active must be true or false' }), password: password.optional().or(z.literal('')) })
  .refine(hospitalMatchesRole, hospitalRule);

const SYSTEM_CODES = NURSING_SYSTEMS.map((s) => s.code) as [string, ...string[]];

export const hospitalBody = z.object({
  code: z.string({ error: 'Enter a code' }).trim().regex(/^[A-Z0-9_-]{2,32}$/, '2–32 characters: A-Z 0-9 _ -'),
  name: text(200, 'Enter the hospital name'),
  address: optionalText(300),
  systemCodes: z.array(z.enum(SYSTEM_CODES, { error: 'Unknown system' }), { error: 'Choose the systems' }).max(SYSTEM_CODES.length).default([]),
});

export const departmentBody = z.object({
  hospitalId: z.number({ error: 'Choose the hospital' }).int().positive(),
  name: text(100, 'Enter the department name'),
});

const seconds = (what: string) => z.number({ error: `Enter ${what}` }).int(`${what} must be whole seconds`).min(1).max(30 * 24 * 3600);

export const slaPolicyBody = z
  .object({
    name: text(100, 'Enter a name'),
    hospitalId: z.number().int().positive().nullable().optional(),
    level: z.literal(FAULT_LEVELS, { error: 'Level must be 1, 2, 3 or 4' }),
    replySeconds: seconds('the reply time'),
    firstSolutionSeconds: seconds('the first-solution time').nullable().optional(),
    warnAt: z
      .array(z.number().gt(0, 'Between 0 and 1').lt(1, 'Between 0 and 1'), { error: 'Warning thresholds are fractions, e.g. [0.75]' })
      .max(5)
      .refine((a) => a.every((x, i) => i === 0 || x > a[i - 1]), 'Ascending, without repeats'),
    unclaimedReminderSeconds: seconds('the unclaimed-task reminder'),
    signatureReminderSeconds: seconds('the signature reminder'),
  })
  .refine((p) => p.firstSolutionSeconds == null || p.firstSolutionSeconds >= p.replySeconds, {
    path: ['firstSolutionSeconds'],
    message: 'The first solution cannot be due before the reply',
  });
