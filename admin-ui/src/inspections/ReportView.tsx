import AddTaskIcon from '@mui/icons-material/AddTask';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNotify, useTranslate } from 'react-admin';
import type { ItemAnswer } from '../../../domain/inspection/steps';
import type { TemplateItem } from '../../../domain/inspection/templates';
import { ChoiceText } from '../common/ChoiceText';
import { useServerErrorHandler } from '../common/errors';
import { Section } from '../common/Section';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { InspectionDetail } from './types';

const RESULT_COLOUR = { ok: 'success', warning: 'warning', fault: 'error' } as const;
const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}/show`;
const TicketLink = ({ id }: { id: string }) => <Link to={ticketPath(id)}>{id}</Link>;

/** 生成服务请求 from a check marked 故障, or the request already raised from it. */
const FindingTicket = ({ inspection, item }: { inspection: InspectionDetail; item: TemplateItem }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const handleError = useServerErrorHandler();
  const [busy, setBusy] = useState(false);
  const linked = inspection.linkedTickets.find((t) => t.itemKey === item.key);
  if (linked) {
    return (
      <Typography variant="body2">
        {translate('desk.inspection.finding.linked')} <TicketLink id={linked.ticketId} />
      </Typography>
    );
  }
  if (!inspection.allowed.includes('finding_ticket')) return null;
  const raise = async () => {
    setBusy(true);
    try {
      const link = await dataProvider.inspectionFindingTicket(inspection.id, item.key);
      notify('desk.inspection.finding.raised', { type: 'success', messageArgs: { id: link.ticketId } });
      await queryClient.invalidateQueries();
    } catch (e) {
      handleError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" variant="outlined" color="error" startIcon={<AddTaskIcon />} onClick={raise} disabled={busy} sx={{ alignSelf: 'flex-start' }}>
      {translate('desk.inspection.finding.raise')}
    </Button>
  );
};

const Answer = ({ inspection, item, answer }: { inspection: InspectionDetail; item: TemplateItem; answer: ItemAnswer | undefined }) => {
  const translate = useTranslate();
  if (item.kind === 'check' && answer?.result) {
    return (
      <Stack sx={{ gap: 0.5 }}>
        <Chip size="small" color={RESULT_COLOUR[answer.result]} label={translate(`choices.checkResult.${answer.result}`)} sx={{ alignSelf: 'flex-start' }} />
        {answer.finding && <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{translate('desk.inspection.checklist.finding')}：{answer.finding}</Typography>}
        {answer.result === 'fault' && <FindingTicket inspection={inspection} item={item} />}
      </Stack>
    );
  }
  if (item.kind === 'measurement' && typeof answer?.value === 'number') return <Typography variant="body2">{answer.value} {item.unit}</Typography>;
  if (answer?.text) return <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{answer.text}</Typography>;
  if (item.compiled) return null;
  return <Typography variant="body2" color="text.secondary">{translate('desk.inspection.report.notAnswered')}</Typography>;
};

const TicketList = ({ label, ids }: { label: string; ids: string[] }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {translate(label, { n: ids.length })}
      {ids.length ? '：' : ''}
      {ids.map((id, n) => (
        <span key={id}>
          {n ? '、' : ''}
          <TicketLink id={id} />
        </span>
      ))}
    </Typography>
  );
};

/** 历史故障调查与问题汇总 as compiled at submit: counts, SLA breaches, repeats, still open, each request linked. */
const FaultSummaryView = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const f = inspection.faultSummary;
  if (!f) return <Typography variant="body2" color="text.secondary">{translate('desk.inspection.report.notCompiled')}</Typography>;
  return (
    <Stack sx={{ gap: 0.75 }} aria-label={translate('desk.inspection.report.faultSummary')} role="group">
      <Typography variant="body2">{translate('desk.inspection.report.total', { n: f.total })}</Typography>
      {f.total > 0 && (
        <>
      <Typography variant="body2">
        {translate('desk.inspection.report.byLevel')}：
        {f.byLevel.map((l, n) => (
          <span key={String(l.level)}>
            {n ? '，' : ''}
            {l.level === null ? translate('desk.dashboard.noLevel') : <ChoiceText group="faultLevel" value={l.level} />} {l.count}
          </span>
        ))}
      </Typography>
      <Typography variant="body2">
        {translate('desk.inspection.report.byCategory')}：
        {f.byCategory.map((c, n) => (
          <span key={String(c.category)}>
            {n ? '，' : ''}
            {c.category === null ? translate('desk.dashboard.uncategorised') : <ChoiceText group="category" value={c.category} />} {c.count}
          </span>
        ))}
      </Typography>
      <TicketList label="desk.inspection.report.breached" ids={f.breached} />
      <TicketList label="desk.inspection.report.repeats" ids={f.repeats.flatMap((r) => r.tickets)} />
      <TicketList label="desk.inspection.report.stillOpen" ids={f.stillOpen} />
        </>
      )}
      {f.tickets.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label={translate('desk.inspection.report.tickets')}>
          {f.tickets.map((t) => (
            <li key={t.id}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <TicketLink id={t.id} /> {t.title} · <ChoiceText group="faultLevel" value={t.faultLevel} /> · <ChoiceText group="status" value={t.status} />
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Stack>
  );
};

/** 业务存储容量需求分析 from the measurements entered. */
const StorageView = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const s = inspection.storage;
  if (!s) return <Typography variant="body2" color="text.secondary">{translate('desk.inspection.report.notCompiled')}</Typography>;
  return (
    <Stack sx={{ gap: 0.5 }} role="group" aria-label={translate('desk.inspection.report.storage')}>
      <Typography variant="body2">{translate('desk.inspection.report.storageUsed', { used: s.usedGb, total: s.totalGb, share: Math.round(s.usedShare * 100) })}</Typography>
      <Typography variant="body2">
        {s.growthGbPerMonth === null
          ? translate('desk.inspection.report.noForecast')
          : translate('desk.inspection.report.growth', { gb: s.growthGbPerMonth, since: s.since ?? '' }) +
            (s.monthsUntilFull === null ? '' : ` · ${translate('desk.inspection.report.monthsLeft', { n: s.monthsUntilFull })}`)}
      </Typography>
    </Stack>
  );
};

/** 巡检报告 as written so far: every item by section, the compiled parts, summary and advice. */
export const ReportView = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  return (
    <Section title="desk.inspection.report.title" titleArgs={{ title: inspection.template.title }}>
      <Stack sx={{ gap: 2 }}>
        {inspection.template.sections.map((s) => (
          <Box key={s.key} component="section" aria-label={s.title}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {s.title}
            </Typography>
            <Stack sx={{ gap: 1, mt: 0.5 }}>
              {s.items.map((item) => (
                <Box key={item.key} sx={{ minWidth: 0 }}>
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
                    {item.label}
                  </Typography>
                  {item.compiled === 'fault_summary' && <FaultSummaryView inspection={inspection} />}
                  {item.compiled === 'storage_capacity' && <StorageView inspection={inspection} />}
                  {item.key === 'summary' || item.key === 'advice' ? (
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {inspection[item.key] ?? translate('desk.inspection.report.notAnswered')}
                    </Typography>
                  ) : (
                    <Answer inspection={inspection} item={item} answer={inspection.checklist[item.key]} />
                  )}
                </Box>
              ))}
            </Stack>
          </Box>
        ))}
        {!inspection.template.sections.some((s) => s.items.some((i) => i.key === 'summary')) && inspection.summary && (
          <Box>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{translate('desk.inspection.summary')}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{inspection.summary}</Typography>
          </Box>
        )}
      </Stack>
    </Section>
  );
};
