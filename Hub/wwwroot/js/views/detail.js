// One incident: what was reported, who was alerted and who acknowledged, the plans activated on it and their tasks,
// its timeline, and the forms to post an update or (duty office and commanders) change its status and, for a
// restricted incident, who is cleared for it. An update or a status change made without a link (or across an ended
// session) waits in the outbox with its idempotency key, like a report, and is sent when the link returns.

import { ProblemError, get, newId } from '../api.js';
import { $, h, severityBadge } from '../dom.js';
import { clearanceForm } from '../clearance.js';
import { describeTimelineRow } from '../entries.js';
import { formatTime, t } from '../i18n.js';
import { agencyName, districtName, hazardName } from '../reference.js';
import { showError } from '../notice.js';
import { STATUSES } from '../vocabulary.js';
import { enqueue } from '../outbox.js';
import { clearTasks, drawTasks, initTasks, loadTasks } from './tasks.js';

let current = null;
let pendingUpdate = null;
let pendingStatus = null;
let canChangeClearance = false;
// Which incident and clearance the clearance form was drawn for: redrawn only when they change, so a live entry on
// the incident does not wipe a change being written.
let clearanceDrawn = '';

export function initDetail(session) {
  const canChangeStatus = session.role === 'Operator' || session.role === 'Commander';
  $('#status-form').hidden = !canChangeStatus;
  canChangeClearance = canChangeStatus;
  $('#detail-close').addEventListener('click', closeDetail);
  initTasks(session);
  $('#update-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('#update-text').value;
    // The same key for a retried click, a new one once the text changes.
    pendingUpdate = pendingUpdate?.text === text ? pendingUpdate : { text, eventId: newId() };
    await send('update', `/api/incidents/${current.incident.incidentId}/updates`, { eventId: pendingUpdate.eventId, text }, $('#err-update'),
      () => { $('#update-text').value = ''; pendingUpdate = null; });
  });
  $('#status-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = $('#status-select').value;
    const reason = $('#status-reason').value || null;
    pendingStatus = pendingStatus?.status === status && pendingStatus?.reason === reason ? pendingStatus : { status, reason, eventId: newId() };
    await send('status', `/api/incidents/${current.incident.incidentId}/status`, { eventId: pendingStatus.eventId, status, reason }, $('#err-status'),
      () => { $('#status-reason').value = ''; pendingStatus = null; });
  });
}

async function send(kind, path, body, errorElement, done) {
  errorElement.textContent = '';
  const { incident } = current;
  try {
    const answer = await enqueue({ kind, path, body, label: `${incident.reference} — ${incident.title}`, incidentId: incident.incidentId });
    done();
    // Kept to be sent later: said where the answer would have been; the timeline shows it once stored.
    if (answer.queued) errorElement.textContent = t(answer.signIn ? 'outbox.keptSignIn' : 'outbox.kept');
    else await reload();
  } catch (error) {
    if (error instanceof ProblemError) {
      errorElement.textContent = Object.values(error.errors).flat().join(' ') || error.detail || error.title;
    } else {
      showError(error);
    }
  }
}

export async function openDetail(incidentId) {
  current = await get(`/api/incidents/${incidentId}`);
  draw();
  await loadTasks(current);
  const panel = $('#detail');
  panel.hidden = false;
  panel.focus();
}

export function closeDetail() {
  current = null;
  clearTasks();
  $('#detail').hidden = true;
}

/** Re-reads the open incident when the log says it changed. */
export async function refreshDetailIf(incidentId) {
  if (current?.incident.incidentId === incidentId) await reload();
}

async function reload() {
  if (!current) return;
  current = await get(`/api/incidents/${current.incident.incidentId}`);
  draw();
  await loadTasks(current);
}

/** Reads the open incident again, and closes it when the hub no longer has it (the log was restored without it). */
export async function reloadDetail() {
  try {
    await reload();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) closeDetail();
    else throw error;
  }
}

export function redrawDetail() {
  clearanceDrawn = '';
  if (!current) return;
  draw();
  drawTasks();
}

function draw() {
  const { incident, alerts, timeline } = current;
  // Drill traffic says so above everything else, in both languages, whatever the console's language.
  $('#detail-exercise').hidden = !incident.isExercise;
  const title = $('#detail-title');
  title.replaceChildren(
    incident.isExercise ? h('span', { class: 'exercise-tag', text: t('exercise') }) : '',
    severityBadge(incident.severity, t(`Severity.${incident.severity}`)),
    ` ${incident.reference} — `,
    h('bdi', { text: incident.title }));
  $('#detail-meta').textContent = [
    hazardName(incident.hazard),
    districtName(incident.location?.district ?? incident.district) + (incident.municipality ? ` / ${incident.municipality}` : ''),
    t(`Status.${incident.status}`),
    t('detail.reported', { by: incident.reportedBy, time: formatTime(incident.reportedAt) }),
  ].join(' · ');
  $('#detail-description').textContent = incident.description ?? '';
  $('#detail-alerts').replaceChildren(...alerts.map((a) => h('li', { class: a.revokedPosition ? 'chip revoked' : a.acknowledgedAt ? 'chip done' : 'chip', data: { agency: a.agency } },
    agencyName(a.agency), a.acknowledgedAt ? ` ✓ ${formatTime(a.acknowledgedAt)}` : '', a.revokedPosition ? ` (${t('detail.revoked')})` : '')));
  drawClearance(incident);
  const select = $('#status-select');
  select.replaceChildren(...STATUSES.map((s) => h('option', { text: t(`Status.${s}`), attrs: { value: s, selected: s === incident.status } })));
  // Newest first, like the inbox and the shared timeline.
  $('#detail-timeline').replaceChildren(...timeline.slice().reverse().map((row) => h('li', { data: { position: row.position }, class: row.isExercise ? 'exercise' : '' },
    h('time', { text: formatTime(row.recordedAt), attrs: { datetime: row.recordedAt } }),
    row.isExercise ? h('span', { class: 'exercise-tag', text: t('exercise') }) : null,
    h('span', { class: 'entry-text', text: describeTimelineRow(row), attrs: { dir: 'auto' } }))));
}

function drawClearance(incident) {
  const restricted = incident.classification === 'Restricted';
  $('#detail-clearance').hidden = !restricted;
  if (!restricted) return;
  $('#detail-cleared').replaceChildren(...incident.clearedAgencies.map((code) => h('li', { class: 'chip', text: agencyName(code), data: { agency: code } })));
  const form = $('#clearance-form');
  form.hidden = !canChangeClearance;
  const drawn = `${incident.incidentId}:${incident.clearedAgencies.join(',')}`;
  if (!canChangeClearance || drawn === clearanceDrawn) return;
  clearanceDrawn = drawn;
  clearanceForm(form, {
    idPrefix: 'dc',
    incident,
    path: `/api/incidents/${incident.incidentId}/clearance`,
    async onSaved() {
      const said = $('#dc-result').textContent;
      await reload();
      $('#dc-result').textContent = said;
    },
  });
}
