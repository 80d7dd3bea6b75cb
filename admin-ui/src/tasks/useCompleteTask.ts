import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useNotify, useRedirect } from 'react-admin';
import { useServerErrorHandler, type FieldErrors } from '../common/errors';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { Task } from './types';

/** Where a step form reports that the step is no longer possible (409), to keep the reason on screen. */
export const StepConflictContext = createContext<((message: string) => void) | undefined>(undefined);

/**
 * Completes a task (POST /api/tasks/:id/complete) for a step form's onSubmit: on success, a message
 * and back to the request; on a refusal, field errors go back to the form (400/422) or a message says
 * why the step is no longer possible (409) or not allowed (403).
 */
export const useCompleteTask = (task: Task) => {
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const handleError = useServerErrorHandler(useContext(StepConflictContext));
  return useCallback(
    async (data: Record<string, unknown>, successMessage = 'desk.actions.submitted'): Promise<FieldErrors | undefined> => {
      try {
        await dataProvider.completeTask(task.id, data);
      } catch (error) {
        return handleError(error);
      }
      notify(successMessage, { type: 'success' });
      await queryClient.invalidateQueries();
      redirect('show', 'tickets', task.ticketId);
      return undefined;
    },
    [dataProvider, handleError, notify, queryClient, redirect, task.id, task.ticketId],
  );
};

/** Optional text: empty means absent. */
export const orNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : (value ?? null));

/** "2026-11-26T10:00" (a datetime-local value, local time) → "2026-11-26T10:00:00+08:00". */
export const toOffsetIso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
};

/** A time as a datetime-local input wants it: "2026-11-26T10:00" in local time. */
export const toLocalInput = (value: string | number | Date): string => {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
