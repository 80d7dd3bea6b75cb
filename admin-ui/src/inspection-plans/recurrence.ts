import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { Recurrence } from '../../../domain/inspection/plan.schemas';

const pad = (n: number) => String(n).padStart(2, '0');

/** A plan's calendar in words: 每月1日 09:00, 每3个月 1日 09:00. */
export const useRecurrenceText = () => {
  const translate = useTranslate();
  return useCallback(
    (r: Recurrence | undefined) => {
      if (!r) return '';
      const args = { day: r.dayOfMonth, time: `${pad(r.hour)}:${pad(r.minute)}`, n: r.everyMonths };
      return translate(r.everyMonths === 1 ? 'desk.plans.monthly' : 'desk.plans.everyMonths', args);
    },
    [translate],
  );
};

/** The desk's wall clock now, "YYYY-MM-DDTHH:MM" (the browser runs in the hospital's time zone). */
export const wallClockNow = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
