import { z } from 'zod';
import { CATEGORIES, CHANNELS, FAULT_LEVELS, MAINTENANCE_TYPES } from './catalogue';
import { NOTE_AUDIENCES } from './ticket';
import { LIMITS, MAX_SIGNATURE_CHARS } from './limits';
import type { MessageCode } from './messages';
import { printable } from './text';

// Messages are codes of domain/messages.ts; api/errors.ts adds the limits as params.
const text = (max: number, required: MessageCode) => z.string({ error: required }).trim().min(1, required).max(max, 'field.too_long').refine(printable, 'field.control_chars');
const optionalText = (max: number) => z.string().trim().max(max, 'field.too_long').refine(printable, 'field.control_chars').nullable().optional();
const faultLevel = z.literal(FAULT_LEVELS, { error: 'field.fault_level' });
const userId = (required: MessageCode) => z.number({ error: required }).int().positive();

/** What a dispatcher logging a call, or a hospital contact raising a request, fills in. */
export const createTicketBody = z.object({
  hospitalId: z.number({ error: 'ticket.hospital_required' }).int().positive(),
  departmentId: z.number().int().positive().nullable().optional(),
  systemCode: z.string({ error: 'ticket.system_required' }).min(1, 'ticket.system_required').max(32),
  channel: z.enum(CHANNELS, { error: 'ticket.channel_invalid' }),
  faultLevel: faultLevel.nullable().optional(),
  title: text(LIMITS.title, 'ticket.title_required'),
  description: text(LIMITS.text, 'ticket.description_required'),
  reporterName: text(LIMITS.name, 'ticket.reporter_required'),
  reporterPhone: z.string().trim().max(LIMITS.phone, 'field.too_long').regex(/^[0-9+\-() ]*$/, 'field.phone').nullable().optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

/** Triage (分诊): completes the problem ticket with a first analysis, the reply the SLA measures. */
export const triageInput = z.object({
  category: z.enum(CATEGORIES, { error: 'triage.category' }),
  maintenanceType: z.enum(MAINTENANCE_TYPES, { error: 'triage.maintenance_type' }),
  faultLevel,
  departmentId: z.number().int().positive().nullable().optional(),
  analysis: text(LIMITS.text, 'triage.analysis'),
  plan: text(LIMITS.text, 'triage.plan'),
  route: z.enum(['remote', 'onsite'], { error: 'triage.route' }),
  /** Remote: the engineer to try remotely. On-site: the engineer proposed to the dispatcher. */
  assigneeId: userId('triage.engineer'),
});
export type TriageInput = z.infer<typeof triageInput>;

/** Remote attempt (远程处理): resolved with a solution, or escalated to on-site with a reason. */
export const remoteAttemptInput = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('resolved'), actions: text(LIMITS.text, 'remote.actions'), solution: text(LIMITS.text, 'remote.solution') }),
    z.object({ outcome: z.literal('escalate'), actions: text(LIMITS.text, 'remote.actions'), reason: text(LIMITS.reason, 'remote.reason') }),
  ],
  { error: 'remote.outcome' },
);
export type RemoteAttemptInput = z.infer<typeof remoteAttemptInput>;

/** On-site dispatch approval (派工审批). */
export const dispatchDecisionInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), engineerId: userId('dispatch.engineer'), plan: text(LIMITS.reason, 'dispatch.plan') }),
    z.object({ decision: z.literal('send_back'), reason: text(LIMITS.reason, 'dispatch.reason') }),
  ],
  { error: 'dispatch.decision' },
);
export type DispatchDecisionInput = z.infer<typeof dispatchDecisionInput>;

export const checkInInput = z.object({ note: optionalText(LIMITS.short) });
export type CheckInInput = z.infer<typeof checkInInput>;

const isoDateTime = (required: MessageCode) => z.iso.datetime({ offset: true, error: required });

/** 系统维修单. */
export const repairFormInput = z
  .object({
    faultDescription: text(LIMITS.text, 'repair.fault'),
    cause: text(LIMITS.text, 'repair.cause'),
    handling: text(LIMITS.handling, 'repair.handling'),
    result: text(LIMITS.text, 'repair.result'),
    partsReplaced: optionalText(LIMITS.short),
    startedAt: isoDateTime('repair.started'),
    finishedAt: isoDateTime('repair.finished'),
  })
  .refine((f) => Date.parse(f.finishedAt) >= Date.parse(f.startedAt), { path: ['finishedAt'], message: 'repair.finish_before_start' });
export type RepairFormInput = z.infer<typeof repairFormInput>;


export { MAX_SIGNATURE_CHARS };

export const signatureInput = z.discriminatedUnion(
  'decision',
  [
    z.object({
      decision: z.literal('accept'),
      signerName: text(LIMITS.name, 'signature.signer'),
      signerDepartment: text(LIMITS.name, 'signature.department'),
      image: z
        .string({ error: 'signature.image_required' })
        .max(MAX_SIGNATURE_CHARS, 'signature.image_too_large')
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'signature.image_png'),
    }),
    z.object({ decision: z.literal('refuse'), reason: text(LIMITS.reason, 'signature.reason') }),
  ],
  { error: 'signature.decision' },
);
export type SignatureInput = z.infer<typeof signatureInput>;

/** Without an audience a staff note is internal and a hospital contact's for the hospital (the API decides). */
export const noteInput = z.object({ text: text(LIMITS.text, 'note.text'), audience: z.enum(NOTE_AUDIENCES, { error: 'note.audience' }).optional() });
export const reasonInput = z.object({ reason: text(LIMITS.reason, 'action.reason') });
export const reassignInput = z.object({ assigneeId: userId('reassign.assignee'), reason: text(LIMITS.reason, 'action.reason') });
export const levelInput = z.object({ faultLevel, reason: text(LIMITS.reason, 'action.reason') });
export const escalationAckInput = z.object({ note: text(LIMITS.reason, 'escalation.note') });
