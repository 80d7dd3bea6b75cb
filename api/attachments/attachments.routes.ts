import type { EntityManager } from '@mikro-orm/postgresql';
import { DriverException } from '@mikro-orm/core';
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ArchiveRecord, Attachment, Ticket, TicketEvent, TicketTask, User, type IAttachment } from '../../db/entities';
import { fileStore, storeOf } from '../../db/files/file-store';
import { ATTACHED_TO, detectType, isExecutable, isImage, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BODY_BYTES, sanitiseFilename, type AttachedTo } from '../../domain/attachments';
import { said } from '../../domain/messages';
import { ApiError, badRequest, notFound, spoken } from '../errors';
import type { AppEnv, SessionUser } from '../env';
import { newRouter, route } from '../route';
import { ticketsVisibleTo } from '../tickets/tickets.routes';
import { idParams, textIdParams } from '../validate';
import { toAttachmentDto } from './attachment.dto';
import { pngThumbnail } from './thumbnail';

/** The one route that takes a body other than JSON (api/same-origin.ts lets multipart through here only). */
export const UPLOAD_PATH = /^\/api\/tickets\/[^/]+\/attachments\/?$/;
export const UPLOAD_TYPE = /^multipart\/form-data\s*;/i;

const MIB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** The upload's own size limit, in place of the API's 1 MiB for JSON (api/app.ts). */
export const uploadBodyLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BODY_BYTES,
  onError: (c) => {
    c.header('Connection', 'close');
    return c.json({ ...spoken(said('attachment.too_large', { mib: MIB })), errors: { file: spoken(said('attachment.too_large', { mib: MIB })) } }, 413);
  },
});

const ticketId = textIdParams('ticket.not_found', 'Ticket number (服务请求编号)', 'SR-20261202-00042');
const attachmentId = idParams('attachment.not_found');

const uploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: `The file, at most ${MIB} MB: PNG, JPEG, WebP or GIF image, PDF, plain text or log (UTF-8), zip; recognised by its bytes, never its name` }),
  attachedTo: z.enum(ATTACHED_TO).optional().openapi({ description: 'What it belongs to; `request` (the default), `note`, `repairForm`' }),
  ref: z.string().max(48).optional().openapi({ description: 'For `note`: the note event’s seq (default: your latest note on this ticket); for `repairForm`: the repair form task’s id' }),
  visibleToHospital: z.enum(['true', 'false'], { error: 'attachment.visibility' }).optional().openapi({ description: 'Vendor staff choose (default false: internal); a hospital contact’s files are always visible to the hospital' }),
});

/** The ticket the path names, if this user may see it (404 otherwise), read before the body. */
const named = new WeakMap<Context, string>();
const visibleTicketFirst: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = ticketId.shape.id.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('ticket.not_found');
  const em = c.get('em');
  const t = await em.findOne(Ticket, { $and: [{ id: id.data }, await ticketsVisibleTo(em, c.get('user'))] }, { fields: ['id'] });
  if (!t) throw notFound('ticket.not_found');
  named.set(c, t.id);
  await next();
};

