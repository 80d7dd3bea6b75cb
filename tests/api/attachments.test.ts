import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { PNG } from 'pngjs';
import { verifyArchiveChain } from '../../db/archive-chain';
import { ArchiveRecord } from '../../db/entities';
import { MAX_ATTACHMENT_BYTES, THUMBNAIL_SIZE } from '../../domain/attachments';
import { remoteAttemptUpdate, triageUpdate } from '../../workflows/ticket/messages';
import { elfProgram, screenshotPng, serviceLog, simplePdf, tinyJpeg, windowsProgram } from '../../harness/files';
import { ApiSession } from '../../harness/http-session';
import { resolvedRemotely, triage } from '../../harness/step-data';
import { handleOf, openTicket, taskOf } from '../../harness/tickets';
import { useStack } from '../../harness/use-stack';
import type { AttachmentDto } from '../../api/attachments/attachment.dto';

// Made before anyone signs in: a slow machine takes seconds over them, and an idle session's socket may close meanwhile.
const png = screenshotPng(1440, 900);
const log = serviceLog(2 * 1024 * 1024);
const huge = serviceLog(MAX_ATTACHMENT_BYTES + 200 * 1024);

// Its own database: other files' chain checks must not meet records whose files lived in its temporary directory.
const { stack, a } = useStack({ ownDatabase: true });
const s = {} as Record<'dispatcher' | 'engineer' | 'cdphc' | 'demo2', ApiSession>;

beforeAll(async () => {
  for (const who of ['dispatcher', 'engineer', 'cdphc', 'demo2'] as const) s[who] = await ApiSession.login(stack.baseUrl, who);
});

