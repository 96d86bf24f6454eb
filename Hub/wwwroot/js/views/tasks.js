// An incident's contingency plans and task board, inside the incident's panel: the plans activated on it (by the
// report, a severity raised, or by hand) and each agency's tasks with where they stand, what is overdue and how far
// it has been escalated. The liaisons of a task's agency acknowledge it, report progress with a note and complete
// it; the duty office and commanders activate a plan by hand and stand one down with a reason. Each action carries
// an idempotency key kept for its retries, as the update and status forms do; one made without a link (or across an
// ended session) waits in the outbox with that key and is sent when the link returns.

import { ProblemError, get, newId } from '../api.js';
import { $, h } from '../dom.js';
import { formatNumber, formatTime, lang, t } from '../i18n.js';
import { agencyName, capabilityName } from '../reference.js';
import { showError } from '../notice.js';
import { enqueue } from '../outbox.js';
import { code } from './register-common.js';

const OPEN = new Set(['Assigned', 'Acknowledged', 'InProgress']);

let session = null;
let board = null;
let incident = null;
// Plans offered for activation by hand (the library, read once per incident opened, not on every refresh of it).
let library = [];
let libraryFor = null;
// One idempotency key per action on one task or plan, kept while the same action is retried.
const keys = new Map();

const titleOf = (item) => (lang() === 'ar' ? item.titleAr : item.titleEn);
const coordinates = () => session.role === 'Operator' || session.role === 'Commander';

export function initTasks(signedIn) {
  session = signedIn;
  $('#activate-form').addEventListener('submit', (event) => { event.preventDefault(); activate(); });
}

/** Reads the incident's task board (and, for those who may activate plans, the library) and draws it. */
export async function loadTasks(current) {
  incident = current.incident;
  const readLibrary = coordinates() && libraryFor !== incident.incidentId;
  const [answer, plans] = await Promise.all([
    get(`/api/incidents/${incident.incidentId}/tasks`),
    readLibrary ? get('/api/plans') : Promise.resolve(null),
  ]);
  board = answer;
  if (plans) {
    library = plans.plans;
    libraryFor = incident.incidentId;
  }
  drawTasks();
}

/** Forgets the board when the panel closes. */
export function clearTasks() {
  board = null;
  incident = null;
  libraryFor = null;
  keys.clear();
}

/** Draws the board again (a language change). */
export function drawTasks() {
  if (!board || !incident) return;
  const hasAny = board.plans.length > 0;
  $('#detail-tasks').hidden = !hasAny;
  $('#tasks-plans').replaceChildren(...(hasAny ? [h('ul', { class: 'plan-activations' }, board.plans.map(drawActivation))] : []));
  $('#tasks-agencies').replaceChildren(...board.agencies.map(drawAgency));
  drawActivateForm();
}

// The same key for a retried click, a new one once the action is stored or its words change.
function keyFor(action, ...parts) {
  const name = [action, ...parts].join('/');
  if (!keys.has(name)) keys.set(name, newId());
  return { name, eventId: keys.get(name) };
}

function drawActivation(plan) {
  const stood = plan.stoodDownAt != null;
  const item = h('li', { class: stood ? 'plan-activation stood-down' : 'plan-activation', data: { plan: plan.planCode } },
    h('strong', { text: titleOf(plan) }), ' ', code(`${plan.planCode} v${plan.planVersion}`), ' — ',
    t(`tasks.trigger.${plan.triggerKind}`, { by: plan.activatedBy, time: formatTime(plan.activatedAt) }),
    plan.reason ? h('span', { class: 'muted' }, ' — ', h('bdi', { text: plan.reason })) : null,
    stood ? h('p', { class: 'stood-down-note' }, t('tasks.stoodDown', { by: plan.stoodDownBy, time: formatTime(plan.stoodDownAt) }), ' ',
      h('bdi', { text: plan.standDownReason ?? '' })) : null);
  if (!stood && coordinates() && incident.status !== 'Closed') item.append(standDownForm(plan));
  return item;
}

function standDownForm(plan) {
  const id = `standdown-${plan.planCode}`;
  const error = h('p', { class: 'field-error', attrs: { id: `err-${id}` } });
  const reason = h('input', { attrs: { id, dir: 'auto', maxlength: '1000', autocomplete: 'off', 'aria-describedby': `err-${id}` } });
  const form = h('form', { class: 'inline-form stand-down', attrs: { novalidate: true } },
    h('label', { text: t('tasks.standDown.reason'), attrs: { for: id } }), reason,
    h('button', { text: t('tasks.standDown.submit'), attrs: { type: 'submit' } }), error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = keyFor('stand-down', plan.planCode, reason.value);
    send('stand-down', `/api/incidents/${incident.incidentId}/plans/${encodeURIComponent(plan.planCode)}/stand-down`,
      { eventId: key.eventId, reason: reason.value }, error, key, titleOf(plan));
  });
  return form;
}

function drawAgency(group) {
  return h('section', { class: 'agency-tasks', data: { agency: group.agency } },
    h('h4', { text: agencyName(group.agency) }),
    h('ul', { class: 'task-list' }, group.tasks.map((task) => drawTask(group.agency, task))));
}

