import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, SimpleList, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { SlaCell } from './SlaCell';
import { StepField } from './StepField';
import type { Ticket } from './types';

const breachedSx = (record: Ticket) => (record.status === 'open' && (record.replyBreached || record.solutionBreached) ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {});

/** The ticket list on a phone: one card per request, its title first, the number, step and clock under it. */
export const TicketCards = ({ showHospital }: { showHospital: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleList<Ticket>
      linkType="show"
      rowSx={breachedSx}
      primaryText={(t) => <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{t.title}</Typography>}
      secondaryText={(t) => (
        <Stack component="span" direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
          <span>{t.id}</span>
          {/* Fields read the record from context, as in the table. */}
          <RecordContextProvider value={t}>
            <StepField source="step" />
            <SlaCell source="replyDueAt" />
          </RecordContextProvider>
        </Stack>
      )}
      tertiaryText={(t) => (
        <span>
          {t.faultLevel ? translate(`choices.faultLevel.${t.faultLevel}`) : ''}
          {showHospital && t.hospitalName ? ` · ${t.hospitalName}` : ''}
          {t.systemCode ? ' · ' : ''}
          {t.systemCode && <ChoiceText group="system" value={t.systemCode} />}
        </span>
      )}
    />
  );
};
