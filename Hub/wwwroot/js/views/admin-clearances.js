// Administration, clearances: the restricted incidents by their metadata only (reference, hazard, district, time
// reported, cleared agencies; never a title or text), and for the one chosen, who is cleared for it, changed with a
// reason through the admin API.

import { get } from '../api.js';
import { $, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { clearanceForm } from '../clearance.js';
import { agencyName, districtName, hazardName } from '../reference.js';

let incidents = [];
// The incident whose clearance the form edits, by id.
let chosen = null;

export async function refreshClearances() {
  incidents = await get('/api/admin/clearances');
  draw();
}

export function relabelClearances() {
  draw();
}

function row(incident) {
  const change = h('button', {
    text: t('clearances.change'), class: 'clearance-change',
    attrs: { type: 'button', 'aria-describedby': `clearances-row-${incident.incidentId}` },
    on: { click: () => choose(incident.incidentId) },
  });
  return h('tr', { data: { incident: incident.incidentId, reference: incident.reference } },
    h('th', { attrs: { scope: 'row', dir: 'ltr', id: `clearances-row-${incident.incidentId}` } },
      incident.isExercise ? h('span', { class: 'exercise-tag', text: t('exercise') }) : '', incident.reference),
    h('td', { text: hazardName(incident.hazard) }),
    h('td', { text: districtName(incident.district) }),
    h('td', {}, h('time', { text: formatTime(incident.reportedAt), attrs: { datetime: incident.reportedAt } })),
    h('td', { class: 'cleared' }, h('ul', { class: 'chips' }, incident.clearedAgencies.map((code) => h('li', { class: 'chip', text: agencyName(code), data: { agency: code } })))),
    h('td', {}, change));
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['reference', 'hazard', 'district', 'reported', 'agencies', 'actions']
    .map((c) => h('th', { text: t(`clearances.col.${c}`), attrs: { scope: 'col' } }))));
  $('#clearances-table').replaceChildren(head, h('tbody', {}, incidents.map(row)));
  $('#clearances-empty').hidden = incidents.length > 0;
  drawForm();
}

function choose(incidentId) {
  chosen = incidentId;
  drawForm();
  $('#clearance-edit-form input[type="checkbox"]')?.focus();
}

function drawForm() {
  const incident = incidents.find((i) => i.incidentId === chosen);
  const form = $('#clearance-edit-form');
  $('#clearance-edit-heading').textContent = incident ? t('clearance.form.heading', { ref: incident.reference }) : t('clearances.heading');
  $('#clearance-edit-none').hidden = Boolean(incident);
  form.hidden = !incident;
  if (!incident) {
    form.replaceChildren();
    return;
  }
  clearanceForm(form, {
    idPrefix: 'ac',
    incident,
    path: `/api/admin/clearances/${incident.incidentId}`,
    async onSaved() {
      const said = $('#ac-result').textContent;
      await refreshClearances();
      // The list read again redraws the form from the new clearance; what the hub answered stays said.
      $('#ac-result').textContent = said;
    },
  });
}
