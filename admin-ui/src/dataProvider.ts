import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';

export const API_URL = '/api';

// The session lives in an httpOnly cookie; failed responses reject with HttpError(message, status, body)
// so that `body.errors` reaches the form as per-field server validation messages.
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

export const dataProvider = simpleRestProvider(API_URL, httpClient);
