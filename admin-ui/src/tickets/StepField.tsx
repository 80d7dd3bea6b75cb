import Chip from '@mui/material/Chip';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { Step } from '../choices';
import type { Ticket } from './types';

const FINISHED_STEPS: ReadonlySet<Step> = new Set(['archived', 'cancelled']);

/** The ticket's current step as a chip, labelled in the current locale. */
export const StepField = ({ source = 'step', record }: FieldProps<Ticket>) => {
  const step: Step | undefined = useFieldValue({ source, record });
  const translate = useTranslate();
  if (!step) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={FINISHED_STEPS.has(step) ? 'default' : 'primary'}
      label={translate(`choices.step.${step}`, { _: step })}
    />
  );
};
