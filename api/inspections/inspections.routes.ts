import type { z } from '@hono/zod-openapi';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UpdateDefinition } from '@temporalio/common';
import type { Context } from 'hono';
import { ArchiveRecord, Inspection, type IInspection } from '../../db/entities';
import { sql } from '../../db/sql';
import { visitReminderAt } from '../../domain/inspection/desk-time';
import { isPeriod } from '../../domain/inspection/period';
import { INSPECTION_STATUSES } from '../../domain/inspection/occurrence';
import type { OccurrenceState } from '../../domain/inspection/record';
import { cancelInput, checklistInput, confirmInput, reviewInput, signInput, submitInput } from '../../domain/inspection/step.schemas';
import { checkInspectionStep, checklistErrors, type InspectionStep } from '../../domain/inspection/steps';
import { said } from '../../domain/messages';
import { MissingFontError } from '../../platform/documents/fonts';
import { cancelUpdate, checklistUpdate, confirmUpdate, reviewUpdate, signUpdate, submitUpdate, type WithActor } from '../../workflows/inspection/messages';
import { inspectionReportPdf } from '../documents/inspection-report.pdf';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { ApiError, forbidden, notFound, unprocessable } from '../errors';
import { contentRange, listOrder, oneOfError, parseListQuery, queryError, unknownFilter } from '../list-query';
import { jsonBody, newRouter, route } from '../route';
import { redrawSignature } from '../tasks/signature-image';
import { idList, idParams } from '../validate';
import type { InspectionGateway } from '../workflow/inspection-gateway';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { boundClientKey, updateIdOf } from '../workflow/update-id';
import { findingTicket, findingParams } from './finding-ticket';
import { inspectionDetail, inspectionDto, templateOf } from './inspection-detail';
import { recordedOccurrence } from './recorded-occurrence';

/** A hospital contact sees their own hospital's inspections only. */
export const inspectionsVisibleTo = (user: SessionUser): FilterQuery<IInspection> => (user.role === 'hospital_contact' ? { hospital: user.hospitalId ?? -1 } : {});

const tag = 'inspections';
const inspectionId = idParams('inspection.not_found');
const workers = ['manager', 'dispatcher', 'engineer'] as const;
const stepNotes =
  'Answers the inspection as `GET /api/inspections/{id}` does, once its workflow has written the row. 404 if you may not see it, 403 if the step is not yours, 400 naming each bad field, 422 for what only the occurrence can tell, 409 if the step is not open now (`code` says why). The same request sent again (same user, same body) is the same step and gets its answer again.';
const step = <S extends z.ZodType>(s: { path: string; operationId: string; summary: string; access: readonly ('manager' | 'dispatcher' | 'engineer' | 'hospital_contact')[]; body: S; description?: string }) =>
  route({
    method: 'post',
    path: s.path,
    operationId: s.operationId,
    tag,
    summary: s.summary,
    description: [s.description, stepNotes].filter(Boolean).join('\n\n'),
    access: s.access,
    idempotent: true,
    request: { params: inspectionId, body: jsonBody(s.body) },
    answers: [409, 422, 503],
  });

