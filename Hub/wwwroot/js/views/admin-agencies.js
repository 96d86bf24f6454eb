// Administration, agencies: the registered agencies, one form to register an agency or rename one, and the
// agencies that can be cleared for a restricted incident. Clearance itself is given in the report; the hub has
// no call to change it afterwards, so this screen says so rather than offering what it cannot do.

import { ProblemError, post } from '../api.js';
import { $, h } from '../dom.js';
import { clearFieldErrors, showFieldErrors } from '../forms.js';
import { nameOf, t } from '../i18n.js';
import { alertableAgencies, loadReference, reference } from '../reference.js';
import { AGENCY_KINDS } from '../vocabulary.js';

const FIELDS = ['code', 'nameAr', 'nameEn', 'kind'];
// The agency being renamed, or null while the form registers a new one.
let editing = null;
let onChanged = () => {};

const formFields = () => FIELDS.map((name) => ({ name, control: $(`#a-${name}`), error: $(`#err-a-${name}`) }));

/** changed: called once the agencies are read again after a save, so the other screens name them anew. */
export function initAgencies(changed) {
  onChanged = changed;
  fillKinds();
  startNew();
  $('#agency-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('#agency-new').addEventListener('click', () => { startNew(); $('#a-code').focus(); });
  draw();
}

export function relabelAgencies() {
  fillKinds();
  drawFormState();
  draw();
}

function fillKinds() {
  const select = $('#a-kind');
  const value = select.value;
  select.replaceChildren(h('option', { text: t('report.choose'), attrs: { value: '' } }),
    ...AGENCY_KINDS.map((kind) => h('option', { text: t(`Kind.${kind}`), attrs: { value: kind } })));
  select.value = value;
}

function drawFormState() {
  $('#agency-form-heading').textContent = editing ? t('agencies.form.edit', { code: editing.code }) : t('agencies.form.new');
}

function startNew() {
  editing = null;
  $('#agency-form').reset();
  $('#a-code').readOnly = false;
  clearFieldErrors(formFields(), null);
  drawFormState();
}

function edit(agency) {
  startNew();
  editing = agency;
  $('#a-code').value = agency.code;
  // The code is what rules, users and alerts name: a new code would be another agency.
  $('#a-code').readOnly = true;
  $('#a-nameAr').value = agency.nameAr;
  $('#a-nameEn').value = agency.nameEn;
  $('#a-kind').value = agency.kind;
  drawFormState();
  $('#agency-result').textContent = '';
  $('#a-nameAr').focus();
}

async function save() {
  clearFieldErrors(formFields(), $('#agency-result'));
  const request = {
    code: $('#a-code').value.trim() || null,
    nameAr: $('#a-nameAr').value.trim() || null,
    nameEn: $('#a-nameEn').value.trim() || null,
    kind: $('#a-kind').value || null,
  };
  const button = $('#agency-save');
  button.disabled = true;
  try {
    await post('/api/admin/agencies', request);
    startNew();
    $('#agency-result').textContent = t('agencies.saved', { code: request.code });
    await loadReference();
    draw();
    onChanged();
  } catch (error) {
    if (error instanceof ProblemError) showFieldErrors(error, formFields(), $('#agency-result'));
    else $('#agency-result').textContent = t('error.network');
  } finally {
    button.disabled = false;
  }
}

function row(agency) {
  const editButton = h('button', { text: t('agencies.edit'), class: 'agency-edit', attrs: { type: 'button', 'aria-describedby': `agencies-row-${agency.code}` }, on: { click: () => edit(agency) } });
  return h('tr', { data: { agency: agency.code } },
    h('th', { text: agency.code, attrs: { scope: 'row', dir: 'ltr', id: `agencies-row-${agency.code}` } }),
    h('td', { text: agency.nameAr, attrs: { dir: 'rtl', lang: 'ar' } }),
    h('td', { text: agency.nameEn, attrs: { dir: 'ltr', lang: 'en' } }),
    h('td', { text: t(`Kind.${agency.kind}`) }),
    h('td', {}, editButton));
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['code', 'nameAr', 'nameEn', 'kind', 'actions']
    .map((c) => h('th', { text: t(`agencies.col.${c}`), attrs: { scope: 'col' } }))));
  $('#agencies-table').replaceChildren(head, h('tbody', {}, reference.agencies.map(row)));
  // Who can be cleared for a restricted incident: every registered agency but the duty office, by the code a report names.
  $('#clearance-agencies').replaceChildren(...alertableAgencies().map((a) =>
    h('li', { class: 'chip', data: { agency: a.code } }, h('bdi', { text: a.code, attrs: { dir: 'ltr' } }), ` — ${nameOf(a)}`)));
}
