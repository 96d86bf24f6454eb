// An agency liaison: the agency's alerts, those awaiting acknowledgement first, each newest first, live. A new alert flashes and sounds; each
// shows its acknowledgement deadline counting down and a one-click acknowledge; opening one shows the
// incident's timeline and the form to post an update. An acknowledgement made without a link (or across an ended
// session) waits in the outbox with its idempotency key and is sent when the link returns; the alert says so meanwhile.

import { ProblemError, get, getKnown, newId, rememberKnown } from '../api.js';
import { $, h, severityBadge } from '../dom.js';
import { formatDuration, formatTime, t } from '../i18n.js';
import { agencyName, districtName, hazardName } from '../reference.js';
import { showError, showNotice } from '../notice.js';
import { describeEntry } from '../entries.js';
import { openDetail, refreshDetailIf } from './detail.js';
import { enqueue, onOutboxChange, pending } from '../outbox.js';

let agency = '';
const alerts = new Map(); // incidentId -> alert row
let ticker = null;
let audio = null;
let drawn = () => {};
let outboxWatched = false;
// Alerts that came live since the inbox was read are kept as what the inbox knows, for a reload without a link.
const keepInbox = () => rememberKnown('/api/alerts', [...alerts.values()]);

const ackPath = (incidentId) => `/api/incidents/${incidentId}/acknowledge`;
const waitingAck = (incidentId) => pending().find((item) => item.kind === 'ack' && item.path === ackPath(incidentId));

/** listener(open, fresh): each time the inbox is drawn, how many alerts await acknowledgement and whether one just arrived. */
export const onInboxDrawn = (listener) => { drawn = listener; };

export async function initLiaison(session) {
  agency = session.agency;
  $('#inbox-agency').textContent = `(${agencyName(agency)})`;
  for (const row of await getKnown('/api/alerts')) alerts.set(row.incidentId, row);
  draw();
  if (!outboxWatched) {
    outboxWatched = true;
    onOutboxChange((change) => {
      if (change.type === 'sent' && change.item.kind === 'ack') {
        const alert = alerts.get(change.item.incidentId);
        if (alert) alert.acknowledgedAt ??= new Date().toISOString();
      }
      // A kept acknowledgement sent or refused: the alert shows its button or its time again.
      if (change.type === 'count' && alerts.size > 0) draw();
    });
  }
  clearInterval(ticker);
  ticker = setInterval(tick, 1_000);
  // Browsers allow sound only after a person has interacted with the page: sign-in was that; after a
  // reload the first click or key press unlocks it.
  audio ??= new AudioContext();
  for (const event of ['pointerdown', 'keydown']) document.addEventListener(event, () => audio.resume().catch(() => {}), { once: true });
}

export function relabelLiaison() {
  $('#inbox-agency').textContent = `(${agencyName(agency)})`;
  draw();
}

export function onLiaisonEntry(entry) {
  const d = entry.data ?? {};
  if (entry.type === 'AgencyAlerted' && d.agency === agency) {
    const isNew = !alerts.has(d.incidentId);
    alerts.set(d.incidentId, {
      ...(alerts.get(d.incidentId) ?? {}),
      incidentId: d.incidentId, agency: d.agency, hazard: d.hazard, severity: d.severity, district: d.district, title: d.title,
      alertedAt: d.alertedAt, acknowledgeBy: d.acknowledgeBy, isExercise: d.isExercise, position: entry.position,
    });
    draw(isNew ? d.incidentId : null);
    keepInbox();
    if (isNew) cue(d);
  } else if (entry.type === 'AlertAcknowledged' && d.agency === agency && alerts.has(d.incidentId)) {
    Object.assign(alerts.get(d.incidentId), { acknowledgedAt: d.acknowledgedAt, acknowledgedBy: d.acknowledgedBy });
    draw();
    keepInbox();
  } else if (entry.type === 'AlertEscalated' && d.agency === agency && alerts.has(d.incidentId)) {
    Object.assign(alerts.get(d.incidentId), { escalationLevel: d.level, acknowledgeBy: d.acknowledgeBy });
    draw();
    keepInbox();
  } else if (['RiskReviewOverdue', 'RiskReviewReminderSent', 'RiskReviewEscalated'].includes(entry.type) && d.leadAgency === agency) {
    // A risk the agency leads is overdue for review: said in the banner; the register's page of the risk has the rest.
    showNotice(describeEntry(entry), 'alert');
    return;
  } else if (['ImprovementItemOverdue', 'ImprovementItemReminderSent', 'ImprovementItemEscalated'].includes(entry.type) && d.ownerAgency === agency) {
    // An improvement item the agency owns is overdue: said in the banner, as an overdue review is.
    showNotice(describeEntry(entry), 'alert');
    return;
  }
  refreshDetailIf(entry.incidentId).catch(() => {});
}