const routes = {
  list: route({ method: 'get', path: '/', operationId: 'listInspections', tag, summary: 'Inspections, one per plan and month (a hospital contact sees their own hospital’s)', description: 'Filters: id, planId, hospitalId, period (YYYY-MM), status, mine (true: those you are the engineer of); `late` (true: escalated as overdue and the report not yet submitted), `failed` (true: its run ended failed, PostgreSQL refused a write). Sort: id, period, visitDate, reportDueDate.', list: true }),
  get: route({
    method: 'get',
    path: '/{id}',
    operationId: 'getInspection',
    tag,
    summary: 'One inspection: template, checklist, compiled fault summary and storage, review, signature (no image), linked tickets, and the steps you may take now (`allowed`)',
    request: { params: inspectionId },
  }),
  confirm: step({ path: '/{id}/confirm', operationId: 'confirmInspection', summary: 'Confirm the plan: visit date and systems covered (planned → on site)', access: workers, body: confirmInput, description: 'The occurrence’s engineer, a dispatcher or a manager.' }),
  checklist: step({ path: '/{id}/checklist', operationId: 'saveInspectionChecklist', summary: 'Save checklist answers on site (partial saves allowed, repeatable)', access: workers, body: checklistInput, description: 'Each item by its template key: a check takes `result` (ok, warning, fault) and `finding`, a measurement `value`, a text item `text`.' }),
  submit: step({ path: '/{id}/submit', operationId: 'submitInspection', summary: 'Submit the report: compiles the fault summary and the storage forecast (on site → review)', access: workers, body: submitInput, description: '422 names each required item still empty (`checklist.<key>`).' }),
  review: step({ path: '/{id}/review', operationId: 'reviewInspection', summary: 'Approve the report (frozen: `reportHash`) or send it back with a note', access: ['manager'], body: reviewInput }),
  sign: step({ path: '/{id}/sign', operationId: 'signInspection', summary: 'The hospital signs the report (archived) or refuses it with a reason (back on site)', access: ['hospital_contact'], body: signInput, description: 'A contact of the inspected hospital. `reportHash` must be the report’s current hash (409 `inspection.report_changed` otherwise: the workflow checks it); the signature is a PNG data URL, drawn again on the server.' }),
  cancel: step({ path: '/{id}/cancel', operationId: 'cancelInspection', summary: 'Cancel an inspection not yet archived, with a note', access: ['manager'], body: cancelInput }),
  finding: route({
    method: 'post',
    path: '/{id}/findings/{itemKey}/ticket',
    operationId: 'raiseInspectionFindingTicket',
    tag,
    summary: 'Raise a service request from a check item marked fault (one per inspection and item)',
    description: 'The ticket is raised for the inspected hospital and the first system covered, level 3, titled from the item; asked again it answers the same ticket (200).',
    access: workers,
    request: { params: findingParams },
    ok: { 201: 'The ticket raised', 200: 'The ticket raised earlier from this item' },
    answers: [409, 422, 503],
  }),
  restart: route({
    method: 'post',
    path: '/{id}/restart',
    operationId: 'restartInspection',
    tag,
    summary: 'Restart an inspection whose workflow failed (the database refused one of its writes), from what PostgreSQL saved',
    description:
      'A new run under the same workflow ID carries on from the row and its events (status, confirmed plan, saved checklist, report, review, return notes); what the refused write carried is not replayed, so that step is taken again. Writes a `restarted` event and clears `workflowState`; answers the inspection as `GET /api/inspections/{id}` does. 409 `inspection.not_failed` when its run has not failed, `inspection.closed` when it is archived or cancelled; 503 without a worker.',
    access: ['manager', 'admin'],
    idempotent: true,
    request: { params: inspectionId },
    answers: [409, 503],
  }),
  pdf: route({
    method: 'get',
    path: '/{id}/report.pdf',
    operationId: 'getInspectionReportPdf',
    tag,
    summary: 'The inspection report (巡检报告) as a PDF; once signed with the signature and its verification code',
    description: '409 `inspection.no_report` before the checklist is submitted.',
    request: { params: inspectionId },
    ok: { 200: 'application/pdf' },
    answers: [409, 503],
  }),
};

const STEP_UPDATES: Record<Exclude<InspectionStep, 'finding_ticket'>, UpdateDefinition<OccurrenceState, [WithActor<never>]>> = {
  confirm: confirmUpdate as never,
  checklist: checklistUpdate as never,
  submit: submitUpdate as never,
  review: reviewUpdate as never,
  sign: signUpdate as never,
  cancel: cancelUpdate as never,
};

/**
 * What makes a step's Update ID differ from the same step's in an earlier round: a checklist save
 * is repeatable (the row's seq), a submit follows a send-back or refusal, a review a submit; a signature names its report.
 */
function roundOf(stepName: InspectionStep, i: IInspection): string {
  if (stepName === 'checklist') return String(i.projectionSeq);
  // What sent it back last (kept until the next review or signature), so a resubmission's retry is the same Update.
  if (stepName === 'submit') return `${i.review?.decision === 'send_back' ? i.review.at : 0}:${i.signature?.decision === 'refused' ? i.signature.at : 0}`;
  if (stepName === 'review') return String(i.report?.submittedAt ?? 0);
  return '0';
}

/** Before the report is submitted: what an overdue escalation is about. */
const LATE_STATUSES: IInspection['status'][] = ['planned', 'on_site'];

