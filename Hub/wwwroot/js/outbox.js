// What the user did while the hub could not store it: reports, acknowledgements, updates, status changes and
// task actions. Each item gets its idempotency key (eventId) before the first attempt and keeps it in the
// browser's storage until the hub has stored it or refused it for a reason that resending cannot fix, so an
// item sent twice (a lost answer, a reload, a second try) is still stored once. A dropped link, a busy or
// failing hub (429, 5xx) and an ended session (401: sign in again) all keep it; it is sent, oldest first, when
// the link and the session are back.

import { NetworkError, ProblemError, currentSession, post } from './api.js';

const listeners = [];
let storageKey = null;
let flushing = null;

export const onOutboxChange = (listener) => listeners.push(listener);

/** Binds the outbox to a user: what they queued before a crash, a reload or an expired session is sent when they return. */
export function openOutbox(userName) {
  storageKey = `coordination.outbox.${userName}`;
  notify();
}

/** Forgets the user's queued items and unbinds the outbox (sign-out): a shared desk keeps nobody's work. */
export function clearOutbox() {
  if (storageKey) localStorage.removeItem(storageKey);
  storageKey = null;
  notify();
}

// Items kept by an earlier console were reports only, as { request, queuedAt }.
const normal = (item) => (item.path ? item : { kind: 'report', path: '/api/incidents', body: item.request, label: item.request.title, queuedAt: item.queuedAt });

export const pending = () => (storageKey ? JSON.parse(localStorage.getItem(storageKey) ?? '[]').map(normal) : []);

function save(items) {
  localStorage.setItem(storageKey, JSON.stringify(items));
  notify();
}

function notify() {
  const count = pending().length;
  listeners.forEach((listener) => listener({ type: 'count', count }));
}

/** Worth sending again: the link, the hub's load or the session may come back; a refusal of the item itself will not change. */
export const retryable = (error) => error instanceof NetworkError
  || (error instanceof ProblemError && (error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500));

/**
 * Sends an item now, keeping it queued until the hub answers. item: { kind, path, body (with its eventId), label,
 * incidentId? }. Resolves with the hub's answer, or with { queued: true, signIn } when it is kept to be sent later;
 * rejects with ProblemError when refused for good (nothing is kept then).
 */
export async function enqueue(item) {
  if (!storageKey) return post(item.path, item.body);
  const kept = { ...item, queuedAt: new Date().toISOString() };
  save([...pending().filter((other) => other.body.eventId !== item.body.eventId), kept]);
  // Something older waits: this one goes after it, in order.
  if (flushing || pending().length > 1 || !currentSession()) {
    flush();
    return queued();
  }
  try {
    const response = await post(item.path, item.body);
    remove(item.body.eventId);
    return response;
  } catch (error) {
    if (retryable(error)) return queued();
    remove(item.body.eventId);
    throw error;
  }
}

// signIn: kept because the session has ended (the user is asked to sign in again), not because the link is down.
const queued = () => ({ queued: true, signIn: !currentSession() });

/** A report from the duty office's form: the outbox as it began. */
export const submitReport = (request) => enqueue({ kind: 'report', path: '/api/incidents', body: request, label: request.title });

function remove(eventId) {
  save(pending().filter((item) => item.body.eventId !== eventId));
}

/** Sends everything queued, oldest first; stops at the first attempt that may succeed later (no link, no session, a busy hub). */
export function flush() {
  if (!storageKey || flushing || !currentSession()) return flushing;
  flushing = (async () => {
    // The first waiting item each time: one queued meanwhile is sent in this round too.
    for (let item = pending()[0]; item; item = pending()[0]) {
      try {
        const response = await post(item.path, item.body);
        remove(item.body.eventId);
        listeners.forEach((listener) => listener({ type: 'sent', response, item }));
      } catch (error) {
        if (retryable(error)) return;
        remove(item.body.eventId);
        listeners.forEach((listener) => listener({ type: 'refused', error, item }));
      }
    }
  })().finally(() => { flushing = null; });
  return flushing;
}
