import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** The nursing systems a hospital runs, as chips labelled in the current locale. */
export const SystemChips = ({ source = 'systemCodes' }: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const codes: string[] = (record?.[source] as string[] | undefined) ?? [];
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {codes.map((code) => (
        <Chip key={code} size="small" variant="outlined" label={translate(`choices.system.${code}`, { _: code })} />
      ))}
    </Stack>
  );
};
