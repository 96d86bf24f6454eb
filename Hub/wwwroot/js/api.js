// Talking to the hub's REST API: the signed-in session (kept for this browser tab only), the token
// refreshed before it expires, the chosen language sent with every call, and refusals turned into
// errors that carry the server's ProblemDetails so forms can show them next to their fields.

import { lang } from './i18n.js';

const SESSION_KEY = 'coordination.session';

/** A refusal by the hub: status, title, detail and per-field errors from ProblemDetails. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.errors = problem.errors ?? {};
    // A catch-up after the log's end (409): where the log the caller may see ends now.
    this.headPosition = Number.isInteger(problem.headPosition) ? problem.headPosition : null;
  }
}

/** The hub could not be reached at all (offline, link down): the request may be tried again. */
export class NetworkError extends Error {}

let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');

export const currentSession = () => session;

function keep(next) {
  session = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(SESSION_KEY);
}

export async function signIn(userName, password) {
  keep(await send('POST', '/api/auth/token', { userName, password }, false));
  return session;
}

export const signOut = () => keep(null);

let refreshing = null;

/** A token valid for at least another minute, refreshed (once, shared) when it is about to expire. */
export async function accessToken() {
  if (!session) return '';
  if (Date.parse(session.expiresAt) - Date.now() > 60_000) return session.token;
  refreshing ??= send('POST', '/api/auth/refresh', { refreshToken: session.refreshToken }, false)
    .then(keep)
    .catch((error) => { if (error instanceof ProblemError) keep(null); throw error; })
    .finally(() => { refreshing = null; });
  await refreshing;
  return session?.token ?? '';
}

export const get = (path) => send('GET', path);
export const post = (path, body) => send('POST', path, body);
export const put = (path, body) => send('PUT', path, body);

/**
 * A call whose body or answer is a file rather than JSON (a CSV import, an export): the body is sent as is with its
 * type, the answer comes back as text with its type; a refusal is still a ProblemError in the chosen language.
 */
export async function sendText(method, path, body = undefined, contentType = undefined) {
  const headers = { 'Accept-Language': lang(), Authorization: `Bearer ${await accessToken()}` };
  if (contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error.message);
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (response.ok) return { type, text: await response.text() };
  if (response.status === 401) keep(null);
  const problem = type.includes('json') ? await response.json() : null;
  if (response.status >= 502 && response.status <= 504 && !problem) throw new NetworkError(`HTTP ${response.status}`);
  throw new ProblemError(response.status, problem ?? {});
}

async function send(method, path, body, authorized = true) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (authorized) headers.Authorization = `Bearer ${await accessToken()}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error.message);
  }
  const type = response.headers.get('Content-Type') ?? '';
  const payload = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && authorized) keep(null);
    // A proxy's 502/503/504 means the hub is out of reach, like a dropped link: worth retrying.
    if (response.status >= 502 && response.status <= 504 && !payload) throw new NetworkError(`HTTP ${response.status}`);
    throw new ProblemError(response.status, payload ?? {});
  }
  return payload;
}

/**
 * An id for idempotency keys: a version 7 UUID (RFC 9562), the millisecond time then random bits, so the
 * hub's log indexes the reports of a day side by side rather than scattered. Works on plain-http intranet
 * addresses too, where crypto.randomUUID does not exist.
 */
export function newId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let time = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = time % 256;
    time = Math.floor(time / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
