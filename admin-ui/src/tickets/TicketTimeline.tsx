import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { POLL_MS, formatDateTime, formatDuration } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { ActorName } from '../common/people';
import { historyDownloadUrl } from '../dataProvider';
import { useSay } from '../i18n/said';
import type { TimelineEntry } from '../types';

/** Entries a person caused (or that open/close the run): shown prominently. The rest is the workflow's bookkeeping. */
const HUMAN_KINDS: ReadonlySet<TimelineEntry['kind']> = new Set(['started', 'step', 'step-refused', 'completed', 'failed']);
/** Steps without a person (e.g. the intake registration) are the system's. */
const isHuman = (e: TimelineEntry) => HUMAN_KINDS.has(e.kind) && !((e.kind === 'step' || e.kind === 'step-refused') && !e.actor);

/** Values in step data that are themselves choices, with the group that labels them. */
const CHOICE_FIELDS: Record<string, string> = {
  route: 'route',
  outcome: 'remoteOutcome',
  decision: 'decision',
  faultLevel: 'faultLevel',
  to: 'faultLevel',
  category: 'category',
  maintenanceType: 'maintenanceType',
  systemCode: 'system',
  channel: 'channel',
};
const SUMMARY_FIELDS = ['title', 'route', 'faultLevel', 'category', 'outcome', 'decision', 'analysis', 'plan', 'solution', 'reason', 'text', 'note', 'signerName', 'signerDepartment', 'result'];

const useSummary = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const colon = locale === 'en' ? ': ' : '：';
  return (entry: TimelineEntry): string[] => {
    const data = (entry.data ?? {}) as Record<string, unknown>;
    const inner = (data.data && typeof data.data === 'object' ? data.data : data) as Record<string, unknown>;
    const lines: string[] = [];
    for (const field of SUMMARY_FIELDS) {
      const value = inner[field];
      if (value === undefined || value === null || value === '') continue;
      let text = String(value);
      const group = CHOICE_FIELDS[field];
      if (group === 'decision') {
        text = translate(`choices.${entry.name === 'signature' ? 'signatureDecision' : 'dispatchDecision'}.${text}`, { _: text });
      } else if (group) {
        text = translate(`choices.${group}.${text}`, { _: text });
      }
      const labelKey = field === 'decision' && entry.name === 'signature' ? 'desk.fields.signatureDecision' : `desk.fields.${field}`;
      lines.push(`${translate(labelKey, { _: translate(`resources.tickets.fields.${field}`, { _: field }) })}${colon}${text}`);
    }
    return lines;
  };
};

const Entry = ({ entry, system }: { entry: TimelineEntry; system?: boolean }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const summary = useSummary();
  const say = useSay();
  const refused = entry.kind === 'step-refused' || entry.kind === 'failed' || entry.kind === 'activity-failed';
  const known = translate(`desk.timeline.names.${entry.name}`, { _: '' });
  const timer = entry.kind === 'timer' && typeof (entry.data as { seconds?: number } | undefined)?.seconds === 'number' ? ` ${formatDuration((entry.data as { seconds: number }).seconds * 1000, translate)}` : '';
  const name = known ? `${known}${timer}` : entry.name;
  const dot = refused ? 'error.main' : system ? 'grey.400' : entry.kind === 'completed' ? 'success.main' : 'primary.main';
  return (
    <Box component="li" sx={{ position: 'relative', ml: '-7px', pl: 3, pb: system ? 0.75 : 1.5, listStyle: 'none', opacity: system ? 0.65 : 1 }}>
      <Box sx={{ position: 'absolute', left: 0, top: 6, width: system ? 8 : 12, height: system ? 8 : 12, ml: system ? '2px' : 0, borderRadius: '50%', bgcolor: dot }} />
      <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant={system ? 'caption' : 'subtitle2'} sx={{ fontWeight: system ? 400 : 600 }}>
          {name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(entry.at, locale)}
        </Typography>
      </Stack>
      {!system && entry.actor !== undefined && (
        <Typography variant="body2" color="text.secondary">
          <ActorName actor={entry.actor} />
        </Typography>
      )}
      {!system &&
        summary(entry).map((line) => (
          <Typography key={line} variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {line}
          </Typography>
        ))}
      {entry.kind === 'step-refused' && entry.outcome && (
        <Typography variant="body2" color="error">
          {translate('desk.timeline.refused', { reason: entry.refusal ? say(entry.refusal) : entry.outcome })}
        </Typography>
      )}
      {entry.kind === 'activity-failed' && entry.outcome && (
        <Typography variant="caption" color="error" component="div">
          {entry.outcome}
        </Typography>
      )}
    </Box>
  );
};

/**
 * The ticket's story from its Temporal history: people's steps first-class, the workflow's own
 * records and timers greyed and folded away, the full audit record one click away as JSON.
 */
export const TicketTimeline = ({ ticketId }: { ticketId: string }) => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  const [showSystem, setShowSystem] = useState(false);
  const { data, error } = useQuery({
    queryKey: ['tickets', 'history', ticketId],
    queryFn: () => dataProvider.ticketHistory(ticketId),
    refetchInterval: POLL_MS,
  });
  const entries = data?.timeline ?? [];
  const systemCount = entries.filter((e) => !isHuman(e)).length;
  // System entries stay in their place in time, folded until asked for.
  const visible = showSystem ? entries : entries.filter(isHuman);
  return (
    <Section
      title="desk.timeline.title"
      actions={
        // The raw history is the vendor's (the API refuses it to hospital contacts).
        permissions !== 'hospital_contact' && (
          <Button size="small" startIcon={<DownloadIcon />} href={historyDownloadUrl(ticketId)} download>
            {translate('desk.actions.downloadAudit')}
          </Button>
        )
      }
    >
      {error ? (
        <Typography color="error" variant="body2">
          {(error as Error).message}
        </Typography>
      ) : !entries.length ? (
        <Typography variant="body2">{data ? translate('desk.timeline.empty') : translate('desk.common.loading')}</Typography>
      ) : (
        <>
          <Box component="ol" aria-label={translate('desk.timeline.title')} sx={{ m: 0, p: 0, borderLeft: 2, borderColor: 'divider', ml: '5px', pl: 0 }}>
            {visible.map((entry) => (
              <Entry key={entry.eventId} entry={entry} system={!isHuman(entry)} />
            ))}
          </Box>
          {systemCount > 0 && (
            <Button size="small" color="inherit" onClick={() => setShowSystem((s) => !s)} sx={{ mt: 1 }}>
              {showSystem ? translate('desk.timeline.hideSystem') : translate('desk.timeline.showSystem', { count: systemCount })}
            </Button>
          )}
        </>
      )}
    </Section>
  );
};
