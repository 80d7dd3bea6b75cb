import fs from 'node:fs';
import path from 'node:path';
import { english, MESSAGES, said, type MessageCode } from '../../domain/messages';
import { serverChinese } from '../../admin-ui/src/i18n/server.zh-CN';
import { serverEnglish } from '../../admin-ui/src/i18n/server.en';

/**
 * The server speaks in codes (domain/messages.ts); the console's catalogues put them in words.
 * The type checker already refuses a catalogue missing a code; these check the words fit.
 */
const ROOT = path.resolve(__dirname, '../..');
const paramsOf = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]).sort();
const CODES = Object.keys(MESSAGES) as MessageCode[];

it('renders the English with its params, for API clients and logs', () => {
  expect(english(said('task.for_role', { role: 'dispatcher' }))).toBe('This task is for the dispatcher role');
  expect(english(said('notify.sla_warning', { ticketNo: 'SR-20261202-00001', clock: 'reply', dueAt: '2026-12-02T08:30:00.000Z', percent: 75 }))).toBe(
    'SR-20261202-00001: reply deadline 2026-12-02T08:30:00.000Z is 75% used',
  );
  expect(english({ code: 'auth.sign_in' })).toBe('Please sign in');
});

it.each(CODES)('%s: each language uses only the params the server sends', (code) => {
  const sent = paramsOf(MESSAGES[code], /\{(\w+)\}/g);
  expect(paramsOf(serverEnglish[code], /%\{(\w+)\}/g)).toEqual(sent);
  expect(sent).toEqual(expect.arrayContaining(paramsOf(serverChinese[code], /%\{(\w+)\}/g)));
  expect(serverChinese[code]).toMatch(/[\u4e00-\u9fff]/);
});

it('the console matches no English sentence of the server: it translates codes', () => {
  // Its own English catalogue may say the same words for its own hints; code is what is checked.
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && e.name !== 'domain.en.ts' ? [path.join(dir, e.name)] : []));
  const withoutComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const console = files(path.join(ROOT, 'admin-ui/src')).map((f) => withoutComments(fs.readFileSync(f, 'utf8'))).join('\n');
  const sentences = Object.values(MESSAGES).map((s) => s.split('{')[0].trim()).filter((s) => s.length >= 16);
  expect(sentences.length).toBeGreaterThan(80);
  expect(sentences.filter((s) => console.includes(s))).toEqual([]);
});
