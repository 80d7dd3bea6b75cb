import { z } from 'zod';
import { LIMITS } from './limits';

/** A signed-in user changes their own password (POST /api/auth/password). */
export const changePasswordBody = z.object({
  currentPassword: z.string({ error: 'auth.current_password_required' }).min(1, 'auth.current_password_required').max(LIMITS.passwordMax, 'field.too_long'),
  newPassword: z.string({ error: 'auth.new_password_required' }).min(LIMITS.passwordMin, 'field.too_short').max(LIMITS.passwordMax, 'field.too_long'),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
