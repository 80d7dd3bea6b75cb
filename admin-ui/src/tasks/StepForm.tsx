import Box from '@mui/material/Box';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton } from 'react-admin';
import type { FieldErrors } from '../common/errors';

/** A step form starts from its own defaults, never from a record around it. */
const NO_RECORD = {};

interface StepFormProps {
  defaultValues?: Record<string, unknown>;
  onSubmit: (values: Record<string, unknown>) => Promise<FieldErrors | undefined>;
  children: ReactNode;
  /** Defaults to a submit button that is always enabled. */
  toolbar?: ReactNode;
}

export const StepForm = ({ defaultValues, onSubmit, children, toolbar }: StepFormProps) => {
  // Defaults are taken once, when the form opens: react-admin resets a form whose defaults change,
  // and the ticket beside it refreshes every few seconds — that must never wipe what the user typed.
  const [initial] = useState(() => defaultValues ?? {});
  return (
    <Form record={NO_RECORD} defaultValues={initial} onSubmit={onSubmit}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>{children}</Box>
      <Box sx={{ mt: 2, display: 'flex', gap: 1, flexWrap: 'wrap' }}>{toolbar ?? <SaveButton label="desk.actions.submit" alwaysEnable />}</Box>
    </Form>
  );
};
