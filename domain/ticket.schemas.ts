import { z } from 'zod';
import { CHANNELS, FAULT_LEVELS } from './catalogue';

const trimmed = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, `At most ${max} characters`);

/** What a dispatcher logging a call, or a hospital contact raising a request, fills in. */
export const createTicketBody = z.object({
  hospitalId: z.number({ error: 'Choose the hospital' }).int().positive(),
  departmentId: z.number().int().positive().nullable().optional(),
  systemCode: z.string({ error: 'Choose the system' }).min(1, 'Choose the system').max(32),
  channel: z.enum(CHANNELS, { error: `Channel must be one of ${CHANNELS.join(', ')}` }),
  faultLevel: z.literal(FAULT_LEVELS, { error: 'Fault level must be 1, 2, 3 or 4' }).nullable().optional(),
  title: trimmed(200, 'Give the request a short title'),
  description: trimmed(4000, 'Describe the problem'),
  reporterName: trimmed(100, 'Who reported it?'),
  reporterPhone: z.string().trim().max(32, 'At most 32 characters').regex(/^[0-9+\-() ]*$/, 'Digits, spaces and + - ( ) only').nullable().optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;
