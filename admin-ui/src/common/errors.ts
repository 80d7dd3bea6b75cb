import { useCallback } from 'react';
import { HttpError, useNotify } from 'react-admin';

export type FieldErrors = Record<string, string>;

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

/**
 * What a step or action does when the server says no:
 * 400/422 → the field messages go back to the form (react-admin shows them under each input);
 * 409 → the step is no longer allowed (someone else was first): a warning with the reason;
 * 403 → not yours to do. Never a crash.
 */
export const useServerErrorHandler = (onConflict?: (message: string) => void) => {
  const notify = useNotify();
  return useCallback(
    (error: unknown): FieldErrors | undefined => {
      const status = statusOf(error);
      const body = (error as { body?: { message?: string; errors?: FieldErrors } } | null)?.body;
      // The data provider has put the server's message and field messages in the user's language.
      const message = body?.message ?? (error as Error)?.message ?? '';
      if ((status === 400 || status === 422) && body?.errors && Object.keys(body.errors).length) {
        notify('desk.errors.invalid', { type: 'error' });
        return body.errors;
      }
      if (status === 409) {
        notify('desk.errors.conflict', { type: 'warning', messageArgs: { message }, autoHideDuration: 10_000 });
        onConflict?.(message);
      } else if (status === 403) {
        notify('desk.errors.forbidden', { type: 'error', messageArgs: { message } });
      } else {
        notify('desk.errors.failed', { type: 'error', messageArgs: { message } });
      }
      return undefined;
    },
    [notify, onConflict],
  );
};
