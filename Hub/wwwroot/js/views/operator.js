// The duty office: a report form built for the keyboard (Tab through it, Enter sends), server
// validation shown next to each field in the chosen language, who the report will alert before it is
// sent, the offline outbox, and the board.

import { ProblemError, newId, post } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { agencyChecks, tickedIn } from '../clearance.js';
import { clearFieldErrors, showFieldErrors } from '../forms.js';
import { nameOf, t } from '../i18n.js';
import { createMap } from '../map.js';
import { flush, onOutboxChange, submitReport } from '../outbox.js';
import { reference } from '../reference.js';
import { showNotice } from '../notice.js';
import { SEVERITIES } from '../vocabulary.js';
import { createBoard } from './board.js';
import { openDetail, refreshDetailIf } from './detail.js';

const REPORTED_SEVERITIES = SEVERITIES.filter((s) => s !== 'Unknown');
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'];
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'];
const FIELDS = ['hazard', 'severity', 'district', 'municipality', 'latitude', 'longitude', 'title', 'description', 'classification', 'clearedAgencies'];
const CLASSIFICATIONS = ['Public', 'Restricted'];

let board;
let map;
// The idempotency key of the report on the form: kept while the same report is retried.
let draftKey = null;
// The last routing preview, kept so a change of language names its agencies again without asking the hub.
let preview = { state: 'incomplete' };
let previewAsked = 0;

export function initOperator() {
  board = createBoard($('#operator-board'), { idPrefix: 'operator', onSelect: openDetail });
  map = createMap($('#report-map'), {
    districts: reference.districts,
    tileUrl: reference.settings.tileUrl,
    onPick(lat, lon) {
      $('#f-latitude').value = lat;
      $('#f-longitude').value = lon;
      map.setPoint(lat, lon);
    },
  });
  fillChoices();
  const form = $('#report-form');
  form.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
  form.addEventListener('input', () => { draftKey = null; });
  for (const id of ['#f-hazard', '#f-severity', '#f-district', '#f-classification', '#f-cleared-box']) {
    $(id).addEventListener('input', previewSoon);
    $(id).addEventListener('change', previewSoon);
  }
  // A restricted incident names the agencies cleared for it: only they are alerted and see it.
  $('#f-classification').addEventListener('change', showCleared);
  // Offline the hub cannot be asked, and an answer shown before may no longer hold: say so rather than guess.
  window.addEventListener('offline', () => { previewAsked++; showPreview({ state: 'unavailable' }); });
  window.addEventListener('online', previewSoon);
  drawPreview();
  for (const id of ['#f-latitude', '#f-longitude']) {
    $(id).addEventListener('change', () => map.setPoint(Number.parseFloat($('#f-latitude').value), Number.parseFloat($('#f-longitude').value)));
  }
  // A refused item is told by the shell, whatever its kind; a kept report sent names its reference here.
  onOutboxChange((change) => {
    if (change.type === 'sent' && change.item.kind === 'report') {
      showNotice(t('outbox.sent', { ref: change.response.reference }));
      board.refreshSoon();
    }
  });
  return board.refresh();
}

export function relabelOperator() {
  const values = Object.fromEntries(['hazard', 'severity', 'urgency', 'certainty', 'classification'].map((f) => [f, $(`#f-${f}`).value]));
  const cleared = clearedTicked();
  fillChoices(cleared);
  for (const [field, value] of Object.entries(values)) $(`#f-${field}`).value = value;
  board.relabel();
  map.redraw();
  drawPreview();
}

export const onOperatorEntry = (entry) => {
  if (entry.type === 'IncidentReported' || entry.type === 'IncidentStatusChanged' || entry.type === 'AlertAcknowledged' || entry.type === 'AgencyAlerted') {
    board.refreshSoon();
  }
  refreshDetailIf(entry.incidentId).catch(() => {});
};

/** Reads the board again (the log was restored: incidents shown may no longer be in it). */
export const reloadOperator = () => board.refresh();

/** Link back: send what the outbox holds. */
export const onOperatorOnline = () => flush();

function options(select, values, label, withBlank) {
  select.replaceChildren(
    ...(withBlank ? [h('option', { text: t('report.choose'), attrs: { value: '' } })] : []),
    ...values.map((v) => h('option', { text: label(v), attrs: { value: v } })));
}

function fillChoices(cleared = []) {
  options($('#f-classification'), CLASSIFICATIONS, (c) => t(`Classification.${c}`), false);
  $('#f-cleared-box').replaceChildren(agencyChecks({ id: 'f-cleared', legend: t('report.cleared'), name: 'clearedAgencies', checked: cleared, describedBy: 'err-clearedAgencies' }));
  options($('#f-hazard'), reference.hazards.map((x) => x.type), (type) => nameOf(reference.hazards.find((x) => x.type === type)), true);
  options($('#f-severity'), REPORTED_SEVERITIES, (s) => t(`Severity.${s}`), true);
  options($('#f-urgency'), URGENCIES, (s) => t(`Urgency.${s}`), false);
  options($('#f-certainty'), CERTAINTIES, (s) => t(`Certainty.${s}`), false);
  // Both names in each suggestion, so typing either finds the district.
  $('#district-options').replaceChildren(...reference.districts.map((d) => h('option', { attrs: { value: districtLabel(d) } })));
  const picked = districtFromText($('#f-district').value);
  if (picked) $('#f-district').value = districtLabel(picked);
}

