import { z } from '@hono/zod-openapi';
import { MESSAGES, type MessageCode } from '../domain/messages';

/** What the server says: a code of domain/messages.ts, its params, and the English sentence. */
export const SaidSchema = z
  .object({
    code: z.enum(Object.keys(MESSAGES) as [MessageCode, ...MessageCode[]]),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    message: z.string(),
  })
  .openapi('Said');

/** Every error answer (api/errors.ts onError): what went wrong and, for a form, what is wrong with each field. */
export const ErrorSchema = SaidSchema.extend({
  errors: z.record(z.string(), SaidSchema).optional().openapi({ description: 'Field (dotted path, parameter or header name) → what is wrong with it' }),
}).openapi('Error');
