import { z } from 'zod';
import { ROLES } from './roles';

/** The lists a view can be saved for. */
export const SAVED_VIEW_RESOURCES = ['tickets', 'tasks'] as const;
export type SavedViewResource = (typeof SAVED_VIEW_RESOURCES)[number];

/** Roles that may share a view with a whole role; anyone may keep their own. */
export const VIEW_SHARERS = ['manager', 'admin'] as const;

/** A view as saved: what the list applies when it is chosen. */
export const savedViewInput = z.object({
  name: z.string().trim().min(1).max(100),
  resource: z.enum(SAVED_VIEW_RESOURCES),
  params: z
    .object({
      filter: z.record(z.string(), z.unknown()).default({}),
      sort: z.object({ field: z.string().max(64), order: z.enum(['ASC', 'DESC']) }).optional(),
      columns: z.array(z.string().max(64)).max(40).optional(),
    })
    .refine((p) => JSON.stringify(p).length <= 4000, { message: 'too large' }),
  role: z.enum(ROLES).nullable().default(null),
});
export type SavedViewInput = z.infer<typeof savedViewInput>;