function drawTask(agency, task) {
  const open = OPEN.has(task.status);
  const facts = [
    h('span', { class: `task-status status-${task.status}`, text: t(`TaskStatus.${task.status}`) }),
    ' · ', t('tasks.due', { time: formatTime(task.dueAt) }),
  ];
  if (task.overdue) facts.push(' · ', h('span', { class: 'overdue-mark' }, h('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', t('tasks.overdue')));
  if (task.escalationLevel > 0) facts.push(' · ', t('tasks.escalated', { level: formatNumber(task.escalationLevel) }));
  if (task.capability) facts.push(' · ', t('tasks.needs', { quantity: formatNumber(task.quantity ?? 1) }), ' ', capabilityName(task.capability), ' ', code(task.capability));
  const item = h('li', { class: task.overdue ? 'task overdue' : 'task', data: { task: task.taskId, plan: task.planCode, status: task.status } },
    h('p', { class: 'task-title' }, h('strong', { text: titleOf(task) }), ' ', code(`${task.planCode}/${task.taskId}`)),
    h('p', { class: 'task-facts' }, facts),
    task.acknowledgedAt ? h('p', { class: 'muted', text: t('tasks.acknowledged', { by: task.acknowledgedBy, time: formatTime(task.acknowledgedAt) }) }) : null,
    task.lastNote ? h('p', { class: 'task-note' }, t('tasks.lastNote', { by: task.lastNoteBy, time: formatTime(task.lastNoteAt) }), ' ',
      h('bdi', { text: task.lastNote })) : null,
    task.completedAt ? h('p', { class: 'muted', text: t('tasks.completed', { by: task.completedBy, time: formatTime(task.completedAt) }) }) : null,
    task.checklist.length > 0 ? h('details', { class: 'checklist' },
      h('summary', { text: t('tasks.checklist', { n: formatNumber(task.checklist.length) }) }),
      h('ol', {}, task.checklist.map((step) => h('li', { text: lang() === 'ar' ? step.textAr : step.textEn })))) : null);
  if (open && session.role === 'Liaison' && session.agency === agency && incident.status !== 'Closed') item.append(taskActions(task));
  return item;
}

function taskActions(task) {
  const id = `task-note-${task.planCode}-${task.taskId}`;
  const error = h('p', { class: 'field-error', attrs: { id: `err-${id}` } });
  const note = h('input', { attrs: { id, dir: 'auto', maxlength: '1000', autocomplete: 'off', 'aria-describedby': `err-${id}` } });
  const path = (action) => `/api/incidents/${incident.incidentId}/plans/${encodeURIComponent(task.planCode)}/tasks/${encodeURIComponent(task.taskId)}/${action}`;
  const act = (action) => {
    const text = note.value.trim() || null;
    const key = keyFor(action, task.planCode, task.taskId, text ?? '');
    send(`task-${action}`, path(action), { eventId: key.eventId, note: text }, error, key, titleOf(task));
  };
  const button = (action) => h('button', { text: t(`tasks.${action}`), class: action === 'complete' ? 'primary' : '', data: { action }, attrs: { type: 'button' }, on: { click: () => act(action) } });
  return h('div', { class: 'task-actions' },
    h('label', { text: t('tasks.note'), attrs: { for: id } }), note,
    task.status === 'Assigned' ? button('acknowledge') : null,
    button('progress'),
    button('complete'),
    error);
}

function drawActivateForm() {
  const form = $('#activate-form');
  const active = new Set(board.plans.map((p) => p.planCode));
  const offered = library.filter((view) => !active.has(view.plan.code));
  form.hidden = !coordinates() || incident.status === 'Closed' || offered.length === 0;
  const select = $('#activate-plan');
  const value = select.value;
  select.replaceChildren(...offered.map((view) => h('option', { text: `${titleOf(view.plan)} (${view.plan.code})`, attrs: { value: view.plan.code } })));
  if (offered.some((view) => view.plan.code === value)) select.value = value;
}

async function activate() {
  const planCode = $('#activate-plan').value;
  const reason = $('#activate-reason').value.trim() || null;
  const key = keyFor('activate', planCode, reason ?? '');
  await send('activate', `/api/incidents/${incident.incidentId}/plans`, { eventId: key.eventId, planCode, reason }, $('#err-activate'), key,
    planCode, () => { $('#activate-reason').value = ''; });
}

/** Sends one action; the hub's words appear beside it when refused, and the board is read again when stored. */
async function send(kind, path, body, errorElement, key, what, done = () => {}) {
  errorElement.textContent = '';
  try {
    const answer = await enqueue({ kind, path, body, label: `${incident.reference} — ${what}`, incidentId: incident.incidentId });
    // Kept to be sent later: its key stays, so a second click on the same action is the same action.
    if (answer.queued) {
      errorElement.textContent = t(answer.signIn ? 'outbox.keptSignIn' : 'outbox.kept');
      return;
    }
    keys.delete(key.name);
    done();
    if (incident) await loadTasks({ incident });
  } catch (error) {
    if (error instanceof ProblemError) {
      errorElement.textContent = Object.values(error.errors).flat().join(' ') || error.detail || error.title;
    } else {
      showError(error);
    }
  }
}
