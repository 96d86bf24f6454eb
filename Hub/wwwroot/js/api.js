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
// Who the tab was signed in as when the hub ended the session: the user asked to sign in again, whose kept work waits.
let endedFor = null;
const endedListeners = [];

export const currentSession = () => session;

/** listener(userName): the hub refused the session (it expired, or was ended) while someone was signed in. */
export const onSessionEnded = (listener) => endedListeners.push(listener);

function keep(next) {
  session = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(SESSION_KEY);
}

// A 401 on a signed-in call: the session is over, but what the user did is not; they are asked to sign in again.
function ended() {
  // Still refused after the dialog was dismissed: asked again.
  const userName = session?.userName ?? endedFor;
  keep(null);
  if (!userName) return;
  endedFor = userName;
  endedListeners.forEach((listener) => listener(userName));
}

/** The user whose session the hub ended, until they (or someone) sign in again. */
export const sessionEndedFor = () => endedFor;

export async function signIn(userName, password) {
  keep(await send('POST', '/api/auth/token', { userName, password }, false));
  endedFor = null;
  return session;
}

export function signOut() {
  keep(null);
  forgetKnown();
}

// The last answers to the reads a view opens with, kept for this tab and this user only, so a console reloaded
// without a link shows what it last knew. Never incident data of another user: the key names the user, and
// sign-out removes it.
const KNOWN_PREFIX = 'coordination.known.';
const recalledListeners = [];

/** listener(time): an answer was taken from what the tab last knew (read at `time`), not from the hub. */
export const onRecalled = (listener) => recalledListeners.push(listener);

function knownKey() {
  return session ? `${KNOWN_PREFIX}${session.userName}` : null;
}

function forgetKnown() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(KNOWN_PREFIX)) sessionStorage.removeItem(key);
}

/** Keeps what a view now knows as the answer to its opening read (a view kept current by the live feed). */
export function rememberKnown(path, answer, at = new Date().toISOString()) {
  const key = knownKey();
  if (!key) return;
  const kept = JSON.parse(sessionStorage.getItem(key) ?? '{}');
  kept[path] = { at, answer };
  try {
    sessionStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full: the console still works live, it only cannot show this answer offline.
  }
}

/**
 * A read whose answer is kept for when the hub cannot be reached: the hub's answer when there is a link, else the
 * last answer this tab had for the same path (its time told to onRecalled listeners), else the NetworkError.
 */
export async function getKnown(path) {
  const key = knownKey();
  try {
    const answer = await get(path);
    rememberKnown(path, answer);
    return answer;
  } catch (error) {
    const kept = error instanceof NetworkError && key ? JSON.parse(sessionStorage.getItem(key) ?? '{}')[path] : null;
    if (!kept) throw error;
    recalledListeners.forEach((listener) => listener(kept.at));
    return kept.answer;
  }
}

let refreshing = null;

/** A token valid for at least another minute, refreshed (once, shared) when it is about to expire. */
export async function accessToken() {
  if (!session) return '';
  if (Date.parse(session.expiresAt) - Date.now() > 60_000) return session.token;
  refreshing ??= send('POST', '/api/auth/refresh', { refreshToken: session.refreshToken }, false)
    .then(keep)
    .catch((error) => { if (error instanceof ProblemError) ended(); throw error; })
    .finally(() => { refreshing = null; });
  await refreshing;
  return session?.token ?? '';
}

export const get = (path) => send('GET', path);
export const post = (path, body) => send('POST', path, body);
export const put = (path, body) => send('PUT', path, body);
export const del = (path) => send('DELETE', path);

/**
 * A call whose body or answer is a file rather than JSON (a CSV import, an export): the body is sent as is with its
 * type, the answer comes back as text with its type; a refusal is still a ProblemError in the chosen language.
 */
export async function sendText(method, path, body = undefined, contentType = undefined) {
  const response = await sendRaw(method, path, body, contentType);
  return { type: response.headers.get('Content-Type') ?? '', text: await response.text() };
}

/** As sendText, for a binary answer (a PDF): the file as a Blob, with the name the hub gave it, if any. */
export async function sendFile(method, path, body = undefined, contentType = undefined) {
  const response = await sendRaw(method, path, body, contentType);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
  return { type: response.headers.get('Content-Type') ?? '', blob: await response.blob(), name };
}

async function sendRaw(method, path, body, contentType) {
  const headers = { 'Accept-Language': lang(), Authorization: `Bearer ${await accessToken()}` };
  if (contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error.message);
  }
  if (response.ok) return response;
  if (response.status === 401) ended();
  const type = response.headers.get('Content-Type') ?? '';
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
    if (response.status === 401 && authorized) ended();
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
