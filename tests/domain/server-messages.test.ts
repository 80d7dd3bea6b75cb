import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  EXACT_SERVER_MESSAGES,
  SERVER_MESSAGE_PATTERNS,
  translateFieldErrors,
  translateServerMessage,
} from '../../admin-ui/src/i18n/serverMessages';
import { createUserBody, departmentBody, hospitalBody, slaPolicyBody, updateUserBody } from '../../domain/admin.schemas';
import { STEP_CHECKS } from '../../domain/step-checks';
import { checkInInput, createTicketBody } from '../../domain/ticket.schemas';
import { STEP_CASES } from '../../harness/step-data';

/**
 * The console translates the server's English messages (admin-ui/src/i18n/serverMessages.ts). The
 * server's text is the contract, so the table must follow it: every exact message and every
 * template there must still be in the server's source, and what the server sends must translate.
 */
const ROOT = path.resolve(__dirname, '../..');
const ZH = 'zh-CN';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}
/** Everything whose messages can reach a user: the API, the domain rules and schemas, the workflow, the archive check. */
const FILES = [...['api', 'domain', 'workflows'].flatMap((d) => sourceFiles(path.join(ROOT, d))), path.join(ROOT, 'db/archive-chain.ts')];
const read = (file: string) => fs.readFileSync(file, 'utf8');
const SOURCE = FILES.map(read).join('\n');
const API_SOURCE = FILES.filter((f) => f.startsWith(path.join(ROOT, 'api') + path.sep)).map(read).join('\n');

const translated = (message: string) => translateServerMessage(message, ZH) !== message;
const HAN = /\p{Script=Han}/u;

describe('the table follows the server', () => {
  it('every exact message is one the server sends (a renamed server message fails here)', () => {
    const quoted = (m: string) => [`'${m}'`, `"${m}"`, `\`${m}\``].some((q) => SOURCE.includes(q));
    expect(Object.keys(EXACT_SERVER_MESSAGES).filter((m) => !quoted(m))).toEqual([]);
  });

  it('every template is still in the server source, and translates its example', () => {
    const stale = SERVER_MESSAGE_PATTERNS.filter((p) => p.origin !== 'zod' && !SOURCE.includes(p.origin)).map((p) => p.origin);
    expect(stale).toEqual([]);
    for (const p of SERVER_MESSAGE_PATTERNS) {
      expect(p.example).toMatch(p.pattern);
      expect(translateServerMessage(p.example, ZH)).toMatch(HAN);
    }
  });

  it("zod's default messages are matched as this zod version words them", () => {
    const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
    const zodMessages = new Set([
      ...issues(z.object({ departmentId: z.number().int().positive() }), { departmentId: 'x' }),
      ...issues(z.number().int().positive(), 0),
      ...issues(z.enum(['remote', 'onsite']), 'somewhere'),
      ...issues(z.string().max(32), 'x'.repeat(33)),
      ...issues(z.string().min(1), ''),
      ...issues(z.array(z.number()).max(5), [1, 2, 3, 4, 5, 6]),
      // As the real schemas send them.
      ...issues(createTicketBody, { departmentId: 0, systemCode: 'x'.repeat(33) }),
      ...issues(slaPolicyBody, { warnAt: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] }),
    ]);
    for (const p of SERVER_MESSAGE_PATTERNS.filter((q) => q.origin === 'zod')) expect(zodMessages).toContain(p.example);
    expect([...zodMessages].filter((m) => !translated(m))).toEqual([]);
  });
});

