import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { API_URL, httpClient } from './dataProvider';
import type { Role } from '../../domain/roles';

export const HOSPITAL_CONTACT = 'hospital_contact';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  hospitalId: number | null;
  /** Signed in with a one-time password: the console shows only the change-password page. */
  mustChangePassword?: boolean;
}

export interface DeskIdentity extends UserIdentity {
  id: number;
  username: string;
  role: Role;
  hospitalId: number | null;
  mustChangePassword: boolean;
}

// Only a copy for synchronous reads (identity, permissions); the cookie stays the source of truth.
const STORAGE_KEY = 'hsd.user';

const readCachedUser = (): SessionUser | null => {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
};

const cacheUser = (user: SessionUser | null) => {
  if (user) localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  else localStorage.removeItem(STORAGE_KEY);
};

const fetchMe = async (): Promise<SessionUser> => {
  const { json } = await httpClient(`${API_URL}/auth/me`);
  cacheUser(json);
  return json;
};

const currentUser = async (): Promise<SessionUser> => readCachedUser() ?? fetchMe();

export const CHANGE_PASSWORD_PATH = '/change-password';

/** POST /api/auth/password; the other sessions end, this one goes on (and may now do everything). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await httpClient(`${API_URL}/auth/password`, { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
  await fetchMe();
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

export const authProvider: AuthProvider = {
  login: async ({ username, password }: { username: string; password: string }) => {
    const { json } = await httpClient(`${API_URL}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    }).catch((error: unknown) => {
      throw statusOf(error) === 401 ? new Error('ra.auth.sign_in_error') : error;
    });
    cacheUser(json);
    // A one-time password (the first-run admin): nothing else until it is changed.
    return (json as SessionUser).mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
  },

  logout: async () => {
    cacheUser(null);
    // The session may already be gone (that is often why we are logging out); nothing to report then.
    await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
  },

  checkAuth: async () => {
    try {
      await fetchMe();
    } catch (error) {
      cacheUser(null);
      // react-admin notifies with the rejection's message: use a translation key, not the server's English text.
      throw statusOf(error) === 401 ? new Error('ra.auth.auth_check_error') : error;
    }
  },

  checkError: async (error) => {
    if (statusOf(error) === 401) {
      cacheUser(null);
      throw new Error('ra.notification.logged_out');
    }
    // 403 means "not allowed to do that", not "logged out": keep the session.
  },

  getIdentity: async (): Promise<DeskIdentity> => {
    const user = await currentUser();
    return {
      id: user.id,
      fullName: user.displayName,
      username: user.username,
      role: user.role,
      hospitalId: user.hospitalId,
      mustChangePassword: user.mustChangePassword ?? false,
    };
  },

  // Signed out: no permissions (not an error, which react-admin would retry before showing the login page).
  getPermissions: async () => {
    try {
      return (await currentUser()).role;
    } catch (error) {
      if (statusOf(error) === 401) return null;
      throw error;
    }
  },
};
