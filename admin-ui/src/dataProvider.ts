import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import { i18nProvider } from './i18n/i18nProvider';
import { sayWith, saidIn } from './i18n/said';
import type { ArchiveVerification, DashboardStats, DeskConfig, DeskNotification, TicketHistory } from './types';
import type { Task } from './tasks/types';
import type { Said } from '../../domain/messages';
import type { TicketDetail } from './tickets/types';
import type { Attachment } from './attachments/types';
import type { InspectionBoard, PlanAction, Template } from './inspection-plans/types';
import type { InspectionDetail, InspectionStepName } from './inspections/types';

export const API_URL = '/api';

const say = (s: Said) => sayWith(i18nProvider.translate, i18nProvider.getLocale(), s);

/**
 * The server says what went wrong by code (`{ code, params, message, errors? }`, domain/messages.ts):
 * the message and each field's message are put in the user's language here, so react-admin's own
 * notifications and form field errors read in it. The codes stay in the body for the step forms.
 */
export function localiseHttpError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = error.body && typeof error.body === 'object' ? (error.body as { errors?: Record<string, unknown> }) : undefined;
  const said = saidIn(body);
  const message = said ? say(said) : error.message;
  if (!body) return new HttpError(message, error.status, error.body);
  const localised: Record<string, unknown> = { ...body, message };
  if (body.errors) localised.errors = Object.fromEntries(Object.entries(body.errors).map(([field, e]) => [field, saidIn(e) ? say(saidIn(e)!) : String(e)]));
  return new HttpError(message, error.status, localised);
}

/** How often a write is tried when the desk answers 503 (database or Temporal briefly away). */
const WRITE_ATTEMPTS = 3;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// getRandomValues, not randomUUID: the latter exists only on https or localhost pages.
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

// The session lives in an httpOnly cookie; failed responses reject with HttpError(message, status, body)
// so that `body.errors` reaches the form as per-field server validation messages. Every write
// carries an Idempotency-Key, kept across its retries: a retry after a lost answer is the same
// request to the server (the same ticket, the same step), never a second one.
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const write = method !== 'GET' && method !== 'HEAD';
  if (write && !headers.has('Idempotency-Key')) headers.set('Idempotency-Key', newKey());
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
    } catch (error) {
      if (write && error instanceof HttpError && error.status === 503 && attempt < WRITE_ATTEMPTS) {
        await wait(1000 * attempt);
        continue;
      }
      throw localiseHttpError(error);
    }
  }
};

const post = async <T,>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};
const get = async <T,>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const enc = encodeURIComponent;

/** Escape hatches on a ticket (POST /api/tickets/:id/<action>); each answers with the updated ticket. */
export type TicketAction = 'pause' | 'resume' | 'level' | 'reassign' | 'cancel' | 'notes' | 'restart';

/** The workflow's steps and the desk's own endpoints, beside react-admin's CRUD methods. */
export interface DeskMethods {
  claimTask(id: string): Promise<Task>;
  completeTask(id: string, data: Record<string, unknown>): Promise<Task>;
  ticketAction(id: string, action: TicketAction, body?: Record<string, unknown>): Promise<TicketDetail>;
  ticketHistory(id: string): Promise<TicketHistory>;
  ticketAttachments(id: string): Promise<Attachment[]>;
  config(): Promise<DeskConfig>;
  dashboard(): Promise<DashboardStats>;
  verifyArchive(): Promise<ArchiveVerification>;
  verifyRepairForm(code: string): Promise<RepairFormVerification>;
  notifications(): Promise<DeskNotification[]>;
  markNotificationRead(id: string | number): Promise<unknown>;
  planAction(id: number, action: PlanAction, body?: Record<string, unknown>): Promise<unknown>;
  inspectionBoard(from: string, to: string): Promise<InspectionBoard>;
  templateVersions(code: string): Promise<Template[]>;
  inspectionStep(id: number, step: InspectionStepName, body: Record<string, unknown>): Promise<InspectionDetail>;
  inspectionFindingTicket(id: number, itemKey: string): Promise<{ itemKey: string; ticketId: string }>;
}

export type DeskDataProvider = DataProvider & DeskMethods;

/** What `GET /api/verify/{code}` answers: the archive record behind a printed repair form. */
export interface RepairFormVerification {
  code: string;
  ticketId: string;
  hospitalName: string;
  archiveSeq: number;
  archivedAt: string;
  signedAt: string | null;
  signerName: string | null;
  signerDepartment: string | null;
  verified: boolean;
  problems?: { code: string; seq: number; ticketId: string; problem: string }[];
}

const deskMethods: DeskMethods = {
  claimTask: (id) => post(`/tasks/${enc(id)}/claim`),
  completeTask: (id, data) => post(`/tasks/${enc(id)}/complete`, data),
  ticketAction: (id, action, body = {}) => post(`/tickets/${enc(id)}/${action}`, body),
  ticketHistory: (id) => get(`/tickets/${enc(id)}/history`),
  ticketAttachments: (id) => get(`/tickets/${enc(id)}/attachments`),
  config: () => get('/config'),
  dashboard: () => get('/dashboard'),
  verifyArchive: () => get('/archive-records/verify'),
  verifyRepairForm: (code) => get(`/verify/${enc(code)}`),
  notifications: () => get('/notifications'),
  markNotificationRead: (id) => post(`/notifications/${enc(String(id))}/read`),
  planAction: (id, action, body = {}) => post(`/inspection-plans/${id}/${action}`, body),
  inspectionBoard: (from, to) => get(`/inspections/board?${new URLSearchParams({ from, to })}`),
  templateVersions: (code) => get(`/inspection-templates/${enc(code)}/versions`),
  inspectionStep: (id, step, body) => post(`/inspections/${id}/${step}`, body),
  inspectionFindingTicket: (id, itemKey) => post(`/inspections/${id}/findings/${enc(itemKey)}/ticket`),
};

const rest = simpleRestProvider(API_URL, httpClient);

export const dataProvider: DeskDataProvider = {
  ...rest,
  ...deskMethods,
  // A template is never changed in place: saving the editor adds a version (the inspections under way keep theirs).
  update: (resource, params) =>
    resource === 'inspection-templates'
      ? post<Template>(`/inspection-templates/${enc(String(params.id))}/versions`, params.data).then((data) => ({ data: data as never }))
      : rest.update(resource, params),
};

/** Where the audit JSON of a ticket downloads from (a plain link: the browser keeps the session cookie). */
/** Where an inspection's report PDF downloads from (a plain link, as the history's). */
export const inspectionReportUrl = (id: number) => `${API_URL}/inspections/${id}/report.pdf`;

export const historyDownloadUrl = (ticketId: string) => `${API_URL}/tickets/${enc(ticketId)}/history?download=1`;

/** Where the signed repair form's PDF downloads from. */
export const repairFormPdfUrl = (ticketId: string) => `${API_URL}/tickets/${enc(ticketId)}/repair-form.pdf`;

export type ExportFormat = 'csv' | 'xlsx';

/** Where a list's export downloads from: the list's filter and sort, as the list sends them. */
export const exportUrl = (resource: string, o: { format: ExportFormat; filter: unknown; sort: { field: string; order: string }; locale: string }) =>
  `${API_URL}/${enc(resource)}/export?${new URLSearchParams({ format: o.format, filter: JSON.stringify(o.filter ?? {}), sort: JSON.stringify([o.sort.field, o.sort.order]), locale: o.locale === 'en' ? 'en' : 'zh-CN' })}`;
