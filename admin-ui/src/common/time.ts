import { useEffect, useState } from 'react';
import type { TranslateFunction } from 'react-admin';

/** Re-renders every `intervalMs` with the current time: for countdowns. */
export const useNow = (intervalMs = 1000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};

/** "1 小时 5 分" / "1 h 5 min": the two largest units, enough for a deadline. */
export const formatDuration = (ms: number, translate: TranslateFunction): string => {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const units: [string, number][] = [
    ['days', Math.floor(total / 86400)],
    ['hours', Math.floor((total % 86400) / 3600)],
    ['minutes', Math.floor((total % 3600) / 60)],
    ['seconds', total % 60],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  if (first === -1) return translate('desk.duration.seconds', { n: 0 });
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => translate(`desk.duration.${unit}`, { n }))
    .join(' ');
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The one date format of the console, in every language and on every page: 2026-12-02 14:05, in
 * the browser's time zone (the hospital's). `locale` is kept for callers; the format does not vary.
 */
export const formatDateTime = (value: string | number | Date | null | undefined, _locale?: string): string => {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The same format without the year when it is this year's (12-02 14:05): dense lists; the full one on hover. */
export const formatShortDateTime = (value: string | number | Date | null | undefined): string => {
  const full = formatDateTime(value);
  return full.startsWith(`${new Date().getFullYear()}-`) ? full.slice(5) : full;
};

/** Polling interval for lists and show pages: work moved on by others appears without a reload. */
export const POLL_MS = 5000;
