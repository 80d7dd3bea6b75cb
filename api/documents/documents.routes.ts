import { z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyArchiveRecord } from '../../db/archive-chain';
import { ArchiveRecord, Inspection, Ticket } from '../../db/entities';
import { inspectionsVisibleTo } from '../inspections/inspections.routes';
import { INSPECTION_OUTCOME } from '../../domain/inspection/record';
import { said } from '../../domain/messages';
import { isVendorRole } from '../../domain/roles';
import type { Signature } from '../../domain/ticket';
import { hashPrefixOf, normaliseVerificationCode, verificationCode } from '../../domain/verification-code';
import { MissingFontError } from '../../platform/documents/fonts';
import type { AppDeps, SessionUser } from '../env';
import { ApiError, badRequest, notFound } from '../errors';
import { newRouter, route } from '../route';
import { ticketsVisibleTo } from '../tickets/tickets.routes';
import { textIdParams } from '../validate';
import { repairFormPdf } from './repair-form.pdf';

const ticketId = textIdParams('ticket.not_found', 'Ticket number (服务请求编号)', 'SR-20261202-00042');
const codeParams = z.object({
  code: z.string().max(40, 'verification.code_format').openapi({ param: { description: 'The verification code printed on a repair form (10 letters and digits; case, spaces and dashes do not matter)' }, example: '7QF3M-0K2ZD' }),
});

const repairForm = route({
  method: 'get',
  path: '/{id}/repair-form.pdf',
  operationId: 'getRepairFormPdf',
  tag: 'tickets',
  summary: 'The signed repair form (系统维修单) as a PDF, with the signature and its verification code',
  description: 'Made from the ticket’s archive record: 409 `repair_form.not_signed` before the hospital signed, `repair_form.archiving` in the moment between signing and archiving.',
  access: ['admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact'],
  request: { params: ticketId },
  ok: { 200: 'application/pdf' },
  answers: [409],
});

const verify = route({
  method: 'get',
  path: '/{code}',
  operationId: 'verifyRepairForm',
  tag: 'archive',
  summary: 'What the archive record behind a printed verification code says, and whether it is intact',
  description: 'To any signed-in user who may see the ticket (404 otherwise). `verified` is whether the record still matches its hash, checkpoint, link and archiving event; vendor staff also get `problems`.',
  request: { params: codeParams },
  answers: [400],
});

async function visibleInspectionHospital(em: EntityManager, user: SessionUser, workflowId: string): Promise<string | undefined> {
  const i = await em.findOne(Inspection, { $and: [{ workflowId }, inspectionsVisibleTo(user)] }, { populate: ['hospital'] });
  return i?.hospital.getEntity().name;
}

async function visibleTicket(em: EntityManager, user: SessionUser, id: string) {
  return em.findOne(Ticket, { $and: [{ id }, await ticketsVisibleTo(em, user)] }, { populate: ['hospital', 'department'] });
}

export function documentsRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(repairForm, async (c) => {
    const em = c.get('em');
    const ticket = await visibleTicket(em, c.get('user'), c.req.param('id'));
    if (!ticket) throw notFound('ticket.not_found');
    const record = await em.findOne(ArchiveRecord, { ticketId: ticket.id });
    if (!record?.signature) {
      const signed = ticket.status === 'resolved' && !!(await em.getConnection().execute(`select 1 from ticket_events where ticket_id = ? and type = 'signed' limit 1`, [ticket.id])).length;
      throw new ApiError(409, said(signed ? 'repair_form.archiving' : 'repair_form.not_signed'));
    }
    let pdf: Buffer;
    try {
      pdf = await repairFormPdf(ticket, record, deps.timeZone);
    } catch (e) {
      if (!(e instanceof MissingFontError)) throw e;
      c.get('log').error({ err: e.message }, 'documents: fonts missing');
      throw new ApiError(503, said('documents.fonts_missing'));
    }
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${ticket.id}-repair-form.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  });
  return r;
}

/** `/api/verify/{code}`: a printed form's code resolved to its archive record. */
export function verificationRoutes() {
  const r = newRouter();
  r.openapi(verify, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const code = normaliseVerificationCode(c.req.param('code'));
    if (!code) throw badRequest(said('verification.code_format'), { code: said('verification.code_format') });
    // 48 bits of the hash narrow it to one record in practice; the code itself decides.
    const candidates = await em.find(ArchiveRecord, { hash: { $like: `${hashPrefixOf(code)}%` } }, { orderBy: { seq: 'asc' } });
    for (const record of candidates.filter((r) => verificationCode(r.hash) === code)) {
      // A signed inspection report's record: its ticketId is the occurrence's workflow ID.
      const hospitalName = record.outcome === INSPECTION_OUTCOME ? await visibleInspectionHospital(em, user, record.ticketId) : (await visibleTicket(em, user, record.ticketId))?.hospital.getEntity().name;
      if (!hospitalName) continue;
      const problems = await verifyArchiveRecord(em, record);
      const signature = record.signature as unknown as Signature | null;
      return c.json({
        code,
        ticketId: record.ticketId,
        hospitalName,
        archiveSeq: record.seq,
        archivedAt: record.archivedAt.toISOString(),
        outcome: record.outcome,
        signedAt: signature ? new Date(signature.at).toISOString() : null,
        signerName: signature?.signerName ?? null,
        signerDepartment: signature?.signerDepartment ?? null,
        verified: problems.length === 0,
        ...(isVendorRole(user.role) ? { problems } : {}),
      });
    }
    throw notFound('verification.not_found');
  });
  return r;
}