/** The inspections this user may see among the list's filter (the list and its export). */
export function inspectionListWhere(user: SessionUser, filter: Record<string, unknown>): FilterQuery<IInspection> {
  const where: FilterQuery<IInspection>[] = [inspectionsVisibleTo(user)];
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ id: { $in: idList(v) } });
    else if (k === 'planId') where.push({ plan: { $in: idList(v, 'planId') } });
    else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
    else if (k === 'period') {
      const periods = [v].flat().map(String);
      if (!periods.every(isPeriod)) throw queryError('period', said('plan.period'));
      where.push({ period: { $in: periods } });
    } else if (k === 'status') {
      const statuses = [v].flat().map(String);
      if (!statuses.every((s) => (INSPECTION_STATUSES as readonly string[]).includes(s))) throw oneOfError('status', INSPECTION_STATUSES);
      where.push({ status: { $in: statuses as IInspection['status'][] } });
    } else if (k === 'mine') {
      // The engineer's own (the home page's 我的巡检); `mine=false` filters nothing.
      if (typeof v !== 'boolean') throw queryError('mine', said('request.filter_boolean', { field: 'mine' }));
      if (v) where.push({ engineer: user.id });
    } else if (k === 'late') {
      // Escalated (the overdue timer fired) and the report still not submitted: the dashboard's 逾期巡检.
      if (typeof v !== 'boolean') throw queryError('late', said('request.filter_boolean', { field: 'late' }));
      const late: FilterQuery<IInspection> = { overdueAt: { $ne: null }, status: { $in: LATE_STATUSES } };
      where.push(v ? late : { $not: late });
    } else if (k === 'failed') {
      if (typeof v !== 'boolean') throw queryError('failed', said('request.filter_boolean', { field: 'failed' }));
      where.push(v ? { workflowState: { $ne: null } } : { workflowState: null });
    } else throw unknownFilter(k);
  }
  return { $and: where };
}

export const INSPECTION_SORTABLE = ['id', 'period', 'visitDate', 'reportDueDate'] as const;
export const INSPECTION_DEFAULT_SORT = { field: 'period', order: 'DESC' } as const;

