// Administration, users: the list (never a password), one form to register a user or change one's display
// name, role, agency or password, and per user the unlock of failed sign-ins and a confirmed disable. The
// hub's validation messages appear beside their fields in the chosen language, as on the report form.

import { ProblemError, get, post } from '../api.js';
import { $, h } from '../dom.js';
import { confirmAction } from '../confirm.js';
import { clearFieldErrors, showFieldErrors } from '../forms.js';
import { nameOf, t } from '../i18n.js';
import { agencyName, reference } from '../reference.js';
import { showError } from '../notice.js';
import { ROLES } from '../vocabulary.js';

const FIELDS = ['userName', 'displayName', 'role', 'agency', 'password'];
let me = '';
let users = [];
// The user being changed, or null while the form registers a new one.
let editing = null;

const formFields = () => FIELDS.map((name) => ({ name, control: $(`#u-${name}`), error: $(`#err-u-${name}`) }));

export async function initUsers(session) {
  me = session.userName;
  fillChoices();
  startNew();
  $('#user-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('#user-new').addEventListener('click', () => { startNew(); $('#u-userName').focus(); });
  await refreshUsers();
}

export function relabelUsers() {
  fillChoices();
  drawFormState();
  draw();
}

/** The agencies may have changed (registered or renamed): the form's choices and the list name them. */
export const agenciesChangedForUsers = relabelUsers;

async function refreshUsers() {
  users = await get('/api/admin/users');
  draw();
}

function options(select, values, label) {
  const value = select.value;
  select.replaceChildren(h('option', { text: t('report.choose'), attrs: { value: '' } }),
    ...values.map((v) => h('option', { text: label(v), attrs: { value: v } })));
  select.value = value;
}

function fillChoices() {
  options($('#u-role'), ROLES, (role) => t(`role.${role}`));
  options($('#u-agency'), reference.agencies.map((a) => a.code), (code) => `${nameOf(reference.agencies.find((a) => a.code === code))} (${code})`);
}

/** The heading, the password hint and the re-enable warning follow whether a user is being changed. */
function drawFormState() {
  $('#user-form-heading').textContent = editing ? t('users.form.edit', { user: editing.userName }) : t('users.form.new');
  $('#hint-u-password').textContent = t(editing ? 'users.field.password.hint.edit' : 'users.field.password.hint.new');
  // Registering a disabled user again enables them (the hub's UpdateUser clears the flag): say so before saving.
  $('#u-reenable').hidden = !editing?.disabled;
}

function startNew() {
  editing = null;
  $('#user-form').reset();
  $('#u-userName').readOnly = false;
  clearFieldErrors(formFields(), null);
  drawFormState();
}

function edit(user) {
  startNew();
  editing = user;
  $('#u-userName').value = user.userName;
  // The name is the account's key: changing it would register someone else.
  $('#u-userName').readOnly = true;
  $('#u-displayName').value = user.displayName;
  $('#u-role').value = user.role;
  $('#u-agency').value = user.agency;
  drawFormState();
  $('#user-result').textContent = '';
  $('#u-displayName').focus();
}

async function save() {
  clearFieldErrors(formFields(), $('#user-result'));
  const request = {
    userName: $('#u-userName').value.trim() || null,
    displayName: $('#u-displayName').value.trim() || null,
    role: $('#u-role').value || null,
    agency: $('#u-agency').value || null,
    // Empty keeps the current password of an existing user; the hub asks for one for a new user.
    password: $('#u-password').value || null,
  };
  const button = $('#user-save');
  button.disabled = true;
  try {
    await post('/api/admin/users', request);
    startNew();
    $('#user-result').textContent = t('users.saved', { user: request.userName });
    await refreshUsers();
  } catch (error) {
    if (error instanceof ProblemError) showFieldErrors(error, formFields(), $('#user-result'));
    else $('#user-result').textContent = t('error.network');
  } finally {
    button.disabled = false;
  }
}

async function act(user, action, done) {
  $('#users-status').textContent = '';
  try {
    await post(`/api/admin/users/${encodeURIComponent(user.userName)}/${action}`);
    $('#users-status').textContent = t(done, { user: user.userName });
    await refreshUsers();
    // The list was drawn again: stay on the same user's row.
    $(`#users-table tr[data-user="${CSS.escape(user.userName)}"] button`)?.focus();
  } catch (error) {
    showError(error);
  }
}

async function disable(user) {
  if (await confirmAction(t('users.confirm.disable', { user: user.userName, name: user.displayName }))) await act(user, 'disable', 'users.disabled.done');
}

function row(user) {
  const label = (key) => h('button', { text: t(key), class: key.replace('users.', 'user-'), attrs: { type: 'button', 'aria-describedby': `users-row-${user.userName}` } });
  const editButton = label('users.edit');
  editButton.addEventListener('click', () => edit(user));
  const unlockButton = label('users.unlock');
  unlockButton.addEventListener('click', () => act(user, 'unlock', 'users.unlocked'));
  // No disable for a user already disabled, nor for the administrator signed in here (it would end this very session).
  const disableButton = user.disabled || user.userName === me ? null : label('users.disable');
  disableButton?.addEventListener('click', () => disable(user));
  return h('tr', { data: { user: user.userName }, class: user.disabled ? 'disabled' : '' },
    h('th', { text: user.userName, attrs: { scope: 'row', dir: 'ltr', id: `users-row-${user.userName}` } }),
    h('td', { text: user.displayName, attrs: { dir: 'auto' } }),
    h('td', { text: t(`role.${user.role}`) }),
    h('td', { text: agencyName(user.agency) }),
    h('td', {}, h('span', { class: user.disabled ? 'tag off' : 'tag on', text: t(user.disabled ? 'users.disabled' : 'users.active') })),
    h('td', {}, h('div', { class: 'actions' }, editButton, unlockButton, disableButton)));
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['userName', 'displayName', 'role', 'agency', 'state', 'actions']
    .map((c) => h('th', { text: t(`users.col.${c}`), attrs: { scope: 'col' } }))));
  $('#users-table').replaceChildren(head, h('tbody', {}, users.map(row)));
}
