import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export const StatCard = ({ label, value, tone = 'text.primary', action }: { label: string; value: ReactNode; tone?: string; action?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} aria-label={translate(label)} component="section">
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography variant="h3" component="p" sx={{ color: tone, fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Typography>
        {action}
      </CardContent>
    </Card>
  );
};