export function inspectionsRoutes(deps: AppDeps, inspections: InspectionGateway, tickets: TicketGateway) {
  const r = newRouter();
  const load = async (em: EntityManager, user: SessionUser, id: number) => {
    const i = await em.findOne(Inspection, { $and: [{ id }, inspectionsVisibleTo(user)] });
    if (!i) throw notFound('inspection.not_found');
    return i;
  };

  /**
   * The API's share of the rules: who (403) before anything reaches Temporal. "Not now" is the
   * workflow's to say (409), so that a request sent again after its answer was lost is the same
   * Update and gets that answer again, as a ticket step's retry does.
   */
  function assertStep(i: IInspection, user: SessionUser, stepName: InspectionStep) {
    const refused = checkInspectionStep({ status: i.status, engineerId: i.engineer.id, hospitalId: i.hospital.id }, { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId }, stepName);
    if (refused && refused.code !== 'inspection.not_now') throw forbidden(refused);
    if (refused && stepName === 'finding_ticket') throw new ApiError(409, refused);
  }

  /** Sends the step and answers with the inspection as its row now says. */
  async function act(c: Context<AppEnv>, i: IInspection, stepName: Exclude<InspectionStep, 'finding_ticket'>, body: Record<string, unknown>, sent: unknown) {
    const user = c.get('user');
    if (i.workflowState) throw new ApiError(409, said('inspection.failed'));
    const target = `${i.workflowId}@${roundOf(stepName, i)}`;
    const updateId = updateIdOf(stepName, target, user.id, sent, await boundClientKey(c, stepName, target, sent));
    const actor = { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId };
    await inspections.update(i.workflowId, STEP_UPDATES[stepName], { ...body, actor } as never, updateId);
    const em = c.get('em').fork();
    return inspectionDetail(em, await em.findOneOrFail(Inspection, i.id), user);
  }

  r.openapi(routes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: INSPECTION_SORTABLE, defaultSort: INSPECTION_DEFAULT_SORT });
    const [rows, total] = await c.get('em').findAndCount(Inspection, inspectionListWhere(c.get('user'), q.filter), {
      orderBy: listOrder(q.sort),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('inspections', q.offset, rows.length, total));
    const user = c.get('user');
    // A contact's list carries no people's ids or workflow links, as their detail does not.
    return c.json(rows.map(inspectionDto).map(({ engineerId, workflowId, workflowState, ...row }) => (user.role === 'hospital_contact' ? row : { ...row, engineerId, workflowId, workflowState })));
  });

  r.openapi(routes.get, async (c) => {
    const user = c.get('user');
    const i = await load(c.get('em'), user, c.req.valid('param').id);
    return c.json(await inspectionDetail(c.get('em'), i, user));
  });

  r.openapi(routes.confirm, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const i = await load(em, user, c.req.valid('param').id);
    assertStep(i, user, 'confirm');
    const body = c.req.valid('json');
    const [hospital] = await sql<{ name: string; runs: string[] }>(
      em,
      `select h.name, coalesce(array_agg(s.system_code) filter (where s.system_code is not null), '{}') as runs from hospitals h left join hospital_systems s on s.hospital_id = h.id where h.id = ? group by h.id`,
      [i.hospital.id],
    );
    if (body.systemCodes.some((s) => !hospital.runs.includes(s))) throw unprocessable({ systemCodes: said('plan.system_not_run', { hospital: hospital.name }) });
    const reminder = visitReminderAt(body.visitDate, deps.timeZone);
    const args = { visitDate: body.visitDate, systemCodes: body.systemCodes, note: body.note ?? null, visitReminderAt: reminder > Date.now() ? reminder : null };
    return c.json(await act(c, i, 'confirm', args, body));
  });

  r.openapi(routes.checklist, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const i = await load(em, user, c.req.valid('param').id);
    assertStep(i, user, 'checklist');
    const body = c.req.valid('json');
    // Nulls are "not given": an answer keeps what was saved for the fields a save leaves out.
    const items = body.items.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== undefined)) as { key: string });
    const errors = checklistErrors(await templateOf(em, i), items);
    if (errors) throw unprocessable(errors);
    return c.json(await act(c, i, 'checklist', { items }, body));
  });

  r.openapi(routes.submit, async (c) => {
    const user = c.get('user');
    const i = await load(c.get('em'), user, c.req.valid('param').id);
    assertStep(i, user, 'submit');
    const body = c.req.valid('json');
    return c.json(await act(c, i, 'submit', body, body));
  });

  r.openapi(routes.review, async (c) => {
    const user = c.get('user');
    const i = await load(c.get('em'), user, c.req.valid('param').id);
    assertStep(i, user, 'review');
    const body = c.req.valid('json');
    return c.json(await act(c, i, 'review', { decision: body.decision, note: body.note ?? '' }, body));
  });

  r.openapi(routes.sign, async (c) => {
    const user = c.get('user');
    const i = await load(c.get('em'), user, c.req.valid('param').id);
    assertStep(i, user, 'sign');
    const body = c.req.valid('json');
    let signature: string | null = null;
    if (body.decision === 'signed') {
      const drawn = redrawSignature(body.signature!);
      if ('refused' in drawn) throw unprocessable({ signature: drawn.refused });
      signature = drawn.image;
    }
    const args = { decision: body.decision, signerName: body.signerName, signature, reason: body.reason ?? null, reportHash: body.reportHash };
    return c.json(await act(c, i, 'sign', args, body));
  });

  r.openapi(routes.cancel, async (c) => {
    const user = c.get('user');
    const i = await load(c.get('em'), user, c.req.valid('param').id);
    assertStep(i, user, 'cancel');
    const body = c.req.valid('json');
    return c.json(await act(c, i, 'cancel', body, body));
  });

  r.openapi(routes.finding, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const { id, itemKey } = c.req.valid('param');
    const i = await load(em, user, id);
    assertStep(i, user, 'finding_ticket');
    const { link, created } = await findingTicket(deps, tickets, em, i, itemKey, user);
    return c.json(link, created ? 201 : 200);
  });

  r.openapi(routes.restart, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const i = await load(em, user, c.req.valid('param').id);
    if (i.status === 'archived' || i.status === 'cancelled') throw new ApiError(409, said('inspection.closed'));
    if (!i.workflowState) throw new ApiError(409, said('inspection.not_failed'));
    const { start, state } = await recordedOccurrence(em, i, deps.timeZone);
    // The round is the seq it resumes from: a retry is the same Update, a later failure's restart another.
    const target = `${i.workflowId}@${state.seq}`;
    const updateId = updateIdOf('restart', target, user.id, null, await boundClientKey(c, 'restart', target, null));
    await inspections.restart(start, state, { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId }, updateId);
    const fresh = em.fork();
    return c.json(await inspectionDetail(fresh, await fresh.findOneOrFail(Inspection, i.id), user));
  });

  r.openapi(routes.pdf, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const i = await load(em, user, c.req.valid('param').id);
    if (!i.report) throw new ApiError(409, said('inspection.no_report'));
    const record = i.archiveSeq ? await em.findOne(ArchiveRecord, i.archiveSeq) : null;
    let pdf: Buffer;
    try {
      pdf = await inspectionReportPdf(i, await templateOf(em, i), record, deps.timeZone);
    } catch (e) {
      if (!(e instanceof MissingFontError)) throw e;
      c.get('log').error({ err: e.message }, 'documents: fonts missing');
      throw new ApiError(503, said('documents.fonts_missing'));
    }
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${i.workflowId}-report.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  });
  return r;
}
