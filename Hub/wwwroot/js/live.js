// The live feed: one SignalR connection that never gives up, and catch-up by position so nothing
// pushed while the link was down is missed. Every entry reaches the views once, in log order:
// an entry at or below the last position applied is a repeat and is dropped; a push whose previous
// position is past the last one applied reveals a gap, which is filled from the REST catch-up first.
// When the hub answers that its log ends before the last position applied (it was restored from a
// backup), the feed goes back to that end and tells its listeners, which drop what they show after it.

import { ProblemError, accessToken, get } from './api.js';
import { keepSeal } from './seals.js';

const PAGE = 500;
const entryListeners = [];
const statusListeners = [];
const rewindListeners = [];
let connection = null;
let lastPosition = 0;
let state = 'offline';
let catching = null;
let catchUpAgain = false;
let restartTimer = null;

export const onEntry = (listener) => entryListeners.push(listener);
export const onStatus = (listener) => { statusListeners.push(listener); listener(state); };
export const position = () => lastPosition;
/** Called with the position the hub's log now ends at, when it ends before what the views show. */
export const onRewind = (listener) => rewindListeners.push(listener);

function setState(next) {
  state = next;
  statusListeners.forEach((listener) => listener(next));
}

function apply(entry) {
  if (entry.position <= lastPosition) return;
  lastPosition = entry.position;
  for (const listener of entryListeners) {
    try { listener(entry); } catch (error) { console.error('entry listener failed', error); }
  }
}

/** Reads everything after the last applied position, page by page, until the head. */
export function catchUp() {
  if (catching) { catchUpAgain = true; return catching; }
  catching = (async () => {
    do {
      catchUpAgain = false;
      for (;;) {
        const page = await readAfter(lastPosition);
        if (!page) continue;
        page.entries.forEach(apply);
        // Entries this audience may not see still move the position on.
        lastPosition = Math.max(lastPosition, page.nextAfter);
        if (page.entries.length < PAGE) break;
      }
    } while (catchUpAgain);
  })().finally(() => { catching = null; });
  return catching;
}

/** One page of catch-up; null when the log turned out to end before `after`, and the feed went back to its end. */
async function readAfter(after) {
  try {
    return await get(`/api/log?after=${after}&limit=${PAGE}`);
  } catch (error) {
    if (!(error instanceof ProblemError && error.status === 409 && error.headPosition !== null && error.headPosition < after)) throw error;
    lastPosition = error.headPosition;
    for (const listener of rewindListeners) {
      try { listener(error.headPosition); } catch (failure) { console.error('rewind listener failed', failure); }
    }
    return null;
  }
}

/** Starts the feed from a position already shown (everything after it is delivered). */
export async function start(fromPosition) {
  lastPosition = fromPosition;
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/coordination', { accessTokenFactory: accessToken })
    // Back-off with jitter: consoles dropped together by a hub's restart come back spread out, not in lockstep.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(15_000, 500 * 2 ** Math.min(context.previousRetryCount, 5)) * (0.5 + Math.random() / 2) })
    .withStatefulReconnect()
    .build();
  // One push carries the entries published together, in order; each one's previous visible position is
  // the one before it, so a gap can only be before the first.
  connection.on('EntriesAppended', (entries, previousPosition) => {
    if (previousPosition > lastPosition) catchUp().catch(() => {});
    else entries.forEach(apply);
  });
  // The heartbeat names the audience's latest position: a tail missed in silence shows up here. One
  // behind the feed may mean a log restored from a backup (whose new entries, at positions already
  // shown, are dropped as repeats): catch-up asks the hub.
  connection.on('Heartbeat', (latest) => { if (latest !== lastPosition) catchUp().catch(() => {}); });
  // Seals come to every connection; the browser keeps them as one more witness to the log as it was.
  connection.on('LogSealed', keepSeal);
  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(() => { setState('live'); catchUp().catch(() => {}); });
  connection.onclose(() => { if (connection) { setState('offline'); scheduleRestart(); } });
  window.addEventListener('offline', () => setState('offline'));
  window.addEventListener('online', () => { if (connection?.state === 'Connected') { setState('live'); catchUp().catch(() => {}); } });
  await connect();
}

async function connect() {
  restartTimer = null;
  if (!connection) return;
  try {
    setState(state === 'live' ? 'live' : 'reconnecting');
    await connection.start();
    setState('live');
    await catchUp();
  } catch {
    if (connection?.state !== 'Connected') {
      setState('offline');
      scheduleRestart();
    }
  }
}

function scheduleRestart() {
  if (!restartTimer && connection) restartTimer = setTimeout(connect, 3_000);
}

export async function stop() {
  const closing = connection;
  connection = null;
  clearTimeout(restartTimer);
  restartTimer = null;
  if (closing) await closing.stop();
  setState('offline');
}
