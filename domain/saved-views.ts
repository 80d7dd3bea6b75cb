import { z } from 'zod';
import { ROLES } from './roles';
import { printable } from './text';

/** The lists a view can be saved for. */
export const SAVED_VIEW_RESOURCES = ['tickets', 'tasks'] as const;
export type SavedViewResource = (typeof SAVED_VIEW_RESOURCES)[number];

/** Roles that may share a view with a whole role; anyone may keep their own. */
export const VIEW_SHARERS = ['manager', 'admin'] as const;

/** A view as saved: what the list applies when it is chosen. */
export const savedViewInput = z.object({
  // Messages are codes of domain/messages.ts.
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(100, 'field.too_long').refine(printable, 'field.control_chars'),
  resource: z.enum(SAVED_VIEW_RESOURCES),
  params: z
    .object({
      filter: z.record(z.string(), z.unknown()).default({}),
      sort: z.object({ field: z.string().max(64), order: z.enum(['ASC', 'DESC']) }).optional(),
      columns: z.array(z.string().max(64)).max(40).optional(),
    })
    // PostgreSQL's jsonb takes no NUL and no lone surrogate (JSON.stringify escapes both); a view is a few filters, not a document.
    .refine((p) => !/\\u(?:0000|d[89a-f])/i.test(JSON.stringify(p)), 'field.control_chars')
    .refine((p) => JSON.stringify(p).length <= 4000, 'field.too_long'),
  role: z.enum(ROLES).nullable().default(null),
});
export type SavedViewInput = z.infer<typeof savedViewInput>;
