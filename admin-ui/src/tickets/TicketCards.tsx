import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, RecordContextProvider, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { formatDateTime } from '../common/time';
import { SlaCell } from './SlaCell';
import { StepField } from './StepField';
import type { Ticket } from './types';

const breached = (t: Ticket) => t.status === 'open' && (t.replyBreached || t.solutionBreached);

/** The ticket list on a phone: one card per request, its title first, then number, step, clock and where. */
export const TicketCards = ({ showHospital }: { showHospital: boolean }) => {
  const { data = [] } = useListContext<Ticket>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <Stack sx={{ gap: 1, p: 1 }}>
      {data.map((t) => (
        <Card key={t.id} variant="outlined" component="article" aria-label={t.id} sx={breached(t) ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}>
          <CardActionArea component={Link} to={`/tickets/${encodeURIComponent(t.id)}/show`} sx={{ p: 1.5 }}>
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{t.title}</Typography>
            {/* Fields read the record from context, as in the table. */}
            <RecordContextProvider value={t}>
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
                <Typography variant="body2">{t.id}</Typography>
                <StepField source="step" />
                <SlaCell source="urgency" />
              </Stack>
            </RecordContextProvider>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
              {t.faultLevel ? translate(`choices.faultLevel.${t.faultLevel}`) : ''}
              {' · '}
              <ChoiceText group="system" value={t.systemCode} />
              {showHospital && t.hospitalName ? ` · ${t.hospitalName}` : ''}
              {' · '}
              {formatDateTime(t.receivedAt, locale)}
            </Typography>
          </CardActionArea>
        </Card>
      ))}
    </Stack>
  );
};
