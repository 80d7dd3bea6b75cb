import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { useServerErrorHandler, type FieldErrors } from '../common/errors';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { InspectionStepName } from './types';

/**
 * Sends one of the inspection's steps for a form's onSubmit: on success a message and the page
 * read again (the next step shows); on a refusal the field errors go back to the form.
 */
export const useInspectionStep = (id: number) => {
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const handleError = useServerErrorHandler();
  return useCallback(
    async (step: InspectionStepName, body: Record<string, unknown>, successMessage: string): Promise<FieldErrors | undefined> => {
      try {
        await dataProvider.inspectionStep(id, step, body);
      } catch (error) {
        return handleError(error);
      }
      notify(successMessage, { type: 'success' });
      await queryClient.invalidateQueries();
      return undefined;
    },
    [dataProvider, handleError, id, notify, queryClient],
  );
};
