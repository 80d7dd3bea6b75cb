import { z } from 'zod';
import { FAULT_LEVELS, NURSING_SYSTEMS } from './catalogue';
import { LIMITS } from './limits';
import type { MessageCode } from './messages';
import { printable } from './text';
import { ROLES } from './roles';

// Messages are codes of domain/messages.ts; api/errors.ts adds the limits as params.
const text = (max: number, required: MessageCode) => z.string({ error: required }).trim().min(1, required).max(max, 'field.too_long').refine(printable, 'field.control_chars');
const optionalText = (max: number) => z.string().trim().max(max, 'field.too_long').refine(printable, 'field.control_chars').nullable().optional();

const userFields = {
  displayName: text(LIMITS.name, 'user.name_required'),
  role: z.enum(ROLES, { error: 'user.role_invalid' }),
  hospitalId: z.number().int().positive().nullable().optional(),
  phone: z.string().trim().max(LIMITS.phone).regex(/^[0-9+\-() ]*$/, 'field.phone').nullable().optional(),
  email: z.union([z.email('field.email'), z.literal('')]).nullable().optional(),
};

const password = z.string({ error: 'user.password_required' }).min(LIMITS.passwordMin, 'field.too_short').max(LIMITS.passwordMax);

/** A hospital contact belongs to exactly one hospital; vendor staff to none. */
const hospitalMatchesRole = (u: { role: string; hospitalId?: number | null }) => (u.role === 'hospital_contact') === (u.hospitalId != null);
const hospitalRule = { path: ['hospitalId'], message: 'user.hospital_matches_role' };

export const createUserBody = z
  .object({
    username: z.string({ error: 'user.username_required' }).trim().regex(/^[a-z0-9._-]{3,64}$/, 'user.username_format'),
    ...userFields,
    password,
  })
  .refine(hospitalMatchesRole, hospitalRule);

export const updateUserBody = z
  .object({ ...userFields, active: z.boolean({ error: 'user.active_boolean' }), password: password.optional().or(z.literal('')) })
  .refine(hospitalMatchesRole, hospitalRule);

const SYSTEM_CODES = NURSING_SYSTEMS.map((s) => s.code) as [string, ...string[]];

export const hospitalBody = z.object({
  code: z.string({ error: 'hospital.code_required' }).trim().regex(/^[A-Z0-9_-]{2,32}$/, 'hospital.code_format'),
  name: text(LIMITS.hospitalName, 'hospital.name_required'),
  address: optionalText(LIMITS.address),
  systemCodes: z.array(z.enum(SYSTEM_CODES, { error: 'hospital.system_unknown' }), { error: 'hospital.systems_required' }).max(SYSTEM_CODES.length).default([]),
});

export const departmentBody = z.object({
  hospitalId: z.number({ error: 'ticket.hospital_required' }).int().positive(),
  name: text(LIMITS.name, 'department.name_required'),
  address: optionalText(LIMITS.address),
});

const seconds = z.number({ error: 'sla.seconds_required' }).int('sla.whole_seconds').min(1).max(30 * 24 * 3600);

export const slaPolicyBody = z
  .object({
    name: text(LIMITS.name, 'sla.name_required'),
    hospitalId: z.number().int().positive().nullable().optional(),
    level: z.literal(FAULT_LEVELS, { error: 'sla.level' }),
    replySeconds: seconds,
    firstSolutionSeconds: seconds.nullable().optional(),
    warnAt: z
      .array(z.number().gt(0, 'sla.warn_fraction').lt(1, 'sla.warn_fraction'), { error: 'sla.warn_list' })
      .max(5)
      .refine((a) => a.every((x, i) => i === 0 || x > a[i - 1]), 'sla.warn_ascending'),
    unclaimedReminderSeconds: seconds,
    signatureReminderSeconds: seconds,
  })
  .refine((p) => p.firstSolutionSeconds == null || p.firstSolutionSeconds >= p.replySeconds, {
    path: ['firstSolutionSeconds'],
    message: 'sla.solution_before_reply',
  });
