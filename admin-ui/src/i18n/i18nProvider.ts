import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { deepMerge } from './deepMerge';
import { domainEnglish } from './domain.en';
import { domainChinese } from './domain.zh-CN';
import { serverEnglish } from './server.en';
import { serverChinese } from './server.zh-CN';
import { chineseMessages } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

const english = deepMerge(deepMerge(englishMessages, domainEnglish), { server: serverEnglish });
// Layered over English so a key missing from the vendored translation (e.g. added by a react-admin upgrade)
// shows in English rather than as a raw key.
const chinese = deepMerge(deepMerge(deepMerge(englishMessages, chineseMessages), domainChinese), { server: serverChinese });

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? english : chinese),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);
