import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'react-admin';
import type { ArchiveVerification, DashboardStats, DeskConfig, DeskNotification, TicketHistory } from './types';
import type { Task } from './tasks/types';
import type { TicketDetail } from './tickets/types';

export const API_URL = '/api';

// The session lives in an httpOnly cookie; failed responses reject with HttpError(message, status, body)
// so that `body.errors` reaches the form as per-field server validation messages.
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

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
