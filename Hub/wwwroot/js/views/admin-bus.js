// Administration, agency systems on the bus: the agencies whose own systems read a queue of their own on RabbitMQ,
// whether each has a broker identity now, and the buttons that issue one (or a new password) and revoke it. The
// password the hub answers is shown here once, never stored by the hub or by this page: once the administrator hides
// it or leaves, only a new one can be issued. On the in-memory bus the card says the feature needs RabbitMQ.

import { ProblemError, del, get, post } from '../api.js';
import { confirmAction } from '../confirm.js';
import { $, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { agencyName } from '../reference.js';

let state = { enabled: false, virtualHost: '', agencies: [] };
// What the hub answered to the last issue, until hidden: the password is nowhere else.
let issued = null;

export function initBus() {
  $('#agency-bus-copy').addEventListener('click', copyPassword);
  $('#agency-bus-hide').addEventListener('click', hideIssued);
}

export async function refreshBus() {
  state = await get('/api/admin/agency-bus');
  draw();
}

export function relabelBus() {
  draw();
}

const say = (text) => { $('#agency-bus-result').textContent = text; };

const refusal = (error) => (error instanceof ProblemError ? error.message : t('error.network'));

async function issue(system) {
  say('');
  hideIssued();
  try {
    issued = await post(`/api/admin/agencies/${encodeURIComponent(system.agency)}/bus-credentials`, {});
    await refreshBus();
    drawIssued();
    $('#agency-bus-password').focus();
    $('#agency-bus-password').select();
  } catch (error) {
    say(refusal(error));
  }
}

async function revoke(system) {
  say('');
  if (!await confirmAction(t('agencyBus.confirm.revoke', { agency: agencyName(system.agency), user: system.userName }),
    { confirm: t('agencyBus.revoke') })) return;
  try {
    await del(`/api/admin/agencies/${encodeURIComponent(system.agency)}/bus-credentials`);
    if (issued?.agency === system.agency) hideIssued();
    await refreshBus();
    say(t('agencyBus.revoked.done', { agency: agencyName(system.agency) }));
    $(`#agency-bus-table tr[data-agency="${CSS.escape(system.agency)}"] button`)?.focus();
  } catch (error) {
    say(refusal(error));
  }
}

async function copyPassword() {
  const field = $('#agency-bus-password');
  field.select();
  try {
    // The clipboard API needs a secure page (https or localhost); an intranet address over http falls back.
    if (navigator.clipboard?.writeText) await navigator.clipboard.writeText(field.value);
    else if (!document.execCommand('copy')) throw new Error('copy');
    $('#agency-bus-copied').textContent = t('agencyBus.copied');
  } catch {
    $('#agency-bus-copied').textContent = t('agencyBus.copy.failed');
  }
}

function hideIssued() {
  issued = null;
  $('#agency-bus-password').value = '';
  $('#agency-bus-copied').textContent = '';
  $('#agency-bus-issued').hidden = true;
}

function drawIssued() {
  const box = $('#agency-bus-issued');
  box.hidden = !issued;
  if (!issued) return;
  $('#agency-bus-issued-heading').textContent = t(issued.rotated ? 'agencyBus.issued.rotated' : 'agencyBus.issued.heading', { agency: agencyName(issued.agency) });
  $('#agency-bus-password').value = issued.password;
  $('#agency-bus-settings').replaceChildren(...['userName', 'virtualHost', 'queue', 'commands', 'replies'].flatMap((field) => [
    h('dt', { text: t(`agencyBus.field.${field}`) }),
    h('dd', {}, h('code', { text: issued[field], attrs: { dir: 'ltr' }, data: { field } })),
  ]));
}

function stateCell(system) {
  const tag = h('span', { class: system.credentials === 'Issued' ? 'tag on' : 'tag off', text: t(`agencyBus.state.${system.credentials}`) });
  if (!system.changedAt) return h('td', { data: { state: system.credentials } }, tag);
  return h('td', { data: { state: system.credentials } }, tag, ' ',
    h('span', { class: 'muted', text: t('agencyBus.changed') }), ' ',
    // The user name is Latin in an Arabic line: isolated, so the punctuation after it stays where it belongs.
    h('bdi', { text: system.changedBy, attrs: { dir: 'ltr' } }), t('agencyBus.changed.at'), ' ',
    h('time', { text: formatTime(system.changedAt), attrs: { datetime: system.changedAt } }));
}

function row(system) {
  const rowId = `agency-bus-row-${system.agency}`;
  const button = (key, cls, action) => h('button', { text: t(key), class: cls, attrs: { type: 'button', 'aria-describedby': rowId }, on: { click: () => action(system) } });
  const issueButton = button(system.credentials === 'Issued' ? 'agencyBus.rotate' : 'agencyBus.issue', 'bus-issue', issue);
  // Nothing to revoke before an identity is issued, nor once it is revoked.
  const revokeButton = system.credentials === 'Issued' ? button('agencyBus.revoke', 'bus-revoke', revoke) : null;
  return h('tr', { data: { agency: system.agency } },
    h('th', { attrs: { scope: 'row', id: rowId } }, agencyName(system.agency), ' ', h('bdi', { text: `(${system.agency})`, attrs: { dir: 'ltr' } })),
    h('td', {}, h('code', { text: system.queue, attrs: { dir: 'ltr' } })),
    h('td', {}, h('code', { text: system.userName, attrs: { dir: 'ltr' } })),
    stateCell(system),
    h('td', {}, h('div', { class: 'actions' }, issueButton, revokeButton)));
}

function draw() {
  $('#agency-bus').dataset.enabled = String(state.enabled);
  $('#agency-bus-off').hidden = state.enabled;
  const table = $('#agency-bus-table');
  table.hidden = !state.enabled;
  if (!state.enabled) {
    table.replaceChildren();
    return;
  }
  const head = h('thead', {}, h('tr', {}, ['agency', 'queue', 'userName', 'credentials', 'actions']
    .map((c) => h('th', { text: t(`agencyBus.col.${c}`), attrs: { scope: 'col' } }))));
  table.replaceChildren(head, h('tbody', {}, state.agencies.map(row)));
  drawIssued();
}
