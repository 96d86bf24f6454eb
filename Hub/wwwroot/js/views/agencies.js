// Who is listening. The duty office's and commanders' agency board: each responding agency's liaisons connected
// now (how many, who), when one was last seen, its alerts waiting for acknowledgement, and an agency nobody of
// which is connected marked in words and an icon. For a liaison: a note while this console is their agency's only
// connection, and the browser's leave-page prompt then, since closing it would leave the agency unreachable.
// Read from GET /api/presence every few seconds, soon after an alert or acknowledgement arrives, and soon after the
// live feed connects or reconnects.

import { getKnown } from '../api.js';
import { $, h } from '../dom.js';
import { formatNumber, formatTime, lang, t } from '../i18n.js';

const POLL_MS = 4_000;
let session = null;
let table = null; // the board's table id, or null for a liaison
let timer = null;
let soon = null;
let last = null;
let lastOne = false;

export function initAgencies(current, tableId) {
  session = current;
  table = tableId;
  clearInterval(timer);
  timer = setInterval(() => refresh().catch(() => {}), POLL_MS);
  window.addEventListener('beforeunload', warnOnLeave);
  return refresh().catch(() => {});
}

export function stopAgencies() {
  clearInterval(timer);
  timer = null;
  clearTimeout(soon);
  window.removeEventListener('beforeunload', warnOnLeave);
  lastOne = false;
}

export function relabelAgencies() {
  if (last) draw(last);
}

export function onAgenciesEntry(entry) {
  if (!['AgencyAlerted', 'AlertAcknowledged', 'AgencyUnreachable', 'IncidentStatusChanged'].includes(entry.type)) return;
  clearTimeout(soon);
  soon = setTimeout(() => refresh().catch(() => {}), 500);
}

/**
 * The live feed is (again) connected: this console's own connection has just changed who is listening, so read it
 * soon rather than at the next poll. A liaison learns at once that they are their agency's only connection.
 */
export function onAgenciesLive() {
  if (timer === null) return;
  clearTimeout(soon);
  soon = setTimeout(() => refresh().catch(() => {}), 500);
}

async function refresh() {
  last = await getKnown('/api/presence');
  draw(last);
}

function draw(board) {
  if (table) drawBoard(board);
  else drawLiaison(board);
}

const nameOf = (a) => (lang() === 'ar' ? a.nameAr : a.nameEn);

function drawBoard(board) {
  // Agencies nobody can reach with alerts waiting first: those are the calls to make.
  const rows = board.agencies.slice().sort((a, b) => urgency(b) - urgency(a));
  $(`#${table} tbody`).replaceChildren(...rows.map((a) => {
    const connected = a.users.filter((u) => u.connections > 0);
    return h('tr', { class: a.unreachable ? 'unreachable' : 'reachable', data: { agency: a.agency } },
      h('th', { text: nameOf(a), attrs: { scope: 'row' } }),
      h('td', { class: 'presence-state' },
        h('span', { class: 'presence-icon', text: a.unreachable ? '⚠' : '✓', attrs: { 'aria-hidden': 'true' } }),
        ` ${a.unreachable ? t('presence.unreachable') : t('presence.connected', { n: formatNumber(a.connected) })}`),
      h('td', { text: connected.length === 0 ? '—' : connected.map((u) => u.userName).join('، '), attrs: { dir: 'auto' } }),
      h('td', { text: a.unreachable ? (a.lastSeen ? formatTime(a.lastSeen) : t('presence.never')) : t('presence.now') }),
      h('td', { class: 'waiting-count', text: formatNumber(a.alertsWaiting) }));
  }));
  $(`#${table}-settling`).hidden = board.settled;
}

const urgency = (a) => (a.unreachable ? 2 : 0) + (a.alertsWaiting > 0 ? 1 : 0) + (a.unreachable && a.alertsWaiting > 0 ? 1 : 0);

function drawLiaison(board) {
  const mine = board.agencies.find((a) => a.agency === session.agency);
  const connections = mine ? mine.users.reduce((sum, u) => sum + u.connections, 0) : 0;
  // This console is the agency's one connection: no other tab, device or system of the agency is listening.
  lastOne = connections === 1 && mine.users.some((u) => u.connections === 1 && u.userName.toLowerCase() === session.userName.toLowerCase());
  $('#last-connection').hidden = !lastOne;
}

function warnOnLeave(event) {
  if (!lastOne) return;
  event.preventDefault();
  // Older browsers show the prompt only when returnValue is set.
  event.returnValue = t('presence.lastOne');
}
