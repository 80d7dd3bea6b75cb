import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import { i18nProvider } from './i18n/i18nProvider';
import { translateFieldErrors, translateServerMessage, translatesServerMessages } from './i18n/serverMessages';
import type { ArchiveVerification, DashboardStats, DeskConfig, DeskNotification, TicketHistory } from './types';
import type { Task } from './tasks/types';
import type { TicketDetail } from './tickets/types';

export const API_URL = '/api';

/**
 * The server answers in English (`{ message, errors? }`): in a Chinese console the message and each
 * field message are translated here, so notifications and form field errors read in the user's
 * language. The English text stays in `body.serverMessage` (and `body.serverErrors`) for diagnosis.
 */
export function localiseHttpError(error: unknown, locale: string): unknown {
  if (!(error instanceof HttpError) || !translatesServerMessages(locale)) return error;
  const body = error.body && typeof error.body === 'object' ? (error.body as { message?: unknown; errors?: unknown }) : undefined;
  const message = translateServerMessage(error.message, locale);
  if (!body) return new HttpError(message, error.status, error.body);
  const localised: Record<string, unknown> = { ...body, serverMessage: body.message };
  if (typeof body.message === 'string') localised.message = translateServerMessage(body.message, locale);
  if (body.errors !== undefined) {
    localised.serverErrors = body.errors;
    localised.errors = translateFieldErrors(body.errors, locale);
  }
  return new HttpError(message, error.status, localised);
}

// The session lives in an httpOnly cookie; failed responses reject with HttpError(message, status, body)
// so that `body.errors` reaches the form as per-field server validation messages.
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' }).catch((error: unknown) => {
    throw localiseHttpError(error, i18nProvider.getLocale());
  });

const post = async <T,>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};
const get = async <T,>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const enc = encodeURIComponent;

/** Escape hatches on a ticket (POST /api/tickets/:id/<action>); each answers with the updated ticket. */
export type TicketAction = 'pause' | 'resume' | 'level' | 'reassign' | 'cancel' | 'notes';

/** The workflow's steps and the desk's own endpoints, beside react-admin's CRUD methods. */
export interface DeskMethods {
  claimTask(id: string): Promise<Task>;
  completeTask(id: string, data: Record<string, unknown>): Promise<Task>;
  ticketAction(id: string, action: TicketAction, body?: Record<string, unknown>): Promise<TicketDetail>;
  ticketHistory(id: string): Promise<TicketHistory>;
  config(): Promise<DeskConfig>;
  dashboard(): Promise<DashboardStats>;
  verifyArchive(): Promise<ArchiveVerification>;
  notifications(): Promise<DeskNotification[]>;
  markNotificationRead(id: string | number): Promise<unknown>;
}

export type DeskDataProvider = DataProvider & DeskMethods;

const deskMethods: DeskMethods = {
  claimTask: (id) => post(`/tasks/${enc(id)}/claim`),
  completeTask: (id, data) => post(`/tasks/${enc(id)}/complete`, data),
  ticketAction: (id, action, body = {}) => post(`/tickets/${enc(id)}/${action}`, body),
  ticketHistory: (id) => get(`/tickets/${enc(id)}/history`),
  config: () => get('/config'),
  dashboard: () => get('/dashboard'),
  verifyArchive: () => get('/archive-records/verify'),
  notifications: () => get('/notifications'),
  markNotificationRead: (id) => post(`/notifications/${enc(String(id))}/read`),
};

export const dataProvider: DeskDataProvider = { ...simpleRestProvider(API_URL, httpClient), ...deskMethods };

/** Where the audit JSON of a ticket downloads from (a plain link: the browser keeps the session cookie). */
export const historyDownloadUrl = (ticketId: string) => `${API_URL}/tickets/${enc(ticketId)}/history?download=1`;