describe('what the server sends translates', () => {
  it('the literal messages the API throws', () => {
    const literals = [
      ...API_SOURCE.matchAll(/(?:forbidden|badRequest|bad\([\w']+,)\s*\(?'([^']+)'/g),
      ...API_SOURCE.matchAll(/ApiError\(\d+, '([^']+)'/g),
      // Field messages: unprocessable({ field: '…' }), badRequest(…, { [k]: '…' })
      ...API_SOURCE.matchAll(/(?:unprocessable\(|badRequest\(.*?, )\{ [\w'[\]-]+: '([^']+)' \}\)/g),
      // saveUnique(write, 'field', '…')
      ...API_SOURCE.matchAll(/\),\s*'\w+',\s*'([^']+)',?\s*\)/g),
      ...API_SOURCE.matchAll(/const DUPLICATE = '([^']+)'/g),
      ...API_SOURCE.matchAll(/\.(?:min|max)\(\d+, '([^']+)'\)/g),
    ].map((m) => m[1]);
    expect(literals.length).toBeGreaterThan(20);
    expect([...new Set(literals)].filter((m) => !translated(m))).toEqual([]);
  });

  it('every "… not found" the API can answer', () => {
    const nouns = [...API_SOURCE.matchAll(/(?:notFound\(|intParam\(c, '\w+', )'([^']+)'\)/g)].map((m) => m[1]);
    expect(nouns).toContain('Ticket');
    expect([...new Set(nouns)].filter((n) => !translated(`${n} not found`))).toEqual([]);
  });

  it("every refusal the workflow's rules return", () => {
    const rules = read(path.join(ROOT, 'domain/ticket-rules.ts'));
    const literals = [...rules.matchAll(/(?:return|\?|:) '([^']+)'/g)].map((m) => m[1]).filter((m) => /\s/.test(m));
    expect(literals.length).toBeGreaterThan(15);
    expect(literals.filter((m) => !translated(m))).toEqual([]);
  });

  // The shared samples, plus a check-in note of the wrong type: a non-string value is replaced by
  // a 9,000-character one below, which is what draws the length message.
  const STEPS: typeof STEP_CASES = [...STEP_CASES, ['check-in, note not a string', STEP_CHECKS.checkIn, checkInInput, { note: 1 }]];

  it('every per-field message of the step checks and the step schemas', () => {
    const messages = new Set<string>();
    const collect = (check: (d: unknown) => unknown, schema: z.ZodType, data: unknown) => {
      for (const m of Object.values((check(data) ?? {}) as Record<string, string>)) messages.add(m);
      for (const i of schema.safeParse(data).error?.issues ?? []) messages.add(i.message);
    };
    for (const [, check, schema, valid] of STEPS) {
      collect(check, schema, {});
      collect(check, schema, { ...valid, decision: 'maybe', outcome: 'maybe', faultLevel: 9, route: 'air', finishedAt: '2000-01-01T00:00:00Z' });
      for (const key of Object.keys(valid)) {
        collect(check, schema, Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)));
        collect(check, schema, { ...valid, [key]: typeof valid[key] === 'string' ? ' ' : 'x'.repeat(9000) });
      }
    }
    expect(messages.size).toBeGreaterThan(30);
    expect([...messages].filter((m) => !translated(m))).toEqual([]);
  });

  it('every per-field message of the request and administration schemas', () => {
    const messages = new Set<string>();
    const bad = { channel: 'fax', role: 'boss', email: 'nope', username: 'A', code: 'a', password: 'short', active: 'yes', systemCodes: ['x'], level: 9, warnAt: [2, 1], replySeconds: 1.5, firstSolutionSeconds: 0.5, reporterPhone: 'abc' };
    for (const schema of [createTicketBody, createUserBody, updateUserBody, hospitalBody, departmentBody, slaPolicyBody] as z.ZodType[]) {
      for (const data of [{}, bad, { role: 'hospital_contact', hospitalId: null }, { replySeconds: 600, firstSolutionSeconds: 60 }]) {
        for (const i of schema.safeParse(data).error?.issues ?? []) messages.add(i.message);
      }
    }
    expect(messages.size).toBeGreaterThan(20);
    expect([...messages].filter((m) => !translated(m))).toEqual([]);
  });
});

describe('translateServerMessage', () => {
  it('keeps the e2e-checked wording of the commonest conflict', () => {
    expect(translateServerMessage('This task is already done', ZH)).toBe('此任务已经完成（可能已由他人处理）');
    expect(translateServerMessage('This task is not yours to complete', ZH)).toBe('此任务不由您办理');
    expect(translateServerMessage('Please sign in', ZH)).toBe('请先登录');
  });

  it('translates templates and keeps their values', () => {
    expect(translateServerMessage('Too many failed sign-ins; try again in 15 min', ZH)).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(translateServerMessage('This needs one of the roles: dispatcher, manager', ZH)).toBe('此操作需要以下角色之一：服务工程师（调度）、服务经理');
    expect(translateServerMessage('Choose an active engineer', ZH)).toBe('请选择已启用的工程师');
    expect(translateServerMessage('At this step, choose an active engineer or dispatcher', ZH)).toBe('当前环节请选择已启用的工程师或服务工程师（调度）');
    expect(translateServerMessage('kind must be one of triage, remote, dispatch', ZH)).toBe('kind 必须是以下之一：triage, remote, dispatch');
    expect(translateServerMessage('Channel must be one of phone, email', ZH)).toBe('服务形式必须是以下之一：电话/400热线、邮件');
    expect(translateServerMessage('成都公卫中心 does not run this system', ZH)).toBe('成都公卫中心未使用该系统');
    expect(translateServerMessage('Task HSD-42-T3 is a remote task, not triage', ZH)).toBe('任务 HSD-42-T3 是“远程处理”任务，不是“分诊”任务');
    expect(translateServerMessage('The ticket is already level 1', ZH)).toBe('服务请求已是一级（紧急）');
    expect(translateServerMessage('At most 200 characters', ZH)).toBe('最多 200 个字符');
    expect(translateServerMessage('HSD-42: the hospital refused the repair form: 白板仍偶尔不刷新', ZH)).toBe('HSD-42：医院拒绝签字确认系统维修单：白板仍偶尔不刷新');
    // A value the console has no label for is kept as sent.
    expect(translateServerMessage('This task is for the auditor role', ZH)).toBe('此任务应由auditor办理');
  });

  it('returns unknown messages, and every message in English, unchanged', () => {
    for (const m of ['Something nobody wrote yet', 'Gizmo not found', 'The ticket is on fire', 'constructor', 'toString', '']) {
      expect(translateServerMessage(m, ZH)).toBe(m);
    }
    expect(translateServerMessage('This task is already done', 'en')).toBe('This task is already done');
    expect(translateServerMessage('Choose an active engineer', 'en')).toBe('Choose an active engineer');
  });

  it('translates each field of body.errors, nested or not', () => {
    const errors = { engineerId: 'Choose an active engineer', 'repair.cause': 'Record the cause', other: 'left as is', nested: { plan: 'Write the dispatch plan' } };
    expect(translateFieldErrors(errors, ZH)).toEqual({ engineerId: '请选择已启用的工程师', 'repair.cause': '请填写故障原因', other: 'left as is', nested: { plan: '请填写派工方案' } });
    expect(translateFieldErrors(errors, 'en')).toBe(errors);
  });
});
