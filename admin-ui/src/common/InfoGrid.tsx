import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface InfoItem {
  /** Translation key of the label. */
  label: string;
  value: ReactNode;
  /** Spans the whole row (long text). */
  wide?: boolean;
}

/** Label/value pairs laid out like a paper form: two columns on a wide screen, one on a phone. */
export const InfoGrid = ({ items }: { items: InfoItem[] }) => {
  const translate = useTranslate();
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3, rowGap: 1.5, m: 0 }}>
      {items
        .filter((item) => item.value !== undefined)
        .map((item) => (
          <Box key={item.label} sx={{ gridColumn: item.wide ? '1 / -1' : undefined, minWidth: 0 }}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {translate(item.label)}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.value === null || item.value === '' ? '—' : item.value}
            </Typography>
          </Box>
        ))}
    </Box>
  );
};
