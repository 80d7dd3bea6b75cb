import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface SectionProps {
  /** Translation key of the heading. */
  title: string;
  titleArgs?: Record<string, unknown>;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}

/** A titled card: one part of a page (the ticket, its clocks, its timeline…). */
export const Section = ({ title, titleArgs, actions, children, id }: SectionProps) => {
  const translate = useTranslate();
  const heading = translate(title, titleArgs);
  return (
    <Card variant="outlined" component="section" aria-label={heading} id={id} sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            {heading}
          </Typography>
          {actions && <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>{actions}</Stack>}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};
