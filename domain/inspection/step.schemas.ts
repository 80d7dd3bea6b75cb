import { z } from 'zod';
import { LIMITS, MAX_SIGNATURE_CHARS } from '../limits';
import type { MessageCode } from '../messages';
import { printable } from '../text';
import { CHECK_RESULTS } from './steps';

/** The bodies of the inspection's steps (issue 16, item 4): what the API checks and documents. */

const text = (max: number, required: MessageCode) => z.string({ error: required }).trim().min(1, required).max(max, 'field.too_long').refine(printable, 'field.control_chars');
const optionalText = (max: number) => z.string().trim().max(max, 'field.too_long').refine(printable, 'field.control_chars').nullable().optional();
const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const confirmInput = z.object({
  visitDate: z
    .string({ error: 'inspection.visit_date' })
    .regex(YMD, 'inspection.visit_date')
    // A day the calendar has (no 30 February).
    .refine((d) => !YMD.test(d) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'inspection.visit_date'),
  systemCodes: z.array(z.string().min(1).max(32), { error: 'inspection.systems' }).min(1, 'inspection.systems').max(10),
  note: optionalText(LIMITS.short),
});
export type ConfirmInput = z.infer<typeof confirmInput>;

export const checklistItemInput = z.object({
  key: z.string({ error: 'inspection.item_key' }).min(1, 'inspection.item_key').max(64),
  result: z.enum(CHECK_RESULTS, { error: 'inspection.result' }).optional(),
  finding: optionalText(LIMITS.short),
  value: z.number({ error: 'inspection.value_number' }).optional(),
  text: optionalText(LIMITS.text),
});
export const checklistInput = z.object({ items: z.array(checklistItemInput, { error: 'inspection.items' }).min(1, 'inspection.items').max(100) });
export type ChecklistInput = z.infer<typeof checklistInput>;

export const submitInput = z.object({ summary: text(LIMITS.text, 'inspection.summary'), advice: text(LIMITS.text, 'inspection.advice') });

export const reviewInput = z
  .object({ decision: z.enum(['approve', 'send_back'], { error: 'inspection.review_decision' }), note: optionalText(LIMITS.reason) })
  .refine((r) => r.decision === 'approve' || !!r.note, { path: ['note'], message: 'inspection.review_note' });
export type ReviewInput = z.infer<typeof reviewInput>;

export const signInput = z
  .object({
    decision: z.enum(['signed', 'refused'], { error: 'inspection.sign_decision' }),
    signerName: text(LIMITS.name, 'inspection.signer'),
    signature: z
      .string()
      .max(MAX_SIGNATURE_CHARS, 'signature.image_too_large')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'signature.image_png')
      .optional(),
    reason: optionalText(LIMITS.reason),
    reportHash: z.string({ error: 'inspection.report_hash' }).regex(/^[0-9a-f]{64}$/, 'inspection.report_hash'),
  })
  .refine((s) => s.decision === 'refused' || !!s.signature, { path: ['signature'], message: 'inspection.signature_required' })
  .refine((s) => s.decision === 'signed' || !!s.reason, { path: ['reason'], message: 'inspection.refuse_reason' });
export type SignInput = z.infer<typeof signInput>;

export const cancelInput = z.object({ note: text(LIMITS.reason, 'inspection.cancel_note') });
