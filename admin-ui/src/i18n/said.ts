import { useCallback } from 'react';
import { useLocaleState, useTranslate, type TranslateFunction } from 'react-admin';
import { isMessageCode, type ParamValue, type Said } from '../../../domain/messages';
import { formatDateTime } from '../common/time';

/** Params named after a vocabulary are shown in the reader's words (choices.<group>.<value>). */
const VOCABULARY: Record<string, string> = {
  role: 'role',
  status: 'status',
  taskStatus: 'taskStatus',
  kind: 'taskKind',
  expected: 'taskKind',
  level: 'faultLevel',
  clock: 'clock',
};

function localParams(params: Record<string, ParamValue>, translate: TranslateFunction, locale: string): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (VOCABULARY[name]) return [name, translate(`choices.${VOCABULARY[name]}.${value}`, { _: String(value) })];
      // "engineer or dispatcher", "dispatcher, manager"
      if (name === 'roles') return [name, String(value).split(/, | or /).map((r) => translate(`choices.role.${r}`, { _: r })).join(' / ')];
      if (name.endsWith('At')) return [name, formatDateTime(String(value), locale)];
      return [name, value];
    }),
  );
}

/** A thing the server said, in the reader's language. */
export function sayWith(translate: TranslateFunction, locale: string, s: Said): string {
  return translate(`server.${s.code}`, { ...localParams(s.params ?? {}, translate, locale), _: s.code });
}

/** What the server said in a body (`{ code, params }`), if it said it by code. */
export function saidIn(body: unknown): Said | undefined {
  const b = body && typeof body === 'object' ? (body as { code?: unknown; params?: Record<string, ParamValue> }) : undefined;
  return b && isMessageCode(b.code) ? { code: b.code, params: b.params } : undefined;
}

export const useSay = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return useCallback((s: Said) => sayWith(translate, locale, s), [translate, locale]);
};
