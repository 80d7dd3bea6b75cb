import FormHelperText from '@mui/material/FormHelperText';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useInput, useTranslate } from 'react-admin';
import { CHECK_RESULTS, type CheckResult } from '../../../domain/inspection/steps';

const COLOUR: Record<CheckResult, 'success' | 'warning' | 'error'> = { ok: 'success', warning: 'warning', fault: 'error' };

/** 正常 / 警告 / 故障 as three big buttons (a thumb on site, not a dropdown). */
export const ResultToggleInput = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source, defaultValue: null });
  return (
    <>
      <ToggleButtonGroup
        exclusive
        fullWidth
        value={field.value ?? null}
        onChange={(_, v: CheckResult | null) => field.onChange(v)}
        aria-label={label}
        sx={{ mt: 0.5 }}
      >
        {CHECK_RESULTS.map((r) => (
          <ToggleButton key={r} value={r} color={COLOUR[r]} sx={{ minHeight: 48, fontSize: '1rem' }}>
            {translate(`choices.checkResult.${r}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {fieldState.error?.message && <FormHelperText error>{translate(fieldState.error.message, { _: fieldState.error.message })}</FormHelperText>}
    </>
  );
};
