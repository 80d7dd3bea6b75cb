import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { FieldTitle, required, useInput, useResourceContext, useTranslate, type Validator } from 'react-admin';

/** Seconds (the API's unit) as the hours and minutes a person enters; a remainder of seconds (test policies) shows as a fraction of a minute. */
export const splitSeconds = (seconds: unknown): { hours: string; minutes: string } => {
  if (seconds === null || seconds === undefined || seconds === '' || Number.isNaN(Number(seconds))) return { hours: '', minutes: '' };
  const s = Number(seconds);
  return { hours: String(Math.floor(s / 3600)), minutes: String(Math.round(((s % 3600) / 60) * 100) / 100) };
};
export const joinSeconds = (hours: string, minutes: string): number | null => {
  if (hours.trim() === '' && minutes.trim() === '') return null;
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  return Number.isFinite(h) && Number.isFinite(m) && h >= 0 && m >= 0 ? Math.round(h * 3600 + m * 60) : NaN;
};

const positive: Validator = (value: unknown) =>
  value === null || value === undefined ? undefined : Number.isNaN(value) || Number(value) <= 0 ? 'resources.sla-policies.hints.durationInvalid' : undefined;

/** A duration entered as hours and minutes, stored in seconds. */
const UNIT_LABELS = { hours: 'resources.sla-policies.hints.hours', minutes: 'resources.sla-policies.hints.minutesUnit' } as const;

export const DurationInput = ({ source, optional = false }: { source: string; optional?: boolean }) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { field, fieldState, isRequired } = useInput({ source, validate: optional ? [positive] : [required(), positive] });
  const [parts, setParts] = useState(() => splitSeconds(field.value));
  // A record loaded after the first render (edit) fills the boxes once.
  useEffect(() => {
    if (!Number.isNaN(field.value) && joinSeconds(parts.hours, parts.minutes) !== field.value) setParts(splitSeconds(field.value));
  }, [field.value]);

  const change = (next: { hours: string; minutes: string }) => {
    setParts(next);
    field.onChange(joinSeconds(next.hours, next.minutes));
  };
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Stack component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }} role="group" aria-label={translate(`resources.${resource}.fields.${source}`)}>
      <FormLabel component="legend" sx={{ fontSize: '0.8rem' }}>
        <FieldTitle source={source} resource={resource} isRequired={isRequired} />
      </FormLabel>
      <Stack direction="row" sx={{ gap: 1, mt: 0.5 }}>
        {(['hours', 'minutes'] as const).map((unit) => (
          <TextField
            key={unit}
            size="small"
            type="number"
            label={translate(UNIT_LABELS[unit])}
            value={parts[unit]}
            onChange={(e) => change({ ...parts, [unit]: e.target.value })}
            onBlur={field.onBlur}
            slotProps={{ htmlInput: { min: 0, step: 1 } }}
            sx={{ width: 110 }}
          />
        ))}
      </Stack>
      <FormHelperText error={!!error}>{error ? translate(error, { _: error }) : optional ? translate('resources.sla-policies.hints.optional') : ' '}</FormHelperText>
    </Stack>
  );
};
