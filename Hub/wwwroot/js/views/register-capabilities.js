// An agency's capabilities: what it holds (capability, count, district) as it last declared it, for every role to
// read; its own liaisons (and administrators) declare the whole list again, with a reason, and the hub's message for
// each bad line is shown beside that line.

import { ProblemError, get, put } from '../api.js';
import { $, h } from '../dom.js';
import { formatNumber, formatTime, nameOf, t } from '../i18n.js';
import { agencyName, alertableAgencies, capabilityName, districtName, reference } from '../reference.js';
import { showError } from '../notice.js';

let session = null;
let shown = null; // { current, history } as the hub answered

export function initCapabilities(signedIn) {
  session = signedIn;
  fillAgencies();
  $('#cap-agency').addEventListener('change', () => loadCapabilities($('#cap-agency').value).catch(showError));
  $('#cap-add').addEventListener('click', () => {
    $('#cap-lines').append(line({ capability: '', count: 0, district: '' }));
    $('#cap-lines li:last-child select').focus();
  });
  $('#cap-form').addEventListener('submit', (event) => { event.preventDefault(); save().catch(showError); });
}

/** The agency shown first: a liaison's own, otherwise the first that can hold capabilities (not the duty office). */
export const defaultAgency = () => (session.role === 'Liaison' ? session.agency : alertableAgencies()[0]?.code ?? '');

function fillAgencies() {
  const select = $('#cap-agency');
  const value = select.value || defaultAgency();
  select.replaceChildren(...alertableAgencies().map((a) => h('option', { text: nameOf(a), attrs: { value: a.code } })));
  select.value = value;
}

const mayDeclare = (agency) => session.role === 'Administrator' || (session.role === 'Liaison' && session.agency === agency);

export async function loadCapabilities(agency = $('#cap-agency').value || defaultAgency()) {
  $('#cap-agency').value = agency;
  shown = await get(`/api/capabilities/${encodeURIComponent(agency)}`);
  draw();
  drawForm();
}

export function relabelCapabilities() {
  if (!session) return;
  fillAgencies();
  if (shown) {
    draw();
    for (const li of document.querySelectorAll('#cap-lines li')) relabelLine(li);
  }
}

function draw() {
  const { current } = shown;
  $('#cap-declared').textContent = current.version === 0
    ? t('capabilities.none', { agency: agencyName(current.agency) })
    : t('capabilities.declared', { by: current.declaredBy, time: formatTime(current.declaredAt) }) + (current.isSample ? ` ${t('capabilities.sample')}` : '');
  const head = h('thead', {}, h('tr', {}, ['capability', 'count', 'district']
    .map((c) => h('th', { text: t(`capabilities.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = current.holdings.map((holding) => h('tr', { data: { capability: holding.capability, district: holding.district } },
    h('th', { text: capabilityName(holding.capability), attrs: { scope: 'row' } }),
    h('td', { text: formatNumber(holding.count) }),
    h('td', { text: districtName(holding.district) })));
  $('#cap-table').replaceChildren(head, h('tbody', {}, rows));
}

function drawForm() {
  const form = $('#cap-form');
  form.hidden = !mayDeclare(shown.current.agency);
  $('#cap-lines').replaceChildren(...shown.current.holdings.map(line));
  $('#cap-reason').value = '';
  $('#err-cap-reason').textContent = '';
  $('#cap-result').textContent = '';
}

let lineIds = 0;

/** One editable line: capability, count, district, and a button to remove it. */
function line(holding) {
  const id = ++lineIds;
  const capability = h('select', { data: { name: 'capability' }, attrs: { id: `cap-c-${id}`, 'aria-describedby': `cap-err-${id}` } },
    h('option', { text: '—', attrs: { value: '' } }), ...reference.capabilities.map((c) => h('option', { text: nameOf(c), attrs: { value: c.code } })));
  capability.value = holding.capability;
  const count = h('input', { data: { name: 'count' }, attrs: { id: `cap-n-${id}`, type: 'number', min: '0', step: '1', inputmode: 'numeric', value: String(holding.count), 'aria-describedby': `cap-err-${id}` } });
  const district = h('select', { data: { name: 'district' }, attrs: { id: `cap-d-${id}`, 'aria-describedby': `cap-err-${id}` } },
    h('option', { text: '—', attrs: { value: '' } }), ...reference.districts.map((d) => h('option', { text: nameOf(d), attrs: { value: d.code } })));
  district.value = holding.district;
  const li = h('li', { class: 'cap-line' },
    h('label', { attrs: { for: `cap-c-${id}` }, data: { i18n: 'capabilities.col.capability' }, text: t('capabilities.col.capability') }), capability,
    h('label', { attrs: { for: `cap-n-${id}` }, data: { i18n: 'capabilities.col.count' }, text: t('capabilities.col.count') }), count,
    h('label', { attrs: { for: `cap-d-${id}` }, data: { i18n: 'capabilities.col.district' }, text: t('capabilities.col.district') }), district,
    h('button', { text: t('capabilities.form.remove'), data: { i18n: 'capabilities.form.remove' }, attrs: { type: 'button' }, on: { click: () => li.remove() } }),
    h('p', { class: 'field-error', attrs: { id: `cap-err-${id}` } }));
  return li;
}

function relabelLine(li) {
  for (const el of li.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const select of li.querySelectorAll('select')) {
    const list = select.dataset.name === 'capability' ? reference.capabilities : reference.districts;
    for (const option of select.options) {
      const item = list.find((x) => x.code === option.value);
      if (item) option.textContent = nameOf(item);
    }
  }
}

async function save() {
  const lines = [...document.querySelectorAll('#cap-lines li')];
  for (const li of lines) li.querySelector('.field-error').textContent = '';
  $('#err-cap-reason').textContent = '';
  $('#cap-result').textContent = '';
  const holdings = lines.map((li) => {
    const value = (name) => li.querySelector(`[data-name="${name}"]`).value;
    const count = value('count');
    return { capability: value('capability') || null, count: /^\d+$/.test(count) ? Number(count) : -1, district: value('district') || null };
  });
  const agency = shown.current.agency;
  const button = $('#cap-save');
  button.disabled = true;
  try {
    const saved = await put(`/api/capabilities/${encodeURIComponent(agency)}`,
      { holdings, reason: $('#cap-reason').value.trim() || null, expectedVersion: shown.current.version });
    await loadCapabilities(agency);
    $('#cap-result').textContent = saved.position ? t('capabilities.saved', { version: saved.version }) : t('capabilities.unchanged');
  } catch (error) {
    if (!(error instanceof ProblemError) || Object.keys(error.errors).length === 0) {
      $('#cap-result').textContent = error.detail || error.message;
      return;
    }
    for (const [key, messages] of Object.entries(error.errors)) {
      const at = /^holdings\[(\d+)\]/.exec(key);
      const target = at ? lines[Number(at[1])]?.querySelector('.field-error') : key === 'reason' ? $('#err-cap-reason') : null;
      if (target) target.textContent = `${target.textContent} ${messages.join(' ')}`.trim();
      else $('#cap-result').textContent = messages.join(' ');
    }
    (lines.find((li) => li.querySelector('.field-error').textContent)?.querySelector('select') ?? $('#cap-reason')).focus();
  } finally {
    button.disabled = false;
  }
}
