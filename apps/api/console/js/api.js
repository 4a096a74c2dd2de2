// The API client: JSON in and out, the session's bearer token on every call, errors as ApiError
// carrying the API's error code (shown in plain language by errors.js).
import { clearSession, getSession } from './session.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : `HTTP_${status}`);
    this.details = body?.details ?? [];
    this.errorId = body?.errorId;
  }
}

let onUnauthenticated = () => undefined;
/** What to do when the API says the session is no longer valid (back to the sign-in page). */
export const whenUnauthenticated = (handler) => (onUnauthenticated = handler);

/** Calls the API; `path` is absolute (`/tasks`), `query` values that are empty are left out. */
export async function api(method, path, { body, query, anonymous = false } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const session = getSession();
  if (session && !anonymous) headers.authorization = `Bearer ${session.token}`;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && !anonymous) {
      clearSession();
      onUnauthenticated(error);
    }
    throw error;
  }
  return json;
}

export const get = (path, query) => api('GET', path, { query });
export const post = (path, body) => api('POST', path, { body: body ?? {} });
