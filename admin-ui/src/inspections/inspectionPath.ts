import { useCallback } from 'react';
import { useResourceDefinitions } from 'react-admin';

/**
 * Where one inspection opens: its own page once the console has it, else the inspection list
 * showing just that one.
 */
export const useInspectionPath = () => {
  const definitions = useResourceDefinitions();
  const hasShow = !!definitions.inspections?.hasShow;
  return useCallback(
    (id: number) => (hasShow ? `/inspections/${id}/show` : `/inspections?${new URLSearchParams({ filter: JSON.stringify({ id: [id] }) })}`),
    [hasShow],
  );
};
