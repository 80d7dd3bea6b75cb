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

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

// The first screen asks who is signed in several times in its first second (route guard, layout,
// identity): one answer serves them all. index.html preloads the first one while the scripts load.
const FRESH_MS = 2000;
let lastAnswer: { at: number; user: Promise<SessionUser> } | null = null;
// The server's last word on the session was "none": signing out has nothing to end there (a first visit's
// sign-in screen would otherwise wait for one more round trip).
let sessionGone = false;

const fetchMe = (): Promise<SessionUser> => {
  if (lastAnswer && Date.now() - lastAnswer.at < FRESH_MS) return lastAnswer.user;
  const user = httpClient(`${API_URL}/auth/me`).then(({ json }) => {
    cacheUser(json);
    sessionGone = false;
    return json as SessionUser;
  });
  lastAnswer = { at: Date.now(), user };
  // Only a signed-in answer is kept: after a refusal the sign-in screen's own checks must ask again.
  user.catch((error: unknown) => {
    lastAnswer = null;
    sessionGone = statusOf(error) === 401;
  });
  return user;
};

const currentUser = async (): Promise<SessionUser> => readCachedUser() ?? fetchMe();

export const CHANGE_PASSWORD_PATH = '/change-password';

/** POST /api/auth/password; the other sessions end, this one goes on (and may now do everything). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await httpClient(`${API_URL}/auth/password`, { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
  lastAnswer = null;
  await fetchMe();
}

export const authProvider: AuthProvider = {
  login: async ({ username, password }: { username: string; password: string }) => {
    const { json } = await httpClient(`${API_URL}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    }).catch((error: unknown) => {
      throw statusOf(error) === 401 ? new Error('ra.auth.sign_in_error') : error;
    });
    cacheUser(json);
    lastAnswer = null;
    sessionGone = false;
    // A one-time password (the first-run admin): nothing else until it is changed.
    return (json as SessionUser).mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
  },

  logout: async () => {
    cacheUser(null);
    lastAnswer = null;
    if (sessionGone) return;
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
