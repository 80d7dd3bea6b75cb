import zlib from 'node:zlib';
import { Ticket, TicketEvent, User } from '../../db/entities';
import { ApiSession } from '../../harness/http-session';
import { atSignature, handleOf, openTicket, refusal, taskOf } from '../../harness/tickets';
import { accept, refuse, triage } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { WriteRate } from '../../api/write-rate';
import { INVALID_INPUT, addNoteUpdate } from '../../workflows/ticket/messages';

/**
 * Found by trying it: a page on another port of the same host auto-submitted a text/plain form in
 * the admin's browser and created an admin user (201). Writes now come as JSON from the desk's own
 * pages; nothing is written otherwise.
 */
const { stack, a } = useStack();

const newAdmin = (username: string) => ({ username, displayName: '冒名管理员', role: 'admin', password: 'Stolen#2026-admin' });
const created = (username: string) => stack.orm.em.fork().count(User, { username });

describe('writes from another site', () => {
  let admin: ApiSession;
  let other: string;
  beforeAll(async () => {
    admin = await ApiSession.login(stack.baseUrl, 'admin');
    const url = new URL(stack.baseUrl);
    other = `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
  });

  it('a text/plain form post with the admin’s cookie gets 415 and creates no one', async () => {
    // As the browser sends it: JSON text in a text/plain body, from the other page.
    const res = await admin.request<{ code: string }>('POST', '/api/users', JSON.stringify(newAdmin('csrf-text')), {
      'content-type': 'text/plain;charset=UTF-8',
      origin: other,
      'sec-fetch-site': 'same-site',
    });
    expect([res.status, res.body.code]).toEqual([415, 'request.unsupported_media_type']);
    const urlencoded = await admin.request<{ code: string }>('POST', '/api/users', 'username=csrf-form&role=admin', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([urlencoded.status, urlencoded.body.code]).toEqual([415, 'request.unsupported_media_type']);
    expect(await created('csrf-text')).toBe(0);
    expect(await created('csrf-form')).toBe(0);
  });

  it('a JSON post with the cookie from another origin gets 403 and creates no one', async () => {
    const res = await admin.post<{ code: string }>('/api/users', newAdmin('csrf-json'), { origin: other });
    expect([res.status, res.body.code]).toEqual([403, 'request.cross_origin']);
    const bySite = await admin.post<{ code: string }>('/api/users', newAdmin('csrf-site'), { 'sec-fetch-site': 'same-site' });
    expect([bySite.status, bySite.body.code]).toEqual([403, 'request.cross_origin']);
    expect(await created('csrf-json')).toBe(0);
    expect(await created('csrf-site')).toBe(0);
  });

  it('the desk’s own pages and clients without a browser still write', async () => {
    const own = await admin.post<{ id: number }>('/api/users', newAdmin('own-page'), { origin: new URL(stack.baseUrl).origin, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(201);
    const client = await admin.post<{ id: number }>('/api/users', newAdmin('api-client'));
    expect(client.status).toBe(201);
  });
});

describe('a NUL byte in a note', () => {
  // Found by trying it: the workflow took the note, then its write to PostgreSQL retried forever
  // ("unsupported Unicode escape sequence"); the ticket could never archive, and no one was told.
  it('gets 400 naming the field from the API, and nothing reaches the workflow', async () => {
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const t = await openTicket(stack, a.cdphc);
    const res = await contact.post<{ errors: Record<string, { code: string }> }>(`/api/tickets/${t.ticketNo}/notes`, { text: '仅三楼\u0000受影响' });
    expect([res.status, res.body.errors]).toEqual([400, { text: expect.objectContaining({ code: 'field.control_chars' }) }]);
    const title = await contact.post<{ errors: Record<string, { code: string }> }>('/api/tickets', { hospitalId: 1, systemCode: 'mnis', channel: 'portal', title: 'PDA\u0007', description: '无', reporterName: '王护士长' });
    expect([title.status, Object.keys(title.body.errors)]).toEqual([400, ['title']]);
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'note' })).toBe(0);
  });

  it('is refused by the workflow itself, whoever sends it', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const refused = await refusal(handleOf(stack, t.ticketNo).update(addNoteUpdate, { actor: a.dispatcher, text: 'x\u0000y', audience: 'internal' }));
    expect(refused).toMatchObject({ type: INVALID_INPUT, details: [{ text: { code: 'field.control_chars' } }] });
    // The ticket goes on: a clean note lands, and the row shows it.
    await handleOf(stack, t.ticketNo).update(addNoteUpdate, { actor: a.dispatcher, text: '已电话联系信息科', audience: 'internal' });
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'note' })).toBe(1);
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ status: 'open' });
  });
});

describe('the defaults of a production service', () => {
  it('every answer says nosniff and no framing; the API’s are never cached', async () => {
    for (const path of ['/api/health', '/api/tickets', '/api/no-such-thing']) {
      const res = await fetch(stack.baseUrl + path);
      expect([path, res.headers.get('x-content-type-options'), res.headers.get('x-frame-options')]).toEqual([path, 'nosniff', 'DENY']);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('step answers that tell the truth', () => {
  type TaskBody = { status: string; outcome: string | null; ticketStep: string };
  type Refused = { code: string };

  it('a second tab choosing another engineer is told the step is done; the same request again gets its answer', async () => {
    const dispatcher = await ApiSession.login(stack.baseUrl, 'dispatcher');
    const t = await openTicket(stack, a.cdphc);
    const task = taskOf(t, 'triage');
    const first = await dispatcher.post<TaskBody>(`/api/tasks/${task}/complete`, triage('remote', a.engineer.userId));
    expect([first.status, first.body.status]).toEqual([200, 'done']);
    const otherTab = await dispatcher.post<Refused>(`/api/tasks/${task}/complete`, triage('remote', a.engineer2.userId));
    expect([otherTab.status, otherTab.body.code]).toEqual([409, 'task.already_done']);
    const retry = await dispatcher.post<TaskBody>(`/api/tasks/${task}/complete`, triage('remote', a.engineer.userId));
    expect([retry.status, retry.body.status]).toEqual([200, 'done']);
    expect((await handleOf(stack, t.ticketNo).state()).triage).toMatchObject({ assigneeId: a.engineer.userId });
  });

  it('a key sent with another user’s note cannot make their step look done', async () => {
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const dispatcher = await ApiSession.login(stack.baseUrl, 'dispatcher');
    const t = await openTicket(stack, a.cdphc);
    const task = taskOf(t, 'triage');
    // The key the old desk derived for the dispatcher's completion, sent first with a note.
    const stolen = `${task}:complete:${a.dispatcher.userId}`;
    expect((await contact.post(`/api/tickets/${t.ticketNo}/notes`, { text: '请尽快处理' }, { 'Idempotency-Key': stolen })).status).toBe(200);
    const real = await dispatcher.post<TaskBody>(`/api/tasks/${task}/complete`, triage('remote', a.engineer.userId), { 'Idempotency-Key': stolen });
    expect([real.status, real.body.status, real.body.ticketStep]).toEqual([200, 'done', 'remote']);
    expect((await handleOf(stack, t.ticketNo).state()).step).toBe('remote');
  });

  it('a key reused with another note or for a step is refused on the header; the same note again is one note', async () => {
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const t = await openTicket(stack, a.cdphc);
    const key = `note-${t.ticketNo}`;
    const first = await contact.post(`/api/tickets/${t.ticketNo}/notes`, { text: '病区三台 PDA 同时掉线' }, { 'Idempotency-Key': key });
    const again = await contact.post(`/api/tickets/${t.ticketNo}/notes`, { text: '病区三台 PDA 同时掉线' }, { 'Idempotency-Key': key });
    type Refused = { code: string; errors: Record<string, { code: string }> };
    const other = await contact.post<Refused>(`/api/tickets/${t.ticketNo}/notes`, { text: '另一条备注' }, { 'Idempotency-Key': key });
    const cancel = await contact.post<Refused>(`/api/tickets/${t.ticketNo}/cancel`, { reason: '误报' }, { 'Idempotency-Key': key });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect([other.status, other.body.errors['Idempotency-Key'].code]).toEqual([422, 'request.idempotency_reused']);
    expect([cancel.status, cancel.body.errors['Idempotency-Key'].code]).toEqual([422, 'request.idempotency_reused']);
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'note' })).toBe(1);
    expect((await handleOf(stack, t.ticketNo).state()).status).not.toBe('cancelled');
  });

  it('a signed form re-posted altered, or flipped to refuse, gets 409; the signature stands', async () => {
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const t = await atSignature(stack, a, { faultLevel: 3 });
    const task = taskOf(t, 'signature');
    expect((await contact.post(`/api/tasks/${task}/complete`, accept)).status).toBe(200);
    const altered = await contact.post<Refused>(`/api/tasks/${task}/complete`, { ...accept, signerName: '别人' });
    const flipped = await contact.post<Refused>(`/api/tasks/${task}/complete`, refuse);
    expect([altered.status, altered.body.code, flipped.status, flipped.body.code]).toEqual([409, 'task.already_done', 409, 'task.already_done']);
    const done = await handleOf(stack, t.ticketNo).result();
    expect(done.signature).toMatchObject({ signerName: accept.signerName });
    expect(done.refusals).toEqual([]);
  });
});

describe('the signature is an image', () => {
  // A PNG as a signature pad or an attacker would make one, chunk by chunk.
  function png(width: number, height: number, bitDepth: number, rows: Buffer, extra: [string, Buffer][] = []): string {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([head, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = bitDepth; // greyscale, no interlace
    const file = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      ...extra.map(([type, data]) => chunk(type, data)),
      chunk('IDAT', zlib.deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    return `data:image/png;base64,${file.toString('base64')}`;
  }

  it('text dressed as a PNG, or a 16000×16000 image in 40 KB, is refused on the field; a real one is drawn again', async () => {
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    const t = await atSignature(stack, a, { faultLevel: 3 });
    const task = taskOf(t, 'signature');
    type Refused = { errors: Record<string, { code: string }> };
    const text = await contact.post<Refused>(`/api/tasks/${task}/complete`, { ...accept, image: `data:image/png;base64,${Buffer.from('我已签字，不是图片').toString('base64')}` });
    expect([text.status, text.body.errors.image.code]).toEqual([422, 'signature.image_png']);
    const huge = png(16000, 16000, 1, Buffer.alloc(16000 * (1 + 2000)));
    expect(huge.length).toBeLessThan(100_000);
    const bomb = await contact.post<Refused>(`/api/tasks/${task}/complete`, { ...accept, image: huge });
    expect([bomb.status, bomb.body.errors.image.code]).toEqual([422, 'signature.image_size']);
    expect((await handleOf(stack, t.ticketNo).state()).signature).toBeNull();

    // Each row: filter type 0, then 40 white pixels.
    const rows = Buffer.concat(Array.from({ length: 20 }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(40, 0xff)])));
    const carrying = png(40, 20, 8, rows, [['tEXt', Buffer.from('Comment\u0000<script>alert(1)</script>', 'latin1')]]);
    expect((await contact.post(`/api/tasks/${task}/complete`, { ...accept, image: carrying })).status).toBe(200);
    const stored = Buffer.from((await handleOf(stack, t.ticketNo).state()).signature!.image.split(',')[1], 'base64');
    expect(stored.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([stored.readUInt32BE(16), stored.readUInt32BE(20)]).toEqual([40, 20]);
    expect(stored.includes(Buffer.from('script'))).toBe(false);
  });
});

describe('a body too large', () => {
  it('twelve 10 MB uploads each get their 413, not a reset', async () => {
    const admin = await ApiSession.login(stack.baseUrl, 'admin');
    const big = JSON.stringify({ title: '大附件', description: '附'.repeat(10 * 1024 * 1024 / 3) });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        admin.request<{ code: string }>('POST', '/api/tickets', big).then(
          (r) => `${r.status} ${r.body.code}`,
          (e: Error) => `failed: ${(e.cause as Error | undefined)?.message ?? e.message}`,
        ),
      ),
    );
    expect(answers).toEqual(Array(12).fill('413 request.too_large'));
  });
});

describe('a user writing in a loop', () => {
  // The desk's burst of 60 refilled at one write per 5 s (not 5 per second): a slow machine's loop
  // cannot earn a token back before the write that must be refused.
  const slow = useStack({ app: { writeRate: new WriteRate(12, 60) } });
  it('is slowed to the write rate with 429 and Retry-After; the refused write is not written, and after the wait it is', async () => {
    const { stack } = slow;
    const manager = await ApiSession.login(stack.baseUrl, 'manager');
    const t = await openTicket(stack, slow.a.cdphc);
    // A script marking a notification read in a loop, 50 at a time: past the burst of 60 at once.
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => manager.post('/api/notifications/999999999/read')));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
    const refused = await manager.post<{ code: string }>(`/api/tickets/${t.ticketNo}/notes`, { text: '循环之后的真实备注' });
    expect([refused.status, refused.body.code]).toEqual([429, 'request.too_many_writes']);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'note' })).toBe(0);
    // Reading is never limited.
    expect((await manager.get(`/api/tickets/${t.ticketNo}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, wait * 1000));
    expect((await manager.post(`/api/tickets/${t.ticketNo}/notes`, { text: '循环之后的真实备注' })).status).toBe(200);
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'note' })).toBe(1);
  });
});