function cue(alert) {
  showNotice(t('inbox.new', { title: alert.title }), 'alert');
  document.title = `(!) ${t('app.title')}`;
  setTimeout(() => { document.title = t('app.title'); }, 10_000);
  if (!audio) return;
  // Two short tones: audible over a busy room, generated here so no sound file is needed.
  audio.resume().then(() => {
    for (const [start, frequency] of [[0, 880], [0.25, 660]]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.25, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(audio.currentTime + start);
      oscillator.stop(audio.currentTime + start + 0.22);
    }
  }).catch(() => {});
}

function deadlineText(alert) {
  if (alert.acknowledgedAt) return t('inbox.acked', { time: formatTime(alert.acknowledgedAt), by: alert.acknowledgedBy ?? '' });
  const left = (Date.parse(alert.acknowledgeBy) - Date.now()) / 1000;
  return left >= 0 ? t('inbox.due', { left: formatDuration(left) }) : t('inbox.overdue', { late: formatDuration(-left) });
}

function tick() {
  for (const item of document.querySelectorAll('#inbox li[data-incident]')) {
    const alert = alerts.get(item.dataset.incident);
    if (!alert) continue;
    const deadline = item.querySelector('.deadline');
    deadline.textContent = deadlineText(alert);
    item.classList.toggle('overdue', !alert.acknowledgedAt && Date.parse(alert.acknowledgeBy) < Date.now());
  }
}

function draw(freshId = null) {
  // What still waits for acknowledgement comes first, so a liaison who connects sees what is owed before what is done.
  const rows = [...alerts.values()].sort((a, b) => Boolean(a.acknowledgedAt) - Boolean(b.acknowledgedAt)
    || Date.parse(b.alertedAt) - Date.parse(a.alertedAt) || b.position - a.position);
  $('#inbox').replaceChildren(...rows.map((a) => h('li', {
    class: ['alert', a.acknowledgedAt ? 'acked' : 'open', a.incidentId === freshId ? 'fresh' : '', a.isExercise ? 'exercise' : ''].join(' ').trim(),
    data: { incident: a.incidentId },
  },
  h('div', { class: 'alert-head' },
    a.isExercise ? h('span', { class: 'exercise-tag', text: t('exercise') }) : null,
    severityBadge(a.severity, t(`Severity.${a.severity}`)),
    h('strong', { class: 'alert-title', text: a.title, attrs: { dir: 'auto' } })),
  h('div', { class: 'muted', text: `${hazardName(a.hazard)} · ${districtName(a.district)} · ${formatTime(a.alertedAt)}` }),
  h('div', { class: 'deadline', text: deadlineText(a) }),
  h('div', { class: 'actions' },
    a.acknowledgedAt ? null : waitingAck(a.incidentId) ? h('span', { class: 'ack-queued', text: t('inbox.ackQueued') })
      : h('button', { class: 'primary ack', text: t('inbox.ack'), attrs: { type: 'button' }, on: { click: (e) => acknowledge(a, e.currentTarget) } }),
    h('button', { class: 'open-detail', text: t('inbox.open'), attrs: { type: 'button' }, on: { click: () => openDetail(a.incidentId).catch(showError) } })))));
  $('#inbox-empty').hidden = rows.length > 0;
  tick();
  drawn(rows.filter((a) => !a.acknowledgedAt).length, freshId !== null);
}

async function acknowledge(alert, button) {
  button.disabled = true;
  try {
    const response = await enqueue({ kind: 'ack', path: ackPath(alert.incidentId), body: { eventId: newId() }, label: alert.title, incidentId: alert.incidentId });
    if (!response.queued) alert.acknowledgedAt ??= new Date().toISOString();
    draw();
    return response;
  } catch (error) {
    button.disabled = false;
    // Already acknowledged by a colleague: the log entry will show who; nothing to do here.
    if (error instanceof ProblemError && error.status === 409) return null;
    showError(error);
    return null;
  }
}

/** Reads the agency's alerts again (the log was restored: alerts shown may no longer be in it). */
export async function reloadLiaison() {
  const rows = await get('/api/alerts');
  alerts.clear();
  for (const row of rows) alerts.set(row.incidentId, row);
  draw();
}

export function stopLiaison() {
  clearInterval(ticker);
  alerts.clear();
}