const upload = route({
  method: 'post',
  path: '/{id}/attachments',
  operationId: 'uploadAttachment',
  tag: 'tickets',
  summary: 'Attach a file (screenshot, photo, log, PDF) to a request, a note or a repair form',
  description: `multipart/form-data, at most ${MIB} MB (413). The type is read from the bytes: anything else, and any program whatever its name, is 415 naming \`file\`. Vendor staff and the hospital's own contacts may attach; an archived ticket's attachments are fixed (409).`,
  request: { params: ticketId, body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  ok: { 201: 'The attachment, stored' },
  answers: [409, 413, 415, 422],
  before: [visibleTicketFirst],
});
const list = route({
  method: 'get',
  path: '/{id}/attachments',
  operationId: 'listAttachments',
  tag: 'tickets',
  summary: 'The ticket’s attachments you may see (a hospital contact: those visible to the hospital)',
  request: { params: ticketId },
  before: [visibleTicketFirst],
});
const download = route({
  method: 'get',
  path: '/{id}',
  operationId: 'downloadAttachment',
  tag: 'tickets',
  summary: 'The file: images inline, anything else as a download, under its sanitised name',
  request: { params: attachmentId },
  ok: { 200: 'The file’s bytes, with its detected Content-Type' },
});
const thumbnail = route({
  method: 'get',
  path: '/{id}/thumbnail',
  operationId: 'attachmentThumbnail',
  tag: 'tickets',
  summary: 'A small image of an image attachment (PNG re-encoded; other images as they are, for the browser to scale)',
  request: { params: attachmentId },
  ok: { 200: 'An image' },
});

/** The attachment if this user may see it: on a ticket they see, and for a hospital contact only one marked for the hospital. */
async function visibleAttachment(em: EntityManager, user: SessionUser, id: number): Promise<IAttachment> {
  const a = await em.findOne(Attachment, { id, ticket: await ticketsVisibleTo(em, user), ...(user.role === 'hospital_contact' ? { visibleToHospital: true } : {}) });
  if (!a) throw notFound('attachment.not_found');
  return a;
}

async function bytesOf(em: EntityManager, a: IAttachment): Promise<Buffer> {
  const bytes = await storeOf(a.storage, em).get(a.fileId);
  if (!bytes) throw notFound('attachment.not_found');
  return bytes;
}

/** `ref` checked against the ticket: a note event's seq (default: the uploader's latest note) or a repair form task's id. */
async function refOf(em: EntityManager, ticketNo: string, user: SessionUser, attachedTo: AttachedTo, ref: string | undefined): Promise<string | null> {
  if (attachedTo === 'request') return null;
  if (attachedTo === 'note') {
    if (ref === undefined) {
      const latest = await em.findOne(TicketEvent, { ticket: ticketNo, type: 'note', actorId: user.id }, { orderBy: { id: 'desc' } });
      if (!latest) throw new ApiError(422, said('attachment.no_note'), { ref: said('attachment.no_note') });
      return latest.eventKey.slice(ticketNo.length + 1);
    }
    if (!/^\d{1,9}$/.test(ref) || !(await em.count(TicketEvent, { ticket: ticketNo, type: 'note', eventKey: `${ticketNo}:${ref}` }))) {
      throw new ApiError(422, said('attachment.note_unknown'), { ref: said('attachment.note_unknown') });
    }
    return ref;
  }
  if (ref === undefined) throw new ApiError(422, said('attachment.ref_required'), { ref: said('attachment.ref_required') });
  if (!(await em.count(TicketTask, { id: ref, ticket: ticketNo, kind: 'repair_form' }))) {
    throw new ApiError(422, said('attachment.repair_form_unknown'), { ref: said('attachment.repair_form_unknown') });
  }
  return ref;
}

const archived = () => new ApiError(409, said('attachment.ticket_archived'));

/** `/api/tickets/{id}/attachments`: upload and list. */
export function ticketAttachmentsRoutes() {
  const r = newRouter();
  r.openapi(upload, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const ticketNo = named.get(c)!;
    if (!UPLOAD_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(415, said('attachment.multipart'));
    if (await em.count(ArchiveRecord, { ticketId: ticketNo })) throw archived();
    const form = c.req.valid('form');
    const file: unknown = form.file;
    if (!(file instanceof File)) throw badRequest(said('request.fields'), { file: said('attachment.file_required') });
    if (file.size > MAX_ATTACHMENT_BYTES) throw new ApiError(413, said('attachment.too_large', { mib: MIB }), { file: said('attachment.too_large', { mib: MIB }) });
    const bytes = Buffer.from(await file.arrayBuffer());
    if (isExecutable(bytes)) throw new ApiError(415, said('attachment.executable'), { file: said('attachment.executable') });
    const type = detectType(bytes);
    if (!type) throw new ApiError(415, said('attachment.type_refused'), { file: said('attachment.type_refused') });
    const attachedTo = form.attachedTo ?? 'request';
    const ref = await refOf(em, ticketNo, user, attachedTo, form.ref);
    // A contact's file is the hospital's own; staff share one on purpose.
    const visibleToHospital = user.role === 'hospital_contact' || form.visibleToHospital === 'true';
    try {
      const saved = await em.transactional(async (tx) => {
        const store = fileStore(tx);
        const { id: fileId, sha256 } = await store.put(bytes);
        const a = tx.create(Attachment, {
          ticket: ticketNo,
          attachedTo,
          ref,
          uploadedBy: tx.getReference(User, user.id),
          filename: sanitiseFilename(file.name, type),
          contentType: type,
          size: bytes.length,
          sha256,
          storage: store.kind,
          fileId,
          visibleToHospital,
        });
        await tx.flush();
        return a;
      });
      await em.populate(saved, ['uploadedBy']);
      return c.json(toAttachmentDto(saved), 201);
    } catch (e) {
      // The trigger's word: the archive record was written while this upload waited for it.
      if (e instanceof DriverException && (e as DriverException & { code?: string }).code === '55000') throw archived();
      throw e;
    }
  });
  r.openapi(list, async (c) => {
    const user = c.get('user');
    const rows = await c.get('em').find(
      Attachment,
      { ticket: named.get(c)!, ...(user.role === 'hospital_contact' ? { visibleToHospital: true } : {}) },
      { populate: ['uploadedBy'], exclude: ['uploadedBy.passwordHash'], orderBy: { id: 'asc' } },
    );
    return c.json(rows.map(toAttachmentDto));
  });
  return r;
}

/** `filename="ascii"` for old clients and `filename*` with the UTF-8 name (RFC 6266). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** `/api/attachments/{id}`: the file and its thumbnail. */
export function attachmentsRoutes() {
  const r = newRouter();
  r.openapi(download, async (c) => {
    const em = c.get('em');
    const a = await visibleAttachment(em, c.get('user'), Number(c.req.param('id')));
    const bytes = await bytesOf(em, a);
    c.header('Content-Type', a.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : a.contentType);
    c.header('Content-Disposition', disposition(isImage(a.contentType) ? 'inline' : 'attachment', a.filename));
    // Never sniffed into HTML: text stays text (the app's CSP applies to whatever is opened too).
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(bytes), 200);
  });
  r.openapi(thumbnail, async (c) => {
    const em = c.get('em');
    const a = await visibleAttachment(em, c.get('user'), Number(c.req.param('id')));
    if (!isImage(a.contentType)) throw notFound('attachment.not_found');
    const bytes = await bytesOf(em, a);
    const small = a.contentType === 'image/png' ? pngThumbnail(bytes) : null;
    c.header('Content-Type', small ? 'image/png' : a.contentType);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Disposition', disposition('inline', a.filename));
    return c.body(new Uint8Array(small ?? bytes), 200);
  });
  return r;
}
