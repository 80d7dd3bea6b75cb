import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatDuration, useNow } from '../common/time';
import type { SlaClockView, TicketWorkRecord } from './types';

type Tone = 'success' | 'warning' | 'error' | 'default';

interface ClockReading {
  tone: Tone;
  /** Share of the window left, 0..1 (for the bar). */
  left: number;
  text: string;
  badge?: 'breached' | 'met' | 'missed';
}

/**
 * Where a clock stands now. Colour by the share of the window left: green above half, orange
 * while any is left, red once the deadline has passed. While paused the countdown stands still.
 */
export const readClock = (
  clock: SlaClockView,
  now: number,
  paused: boolean,
  pausedSince: string | null | undefined,
  translate: ReturnType<typeof useTranslate>,
  locale: string,
): ClockReading => {
  const windowMs = clock.windowSeconds * 1000;
  if (clock.satisfiedAt) {
    const ok = clock.met !== false;
    return {
      tone: ok ? 'success' : 'error',
      left: 1,
      text: translate('desk.sla.satisfied', { time: formatDateTime(clock.satisfiedAt, locale) }),
      badge: ok ? 'met' : 'missed',
    };
  }
  // While paused the deadline moves with the clock: what is left stays what it was when it stopped.
  const reference = paused && pausedSince ? Date.parse(pausedSince) : now;
  const remaining = Date.parse(clock.dueAt) - reference;
  if (clock.breachedAt || remaining <= 0) {
    return { tone: 'error', left: 0, text: translate('desk.sla.overdue', { time: formatDuration(remaining, translate) }), badge: 'breached' };
  }
  const left = windowMs > 0 ? remaining / windowMs : 0;
  return {
    // A paused clock is not running out: no traffic-light colour while it stands still.
    tone: paused ? 'default' : left > 0.5 ? 'success' : 'warning',
    left,
    text: translate('desk.sla.remaining', { time: formatDuration(remaining, translate) }),
  };
};

const BADGE_COLOR = { breached: 'error', met: 'success', missed: 'error' } as const;

interface SlaClocksProps {
  sla: TicketWorkRecord['sla'];
  pausedSince?: string | null;
}

/** Live countdowns of the response commitments (答复 / 首次解决) from the workflow's clocks. */
export const SlaClocks = ({ sla, pausedSince }: SlaClocksProps) => {
  const now = useNow(1000);
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!sla.clocks.length) {
    return <Typography variant="body2">{translate('desk.sla.noClocks')}</Typography>;
  }
  return (
    <Stack spacing={2}>
      {sla.paused && <Chip color="default" variant="filled" label={translate('desk.sla.paused')} sx={{ alignSelf: 'flex-start', fontWeight: 600 }} />}
      {sla.clocks.map((clock) => {
        const reading = readClock(clock, now, sla.paused, pausedSince, translate, locale);
        const color = reading.tone === 'default' ? 'text.primary' : `${reading.tone}.main`;
        return (
          <Box key={clock.name} role="group" aria-label={translate(`choices.clock.${clock.name}`)}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="subtitle2">{translate(`choices.clock.${clock.name}`)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('desk.sla.window', { time: formatDuration(clock.windowSeconds * 1000, translate) })}
              </Typography>
              {reading.badge && (
                <Chip size="small" color={BADGE_COLOR[reading.badge]} label={translate(`desk.sla.${reading.badge}`)} />
              )}
            </Stack>
            <Typography variant="h6" sx={{ color, fontVariantNumeric: 'tabular-nums' }}>
              {reading.text}
            </Typography>
            {!clock.satisfiedAt && (
              <LinearProgress
                // Time left of the window: a gauge, not work in progress (a loading bar is a progressbar).
                role="meter"
                aria-label={translate(`choices.clock.${clock.name}`)}
                aria-valuetext={reading.text}
                variant="determinate"
                value={Math.max(0, Math.min(100, reading.left * 100))}
                color={reading.tone === 'default' ? 'inherit' : reading.tone}
                sx={{ height: 6, borderRadius: 3, my: 0.5 }}
              />
            )}
            <Typography variant="caption" color="text.secondary">
              {translate('desk.sla.due', { time: formatDateTime(clock.dueAt, locale) })}
            </Typography>
          </Box>
        );
      })}
      {sla.pausedMs > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('desk.sla.pausedFor', { time: formatDuration(sla.pausedMs, translate) })}
        </Typography>
      )}
    </Stack>
  );
};
