// Reports written while the link is down. Each report gets its idempotency key (eventId) before the
// first attempt and keeps it in the browser's storage until the hub has answered, so a report sent
// twice (a lost answer, a reload, a second try) is still stored once.

import { NetworkError, ProblemError, post } from './api.js';

const listeners = [];
let storageKey = null;
let flushing = null;

export const onOutboxChange = (listener) => listeners.push(listener);

/** Binds the outbox to a user: what they queued before a crash or a reload is sent when they return. */
export function openOutbox(userName) {
  storageKey = `coordination.outbox.${userName}`;
  notify();
}

/** Forgets the user's queued reports and unbinds the outbox (sign-out): a shared desk keeps nobody's reports. */
export function clearOutbox() {
  if (storageKey) localStorage.removeItem(storageKey);
  storageKey = null;
  notify();
}

export const pending = () => (storageKey ? JSON.parse(localStorage.getItem(storageKey) ?? '[]') : []);

function save(items) {
  localStorage.setItem(storageKey, JSON.stringify(items));
  notify();
}

function notify() {
  const count = pending().length;
  listeners.forEach((listener) => listener({ type: 'count', count }));
}

/**
 * Sends a report now, keeping it queued until the hub answers. Resolves with the hub's answer, or
 * with { queued: true } when the hub cannot be reached; rejects with ProblemError when refused.
 */
export async function submitReport(request) {
  save([...pending(), { request, queuedAt: new Date().toISOString() }]);
  try {
    const response = await post('/api/incidents', request);
    remove(request.eventId);
    return response;
  } catch (error) {
    if (error instanceof NetworkError) return { queued: true };
    // Refused for good (bad field, not allowed): the form shows why; nothing to resend.
    if (error instanceof ProblemError && error.status !== 429 && error.status < 500) remove(request.eventId);
    throw error;
  }
}

function remove(eventId) {
  save(pending().filter((item) => item.request.eventId !== eventId));
}

/** Sends everything queued, oldest first; stops at the first unreachable attempt. */
export function flush() {
  if (!storageKey || flushing) return flushing;
  flushing = (async () => {
    for (const item of pending()) {
      try {
        const response = await post('/api/incidents', item.request);
        remove(item.request.eventId);
        listeners.forEach((listener) => listener({ type: 'sent', response, request: item.request }));
      } catch (error) {
        if (error instanceof NetworkError) return;
        if (error instanceof ProblemError && (error.status === 429 || error.status >= 500)) return;
        remove(item.request.eventId);
        listeners.forEach((listener) => listener({ type: 'refused', error, request: item.request }));
      }
    }
  })().finally(() => { flushing = null; });
  return flushing;
}
