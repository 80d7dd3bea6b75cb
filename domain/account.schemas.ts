import { z } from 'zod';
import { LIMITS } from './limits';

/** A signed-in user changes their own password (POST /api/auth/password). */
export const changePasswordBody = z.object({
  currentPassword: z.string({ error: 'auth.current_password_required' }).min(1, 'auth.current_password_required').max(LIMITS.passwordMax, 'field.too_long'),
  newPassword: z.string({ error: 'auth.new_password_required' }).min(LIMITS.passwordMin, 'field.too_short').max(LIMITS.passwordMax, 'field.too_long'),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** A signed-in user's own contact details (PUT /api/auth/profile): empty clears one. */
export const profileBody = z
  .object({
    phone: z.string({ error: 'field.phone' }).trim().max(LIMITS.phone, 'field.too_long').regex(/^[0-9+\-() ]*$/, 'field.phone').nullable(),
    email: z.union([z.email('field.email').max(200, 'field.too_long'), z.literal('')]).nullable(),
  })
  .strict();
export type ProfileBody = z.infer<typeof profileBody>;
