import Chip from '@mui/material/Chip';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { Step } from '../choices';
import type { Ticket } from './types';


/** The ticket's current step as a chip, labelled in the current locale. */
export const StepField = ({ source = 'step', record }: FieldProps<Ticket>) => {
  const step: Step | undefined = useFieldValue({ source, record });
  const translate = useTranslate();
  if (!step) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={step === 'archived' ? 'success' : step === 'cancelled' ? 'default' : 'primary'}
      label={translate(`choices.step.${step}`, { _: step })}
    />
  );
};