function form(bytes: Buffer, filename: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set('file', new Blob([new Uint8Array(bytes)]), filename);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const upload = (who: ApiSession, ticketNo: string, bytes: Buffer, filename: string, fields: Record<string, string> = {}) =>
  who.postForm<AttachmentDto & { code?: string; errors?: Record<string, { code: string }> }>(`/api/tickets/${ticketNo}/attachments`, form(bytes, filename, fields));

async function asOwner<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

describe('attachments (附件)', () => {
  let ticketNo: string;
  beforeAll(async () => {
    ticketNo = (await openTicket(stack, a.cdphc, { hospitalId: 1 })).ticketNo;
  });

  it('keeps a screenshot, a photo, a PDF and a log, typed by their bytes, and lists them', async () => {
    const files: [Buffer, string, string][] = [
      [png, '保存超时截图.png', 'image/png'],
      [tinyJpeg(), 'IMG_2041.JPG', 'image/jpeg'],
      [simplePdf('MNIS upgrade notes'), '升级说明.pdf', 'application/pdf'],
      [log, 'mnis-2026-12-02.log', 'text/plain'],
    ];
    for (const [bytes, name, type] of files) {
      const res = await upload(s.dispatcher, ticketNo, bytes, name);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ filename: name, contentType: type, size: bytes.length, visibleToHospital: false, attachedTo: 'request' });
    }
    const list = await s.dispatcher.get<AttachmentDto[]>(`/api/tickets/${ticketNo}/attachments`);
    expect(list.body.map((x) => x.filename)).toEqual(files.map(([, name]) => name));

    const shot = list.body[0];
    const got = await s.dispatcher.getBytes(shot.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(png)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="______.png"; filename*=UTF-8''${encodeURIComponent('保存超时截图.png')}`);
    const thumb = await s.dispatcher.getBytes(shot.thumbnailUrl!);
    const small = PNG.sync.read(thumb.bytes);
    expect([small.width, small.height]).toEqual([THUMBNAIL_SIZE, 100]);
    expect(thumb.bytes.length).toBeLessThan(32 * 1024);

    const pdf = await s.dispatcher.getBytes(list.body[2].url);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(list.body[2].thumbnailUrl).toBeNull();
  });

  it('refuses a program, whatever it is called, naming the file', async () => {
    for (const [bytes, name] of [
      [elfProgram(), 'screenshot.png'],
      [windowsProgram(), '报告.pdf'],
      [windowsProgram(), 'notes.txt'],
    ] as const) {
      const res = await upload(s.dispatcher, ticketNo, bytes, name);
      expect(res.status).toBe(415);
      expect(res.body.errors?.file.code).toBe('attachment.executable');
    }
    const unknown = await upload(s.dispatcher, ticketNo, Buffer.from([0, 1, 2, 3, 4, 5, 0xff, 0xfe]), 'data.png');
    expect(unknown.status).toBe(415);
    expect(unknown.body.errors?.file.code).toBe('attachment.type_refused');
    const list = await s.dispatcher.get<AttachmentDto[]>(`/api/tickets/${ticketNo}/attachments`);
    expect(list.body.map((x) => x.filename)).not.toContain('screenshot.png');
  });

  it('refuses a file over the limit with 413, and keeps the desk answering on the next request', async () => {
    const res = await upload(s.dispatcher, ticketNo, huge, 'huge.log');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('attachment.too_large');
    expect((await s.dispatcher.get(`/api/tickets/${ticketNo}/attachments`)).status).toBe(200);
    // A JSON write is still held to its own 1 MiB.
    expect((await s.dispatcher.post(`/api/tickets/${ticketNo}/notes`, { text: 'x'.repeat(1100 * 1024) })).status).toBe(413);
  });

  it('takes multipart only on the upload route, and only from the desk’s own pages', async () => {
    const note = await s.dispatcher.postForm(`/api/tickets/${ticketNo}/notes`, form(Buffer.from('hi'), 'a.txt'));
    expect(note.status).toBe(415);
    const cross = await s.dispatcher.postForm(`/api/tickets/${ticketNo}/attachments`, form(Buffer.from('hi'), 'a.txt'), { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const json = await s.dispatcher.post(`/api/tickets/${ticketNo}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
    const sanitised = await upload(s.dispatcher, ticketNo, Buffer.from('plain words\n'), '../../etc/<passwd>\u0000.exe');
    expect(sanitised.status).toBe(201);
    expect(sanitised.body.filename).toBe('passwd.exe.txt');
  });

  it('shows a hospital contact only what is marked for the hospital; another hospital sees nothing', async () => {
    const shared = await upload(s.dispatcher, ticketNo, screenshotPng(200, 100, 2), '给医院看的.png', { visibleToHospital: 'true' });
    expect(shared.body.visibleToHospital).toBe(true);
    const own = await upload(s.cdphc, ticketNo, tinyJpeg(), '现场照片.jpg', { visibleToHospital: 'false' });
    expect(own.status).toBe(201);
    expect(own.body.visibleToHospital).toBe(true);

    const seen = await s.cdphc.get<AttachmentDto[]>(`/api/tickets/${ticketNo}/attachments`);
    expect(seen.body.map((x) => x.filename)).toEqual(['给医院看的.png', '现场照片.jpg']);
    const internal = (await s.dispatcher.get<AttachmentDto[]>(`/api/tickets/${ticketNo}/attachments`)).body.find((x) => !x.visibleToHospital)!;
    expect((await s.cdphc.getBytes(internal.url)).status).toBe(404);
    expect((await s.cdphc.getBytes(`${internal.url}/thumbnail`)).status).toBe(404);
    expect((await s.cdphc.getBytes(shared.body.url)).status).toBe(200);

    expect((await s.demo2.get(`/api/tickets/${ticketNo}/attachments`)).status).toBe(404);
    expect((await s.demo2.getBytes(shared.body.url)).status).toBe(404);
    expect((await upload(s.demo2, ticketNo, tinyJpeg(), 'x.jpg')).status).toBe(404);
    // An engineer not on the ticket does not see it either.
    expect((await s.engineer.getBytes(shared.body.url)).status).toBe(404);
  });

  it('attaches to a note and to a repair form only on this ticket', async () => {
    expect((await upload(s.dispatcher, ticketNo, tinyJpeg(), 'n.jpg', { attachedTo: 'note' })).body.errors?.ref.code).toBe('attachment.no_note');
    expect((await s.dispatcher.post(`/api/tickets/${ticketNo}/notes`, { text: '已远程查看日志' })).status).toBe(200);
    const onNote = await upload(s.dispatcher, ticketNo, serviceLog(10_000), 'excerpt.log', { attachedTo: 'note' });
    expect(onNote.status).toBe(201);
    expect(onNote.body.ref).toMatch(/^\d+$/);
    expect((await upload(s.dispatcher, ticketNo, tinyJpeg(), 'n.jpg', { attachedTo: 'note', ref: '999' })).status).toBe(422);
    expect((await upload(s.dispatcher, ticketNo, tinyJpeg(), 'n.jpg', { attachedTo: 'repairForm', ref: `${ticketNo}-T1` })).body.errors?.ref.code).toBe('attachment.repair_form_unknown');
  });
});

