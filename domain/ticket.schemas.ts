import { z } from 'zod';
import { CATEGORIES, CHANNELS, FAULT_LEVELS, MAINTENANCE_TYPES } from './catalogue';

const text = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullable().optional();
const faultLevel = z.literal(FAULT_LEVELS, { error: 'Fault level must be 1, 2, 3 or 4' });
const userId = (required: string) => z.number({ error: required }).int().positive();

/** What a dispatcher logging a call, or a hospital contact raising a request, fills in. */
export const createTicketBody = z.object({
  hospitalId: z.number({ error: 'Choose the hospital' }).int().positive(),
  departmentId: z.number().int().positive().nullable().optional(),
  systemCode: z.string({ error: 'Choose the system' }).min(1, 'Choose the system').max(32),
  channel: z.enum(CHANNELS, { error: `Channel must be one of ${CHANNELS.join(', ')}` }),
  faultLevel: faultLevel.nullable().optional(),
  title: text(200, 'Give the request a short title'),
  description: text(4000, 'Describe the problem'),
  reporterName: text(100, 'Who reported it?'),
  reporterPhone: z.string().trim().max(32, 'At most 32 characters').regex(/^[0-9+\-() ]*$/, 'Digits, spaces and + - ( ) only').nullable().optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

/** Triage (分诊): completes the problem ticket with a first analysis, the reply the SLA measures. */
export const triageInput = z.object({
  category: z.enum(CATEGORIES, { error: 'Choose the service category' }),
  maintenanceType: z.enum(MAINTENANCE_TYPES, { error: 'Choose the maintenance type' }),
  faultLevel,
  departmentId: z.number().int().positive().nullable().optional(),
  analysis: text(4000, 'Write the first analysis of the cause'),
  plan: text(4000, 'Write the plan'),
  route: z.enum(['remote', 'onsite'], { error: 'Choose remote or on-site' }),
  /** Remote: the engineer to try remotely. On-site: the engineer proposed to the dispatcher. */
  assigneeId: userId('Choose the engineer'),
});
export type TriageInput = z.infer<typeof triageInput>;

/** Remote attempt (远程处理): resolved with a solution, or escalated to on-site with a reason. */
export const remoteAttemptInput = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('resolved'), actions: text(4000, 'Record what was done'), solution: text(4000, 'Record the solution') }),
    z.object({ outcome: z.literal('escalate'), actions: text(4000, 'Record what was done'), reason: text(2000, 'Why is on-site service needed?') }),
  ],
  { error: 'Outcome must be resolved or escalate' },
);
export type RemoteAttemptInput = z.infer<typeof remoteAttemptInput>;

/** On-site dispatch approval (派工审批). */
export const dispatchDecisionInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), engineerId: userId('Choose the on-site engineer'), plan: text(2000, 'Write the dispatch plan') }),
    z.object({ decision: z.literal('send_back'), reason: text(2000, 'Why is it sent back?') }),
  ],
  { error: 'Decision must be approve or send_back' },
);
export type DispatchDecisionInput = z.infer<typeof dispatchDecisionInput>;

export const checkInInput = z.object({ note: optionalText(1000) });
export type CheckInInput = z.infer<typeof checkInInput>;

const isoDateTime = (required: string) => z.iso.datetime({ offset: true, error: required });

/** 系统维修单. */
export const repairFormInput = z
  .object({
    faultDescription: text(4000, 'Describe the fault'),
    cause: text(4000, 'Record the cause'),
    handling: text(8000, 'Record the handling process'),
    result: text(4000, 'Record the result'),
    partsReplaced: optionalText(1000),
    startedAt: isoDateTime('When did the work start?'),
    finishedAt: isoDateTime('When did the work finish?'),
  })
  .refine((f) => Date.parse(f.finishedAt) >= Date.parse(f.startedAt), { path: ['finishedAt'], message: 'Finish cannot be before start' });
export type RepairFormInput = z.infer<typeof repairFormInput>;

import { MAX_SIGNATURE_CHARS } from './ticket.schemas.limits';

export { MAX_SIGNATURE_CHARS };

export const signatureInput = z.discriminatedUnion(
  'decision',
  [
    z.object({
      decision: z.literal('accept'),
      signerName: text(100, 'Who signs?'),
      signerDepartment: text(100, 'Which department?'),
      image: z
        .string({ error: 'Sign on the pad' })
        .max(MAX_SIGNATURE_CHARS, 'Signature image too large')
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'Signature must be a PNG image'),
    }),
    z.object({ decision: z.literal('refuse'), reason: text(2000, 'Why is the repair form refused?') }),
  ],
  { error: 'Decision must be accept or refuse' },
);
export type SignatureInput = z.infer<typeof signatureInput>;

export const noteInput = z.object({ text: text(4000, 'Write the note') });
export const reasonInput = z.object({ reason: text(2000, 'Give a reason') });
export const reassignInput = z.object({ assigneeId: userId('Choose the new assignee'), reason: text(2000, 'Give a reason') });
export const levelInput = z.object({ faultLevel, reason: text(2000, 'Give a reason') });
export const escalationAckInput = z.object({ note: text(2000, 'Record what you did about it') });
