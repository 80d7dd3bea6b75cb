import { useLocaleState, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { RecordCards } from '../common/ResponsiveList';
import { formatDateTime } from '../common/time';
import { SlaCell } from './SlaCell';
import { StepField } from './StepField';
import type { Ticket } from './types';

const breached = (t: Ticket) => t.status === 'open' && (t.replyBreached || t.solutionBreached);

/** The ticket list on a phone: one card per request, its title first, then number, step, clock and where. */
export const TicketCards = ({ showHospital }: { showHospital: boolean }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <RecordCards<Ticket>
      link="show"
      highlight={breached}
      primary={(t) => t.title}
      secondary={(t) => (
        <>
          <span>{t.id}</span>
          <StepField source="step" />
          <SlaCell source="urgency" />
        </>
      )}
      tertiary={(t) => (
        <span>
          {t.faultLevel ? translate(`choices.faultLevel.${t.faultLevel}`) : ''}
          {' · '}
          <ChoiceText group="system" value={t.systemCode} />
          {showHospital && t.hospitalName ? ` · ${t.hospitalName}` : ''}
          {' · '}
          {formatDateTime(t.receivedAt, locale)}
        </span>
      )}
    />
  );
};