/** A ticket resolved remotely (and so archived), with `before` run while it is still open. */
async function archivedTicketWith(before: (ticketNo: string) => Promise<void>): Promise<string> {
  const t = await openTicket(stack, a.dispatcher);
  await before(t.ticketNo);
  const h = handleOf(stack, t.ticketNo);
  const st = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
  await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(st, 'remote'), data: resolvedRemotely });
  await h.result();
  return t.ticketNo;
}

const problemsOf = async (ticketNo: string) => (await verifyArchiveChain(stack.orm.em.fork())).problems.filter((p) => p.ticketId === ticketNo);

describe.each([
  ['PostgreSQL', undefined],
  ['a directory (DESK_FILES_DIR)', fs.mkdtempSync(path.join(os.tmpdir(), 'desk-files-'))],
])('an archived ticket’s attachments, kept in %s', (_name, dir) => {
  beforeAll(() => {
    if (dir) process.env.DESK_FILES_DIR = dir;
  });
  afterAll(() => {
    delete process.env.DESK_FILES_DIR;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are in the record’s hash; a stored file changed afterwards fails verification; none can be added', async () => {
    const photo = screenshotPng(800, 600, 3);
    const excerpt = serviceLog(50_000);
    let uploaded: AttachmentDto[] = [];
    const ticketNo = await archivedTicketWith(async (no) => {
      uploaded = [(await upload(s.dispatcher, no, photo, 'before.png')).body, (await upload(s.dispatcher, no, excerpt, 'server.log', { visibleToHospital: 'true' })).body];
    });
    const record = await stack.orm.em.fork().findOneOrFail(ArchiveRecord, { ticketId: ticketNo });
    expect(record.attachments?.map((x) => [x.filename, x.sha256, x.storage])).toEqual(uploaded.map((u) => [u.filename, u.sha256, dir ? 'dir' : 'pg']));
    expect(await problemsOf(ticketNo)).toEqual([]);

    const late = await upload(s.dispatcher, ticketNo, tinyJpeg(), 'late.jpg');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('attachment.ticket_archived');

    // Altered behind the desk's back: the bytes no longer match the sha256 the record hashed.
    const [{ file_id: fileId }] = await asOwner(async (db) => (await db.query<{ file_id: string }>('select file_id from attachments where id = $1', [uploaded[1].id])).rows);
    const forged = Buffer.from(excerpt.toString().replace('WARN', 'INFO'));
    if (dir) {
      const file = path.join(dir, fileId.slice(0, 2), fileId.slice(2, 4), fileId);
      fs.writeFileSync(file, forged);
      expect((await problemsOf(ticketNo)).map((p) => [p.code, p.params])).toEqual([['archive.attachment_changed', { filename: 'server.log' }]]);
      fs.writeFileSync(file, excerpt);
    } else {
      await asOwner((db) => db.query('update stored_files set bytes = $2 where id = $1', [fileId, forged]));
      expect((await problemsOf(ticketNo)).map((p) => [p.code, p.params])).toEqual([['archive.attachment_changed', { filename: 'server.log' }]]);
      await asOwner((db) => db.query('update stored_files set bytes = $2 where id = $1', [fileId, excerpt]));
    }
    expect(await problemsOf(ticketNo)).toEqual([]);

    // Nor can the app itself change the list once archived (the trigger), or rewrite stored bytes (its role).
    await expect(stack.orm.em.fork().getConnection().execute(`delete from attachments where ticket_id = '${ticketNo}'`)).rejects.toThrow(/archived/);
    if (!dir) await expect(stack.orm.em.fork().getConnection().execute(`update stored_files set size = 0 where id = '${fileId}'`)).rejects.toThrow(/permission denied/);
  });
});
