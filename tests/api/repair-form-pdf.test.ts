import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driveOnsiteFlows } from '../../harness/flow-driver';
import { ApiSession } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';
import { accept, repairForm } from '../../harness/step-data';

let stack: Stack;
let ticketId: string;
let manager: ApiSession;
let engineer: ApiSession;
let contact: ApiSession;
let otherContact: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  const report = await driveOnsiteFlows({ baseUrl: stack.baseUrl, flows: 1, concurrency: 1, runId: `pdf-${Date.now()}`, deadline: Date.now() + 120_000, log: () => {} });
  expect(report.failures).toEqual([]);
  ticketId = report.tickets[0];
  [manager, engineer, contact, otherContact] = await Promise.all(['manager', 'engineer', 'cdphc', 'demo2'].map((u) => ApiSession.login(stack.baseUrl, u)));
}, 180_000);
afterAll(() => stack?.stop());

/** The PDF's bytes, as the browser downloads them. */
async function download(session: ApiSession, id: string) {
  const res = await session.request<string>('GET', `/api/tickets/${id}/repair-form.pdf`);
  return res;
}

async function pdfBytes(session: ApiSession, id: string): Promise<Buffer> {
  // ApiSession reads bodies as text; the PDF needs its bytes, so fetch with the same cookie.
  const cookie = (session as unknown as { cookie: string }).cookie;
  const res = await fetch(`${stack.baseUrl}/api/tickets/${id}/repair-form.pdf`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toContain(`${id}-repair-form.pdf`);
  return Buffer.from(await res.arrayBuffer());
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repair-form-'));
  const file = path.join(dir, 'form.pdf');
  fs.writeFileSync(file, bytes);
  // Kept as an artifact next to the screenshots: a person can open the form the test read.
  fs.mkdirSync('test-artifacts', { recursive: true });
  fs.copyFileSync(file, path.join('test-artifacts', 'repair-form.pdf'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the signed repair form (系统维修单) as a PDF', () => {
  let text: string;
  let code: string;

  it('holds the form’s Chinese fields, what the engineer wrote, the signer and a verification code', async () => {
    const bytes = await pdfBytes(contact, ticketId);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    text = pdfText(bytes);
    for (const label of ['系统维修单', '服务请求编号', '医院', '系统', '故障描述', '故障原因', '处理过程', '处理结果', '开始时间', '完成时间', '现场服务工程师', '签字人', '签字时间', '签名', '验证码']) {
      expect(text).toContain(label);
    }
    const form = repairForm();
    for (const written of [form.faultDescription, form.cause, form.result, ticketId, accept.signerName, accept.signerDepartment, '张工']) expect(text).toContain(written);
    const found = /验证码\s+([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text);
    expect(found).not.toBeNull();
    code = found![1];
    // The fonts are embedded (a subset), so any reader shows the Chinese.
    const fonts = execFileSync('pdffonts', [path.join('test-artifacts', 'repair-form.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJKsc-Regular/);
    expect(fonts.split('\n').filter((l) => /Noto/.test(l)).every((l) => /\byes\s+yes\b/.test(l))).toBe(true);
  });

  it('its verification code resolves to the archive record, for whoever may see the ticket', async () => {
    const record = await manager.get<{ id: number; hash: string }[]>('/api/archive-records', { filter: { ticketId } });
    expect(record.body).toHaveLength(1);
    for (const session of [contact, manager, engineer]) {
      // Typed from paper: any case, spaces for dashes.
      const res = await session.request<Record<string, unknown>>('GET', `/api/verify/${encodeURIComponent(code.toLowerCase().replace('-', ' '))}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code, ticketId, archiveSeq: record.body[0].id, signerName: accept.signerName, signerDepartment: accept.signerDepartment, verified: true });
      expect(typeof res.body.hospitalName).toBe('string');
      expect(Date.parse(String(res.body.signedAt))).not.toBeNaN();
    }
    // Chain details are the vendor's.
    expect((await contact.request<Record<string, unknown>>('GET', `/api/verify/${code}`)).body).not.toHaveProperty('problems');
    expect((await manager.request<Record<string, unknown>>('GET', `/api/verify/${code}`)).body).toMatchObject({ problems: [] });
  });

  it('another hospital’s contact gets 404 for both the PDF and the code', async () => {
    expect((await download(otherContact, ticketId)).status).toBe(404);
    expect((await otherContact.request('GET', `/api/verify/${code}`)).status).toBe(404);
  });

  it('a code that is no record is 404, one that cannot be a code is 400', async () => {
    const wrong = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    expect((await manager.request('GET', `/api/verify/${wrong}`)).status).toBe(404);
    const bad = await manager.request<{ code: string }>('GET', '/api/verify/not-a-code');
    expect([bad.status, bad.body.code]).toEqual([400, 'verification.code_format']);
  });

  it('a ticket not signed yet is 409', async () => {
    const created = await contact.post<{ id: string }>('/api/tickets', newTicketBody({ title: '未签字的请求' }));
    expect(created.status).toBe(201);
    const res = await download(contact, created.body.id);
    expect(res.status).toBe(409);
    expect((res.body as unknown as { code: string }).code).toBe('repair_form.not_signed');
  });
});