const restricted = () => $('#f-classification').value === 'Restricted';
const clearedTicked = () => ($('#f-cleared') ? tickedIn($('#f-cleared')) : []);

function showCleared() {
  $('#f-cleared-box').hidden = !restricted();
}

const districtLabel = (d) => `${nameOf(d)} — ${nameOf(d) === d.nameAr ? d.nameEn : d.nameAr}`;

function districtFromText(text) {
  const value = text.trim().toLowerCase();
  if (!value) return null;
  return reference.districts.find((d) => districtLabel(d).toLowerCase() === value || d.nameAr === value || d.nameEn.toLowerCase() === value || d.code === value) ?? null;
}

const numberOrNull = (text) => (text.trim() === '' ? null : Number.parseFloat(text.replace(',', '.')));

function readForm() {
  const districtText = $('#f-district').value;
  return {
    eventId: (draftKey ??= newId()),
    hazard: $('#f-hazard').value || null,
    severity: $('#f-severity').value || null,
    urgency: $('#f-urgency').value || null,
    certainty: $('#f-certainty').value || null,
    // An unrecognised name is sent as typed, so the hub's own message says what is wrong with it.
    district: districtFromText(districtText)?.code ?? (districtText.trim() || null),
    municipality: $('#f-municipality').value.trim() || null,
    latitude: numberOrNull($('#f-latitude').value),
    longitude: numberOrNull($('#f-longitude').value),
    title: $('#f-title').value.trim() || null,
    description: $('#f-description').value.trim() || null,
    isExercise: $('#f-exercise').checked,
    classification: $('#f-classification').value || null,
    // Sent only for a restricted incident, where the hub needs at least one.
    clearedAgencies: restricted() ? clearedTicked() : null,
  };
}

// In the form's order, so focus lands on the first field to fix from the top.
// The cleared agencies' messages are shown under their boxes, and the first box is where focus goes.
const formFields = () => FIELDS.map((name) => ({
  name,
  control: name === 'clearedAgencies' ? $('#f-cleared input') : $(`#f-${name}`),
  error: $(`#err-${name}`),
}));

/** What the preview asks: only once hazard, severity and a known district are chosen. */
function previewRequest() {
  const hazard = $('#f-hazard').value;
  const severity = $('#f-severity').value;
  const district = districtFromText($('#f-district').value)?.code;
  if (!(hazard && severity && district)) return null;
  // A restricted incident alerts exactly the agencies ticked (none ticked: the hub says what is missing).
  return restricted() ? { hazard, severity, district, classification: 'Restricted', clearedAgencies: clearedTicked() } : { hazard, severity, district };
}

// Typing a district asks once the typing stops, not at every key.
const previewSoon = debounce(() => refreshPreview(), 300);

async function refreshPreview() {
  const request = previewRequest();
  const asked = ++previewAsked;
  if (!request) return showPreview({ state: 'incomplete' });
  if (!navigator.onLine) return showPreview({ state: 'unavailable' });
  let next;
  try {
    next = { state: 'ready', answer: await post('/api/routing/preview', request) };
  } catch (error) {
    // The preview only informs: whatever goes wrong here, the report can still be sent (or queued).
    next = error instanceof ProblemError && error.status < 500 ? { state: 'refused', detail: error.detail || error.title } : { state: 'unavailable' };
  }
  // An answer to an older choice must not overwrite the one for the current choice.
  if (asked === previewAsked) showPreview(next);
}

function showPreview(next) {
  preview = next;
  drawPreview();
}

function drawPreview() {
  const box = $('#report-preview');
  box.dataset.state = preview.state;
  if (preview.state !== 'ready') {
    box.replaceChildren(h('p', { class: 'hint', text: t(`preview.${preview.state}`, { detail: preview.detail }) }));
    return;
  }
  const { fallback, agencies } = preview.answer;
  box.replaceChildren(
    h('p', { text: t(fallback ? 'preview.fallback' : 'preview.alerts') }),
    h('ul', { class: 'chips' }, agencies.map((a) => h('li', { class: fallback ? 'chip fallback' : 'chip', text: nameOf(a), data: { agency: a.agency } }))));
}

async function submit() {
  clearFieldErrors(formFields(), $('#report-result'));
  const request = readForm();
  const button = $('#report-submit');
  button.disabled = true;
  try {
    const response = await submitReport(request);
    if (response.queued) {
      $('#report-result').textContent = t(response.signIn ? 'report.queuedSignIn' : 'report.queued');
    } else {
      $('#report-result').textContent = t(response.wasDuplicate ? 'report.duplicate' : 'report.sent', { ref: response.reference });
      board.refreshSoon();
    }
    resetForm();
  } catch (error) {
    if (error instanceof ProblemError) showFieldErrors(error, formFields(), $('#report-result'));
    else $('#report-result').textContent = t('error.generic', { detail: error.message });
  } finally {
    button.disabled = false;
  }
}

function resetForm() {
  for (const id of ['#f-title', '#f-description', '#f-municipality', '#f-latitude', '#f-longitude', '#f-district']) $(id).value = '';
  $('#f-hazard').value = '';
  $('#f-severity').value = '';
  $('#f-exercise').checked = false;
  $('#f-classification').value = 'Public';
  for (const box of document.querySelectorAll('#f-cleared input')) box.checked = false;
  showCleared();
  map.setPoint(Number.NaN, Number.NaN);
  draftKey = null;
  previewAsked++;
  showPreview({ state: 'incomplete' });
  $('#f-hazard').focus();
}
