// The joint committee's follow-up: the improvement items (open ones first, an overdue one said in words), the owner
// agency's liaisons and administrators completing one with what was done, and, for those who keep the follow-up (the
// duty office, commanders, administrators), recording an item, moving an open item's due date with a reason, and
// recording a coordination meeting with the next meeting's agenda beside it (the duty office and commanders) so the
// committee works through it. Every meeting recorded is listed with its decisions and its action items as they stand.
// Read afresh each time the tab is shown and when an item's or a meeting's entry arrives while it is in front.

import { ProblemError, get, newId, post } from '../api.js';
import { $, h } from '../dom.js';
import { clearFieldErrors, submitWhole } from '../forms.js';
import { formatDate, formatList, formatTime, lang, nameOf, t } from '../i18n.js';
import { agencyName, alertableAgencies, reference } from '../reference.js';

// Who may do what, as the hub's policies say (RecordFollowUp, BuildAgenda, SeeScenarios, CompleteImprovement).
const RECORDERS = ['Operator', 'Commander', 'Administrator'];
const AGENDA_READERS = ['Operator', 'Commander'];
const EXERCISE_READERS = ['Commander', 'Administrator'];
const COMPLETERS = ['Liaison', 'Administrator'];

let session = null;
let items = [];
let meetings = [];
let exercises = [];
let agenda = null;
let bound = false;
// Each form's idempotency key, kept until the hub has stored what it sends: a second press after a lost answer
// records the item or meeting once.
const keys = { item: null, meeting: null };
// A number for each row drawn, so ids stay unique however rows are added and removed.
let drawn = 0;

export function initFollowUp(current) {
  session = current;
  const records = RECORDERS.includes(session.role);
  $('#followup-agenda-card').hidden = !AGENDA_READERS.includes(session.role);
  $('#followup-complete-card').hidden = !COMPLETERS.includes(session.role);
  $('#followup-item-card').hidden = !records;
  $('#followup-meeting-card').hidden = !records;
  items = [];
  meetings = [];
  exercises = [];
  agenda = null;
  // Once per page: a second session in the same page keeps the one set of listeners.
  if (!bound) {
    $('#followup-complete-form').addEventListener('submit', complete);
    $('#followup-item-form').addEventListener('submit', (event) => { event.preventDefault(); recordItem(); });
    $('#followup-due-form').addEventListener('submit', (event) => { event.preventDefault(); moveDueDate(); });
    $('#followup-meeting-form').addEventListener('submit', (event) => { event.preventDefault(); recordMeeting(); });
    $('#fi-source').addEventListener('change', drawSourceChoice);
    $('#fm-add-decision').addEventListener('click', () => addDecision().querySelector('textarea').focus());
    $('#fm-add-action').addEventListener('click', () => addAction().querySelector('textarea').focus());
  }
  bound = true;
  if (records) resetForms();
}

export async function showFollowUp() {
  await refresh();
  $('#followup-heading').focus();
}

export function relabelFollowUp() {
  if (!session) return;
  if (RECORDERS.includes(session.role)) fillChoices();
  draw();
}

export function onFollowUpEntry(entry) {
  if (!$('#view-followup').hidden && (entry.type.startsWith('ImprovementItem') || entry.type === 'MeetingRecorded')) refresh().catch(() => {});
}

async function refresh() {
  const records = RECORDERS.includes(session.role);
  [items, meetings, agenda, exercises] = await Promise.all([
    get('/api/improvements'),
    get('/api/meetings'),
    $('#followup-agenda-card').hidden ? null : get('/api/meetings/agenda'),
    records && EXERCISE_READERS.includes(session.role) ? get('/api/exercises').then((r) => r.exercises) : [],
  ]);
  draw();
}

const action = (i) => (lang() === 'ar' ? i.actionAr : i.actionEn);
const title = (x) => (lang() === 'ar' ? x.titleAr : x.titleEn);
const decisionText = (d) => (lang() === 'ar' ? d.textAr : d.textEn);
const statusText = (i) => (i.status === 'Done' ? t('followup.status.done') : i.overdue ? t('followup.status.overdue') : t('followup.status.open'));

/** Options for a select, the chosen value kept when it is still offered. */
function options(select, values, blank = null) {
  const chosen = select.value;
  select.replaceChildren(...(blank ? [h('option', { text: blank, attrs: { value: '' } })] : []),
    ...values.map(([value, text]) => h('option', { text, attrs: { value } })));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

// Owners only: the duty office has no liaison to complete an item, and the hub refuses it as one.
const agencyChoices = () => alertableAgencies().map((a) => [a.code, nameOf(a)]);

function draw() {
  // Open first, the overdue among them first, then by due date.
  const rows = items.slice().sort((a, b) => (a.status === b.status ? 0 : a.status === 'Open' ? -1 : 1) || (b.overdue - a.overdue) || a.dueDate.localeCompare(b.dueDate));
  $('#followup-items tbody').replaceChildren(...rows.map((i) => h('tr', { class: i.overdue ? 'overdue' : '', data: { item: i.itemId } },
    h('td', { text: action(i), attrs: { dir: 'auto' } }),
    h('td', { text: agencyName(i.ownerAgency) }),
    h('td', { text: formatDate(i.dueDate) }),
    h('td', { text: t(`followup.source.${i.source}`) }),
    h('td', { class: 'followup-status', text: statusText(i) }))));
  $('#followup-empty').hidden = rows.length > 0;

  // The items this caller may complete: their agency's open ones (every open one for an administrator).
  const open = rows.filter((i) => i.status === 'Open');
  const mine = open.filter((i) => session.role === 'Administrator' || i.ownerAgency === session.agency);
  const label = (i) => `${action(i)} (${formatDate(i.dueDate)})`;
  options($('#fc-item'), mine.map((i) => [i.itemId, label(i)]));
  $('#fc-submit').disabled = mine.length === 0;

  if (RECORDERS.includes(session.role)) {
    options($('#fd-item'), open.map((i) => [i.itemId, label(i)]));
    $('#fd-submit').disabled = open.length === 0;
    drawSourceChoice();
  }
  drawMeetings();
  if (agenda) drawAgenda();
}

function drawAgenda() {
  $('#agenda-items').replaceChildren(...agenda.openItems.map((i) => h('li', {
    text: `${action(i)}: ${agencyName(i.ownerAgency)}, ${formatDate(i.dueDate)}${i.overdue ? ` (${t('followup.status.overdue')})` : ''}`,
  })));
  $('#agenda-reviews').replaceChildren(...agenda.reviewsDue.map((r) => h('li', {
    text: `${title(r.risk)} (${r.risk.code}): ${agencyName(r.risk.leadAgency)}, ${formatDate(r.risk.nextReview)}${r.reviewOverdue ? ` (${t('followup.status.overdue')})` : ''}`,
  })));
  $('#agenda-tasks').replaceChildren(...agenda.overdueTasks.map((task) => h('li', {
    text: `${title(task)}: ${agencyName(task.agency)}, ${formatTime(task.dueAt)}`,
  })));
  for (const [list, empty] of [['#agenda-items', '#agenda-items-empty'], ['#agenda-reviews', '#agenda-reviews-empty'], ['#agenda-tasks', '#agenda-tasks-empty']]) {
    $(empty).hidden = $(list).children.length > 0;
  }
}

/** Each meeting, the latest held first: who attended, what it decided, and its action items as they now stand. */
function drawMeetings() {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  $('#followup-meetings').replaceChildren(...meetings.map(({ meeting }) => {
    const heading = `followup-meeting-${meeting.meetingId}`;
    const actions = meeting.actionItems.map((id) => byId.get(id)).filter(Boolean);
    return h('li', { class: 'followup-meeting', data: { meeting: meeting.meetingId } },
      h('article', { attrs: { 'aria-labelledby': heading } },
        h('h4', { text: t('followup.meetings.held', { date: formatDate(meeting.heldOn) }), attrs: { id: heading } }),
        h('p', { text: `${t('followup.meetings.attended')}: ${formatList(meeting.agencies.map(agencyName))}` }),
        h('h5', { text: t('followup.meeting.decisions') }),
        meeting.decisions.length
          ? h('ul', { class: 'followup-decisions' }, meeting.decisions.map((d) => h('li', { text: decisionText(d), attrs: { dir: 'auto' } })))
          : h('p', { class: 'muted', text: t('followup.agenda.none') }),
        h('h5', { text: t('followup.meeting.actions') }),
        actions.length
          ? h('ul', { class: 'followup-actions' }, actions.map((i) => h('li', { class: i.overdue ? 'overdue' : '', data: { item: i.itemId } },
            h('span', { text: action(i), attrs: { dir: 'auto' } }),
            ` — ${agencyName(i.ownerAgency)}${lang() === 'ar' ? '، ' : ', '}${formatDate(i.dueDate)}: `,
            h('span', { class: 'followup-status', text: statusText(i) }))))
          : h('p', { class: 'muted', text: t('followup.agenda.none') })));
  }));
  $('#followup-meetings-empty').hidden = meetings.length > 0;
}

async function complete(event) {
  event.preventDefault();
  const result = $('#fc-result');
  result.textContent = '';
  try {
    await post(`/api/improvements/${$('#fc-item').value}/complete`, { note: $('#fc-note').value });
    $('#fc-note').value = '';
    result.textContent = t('followup.complete.done');
    await refresh();
  } catch (error) {
    result.textContent = error instanceof ProblemError ? error.detail || error.title : t('error.network');
  }
}

// ----- Recording: an item, a new due date, a meeting -----

/** The agency and source choices in the chosen language; rows' agencies too. */
function fillChoices() {
  options($('#fi-ownerAgency'), agencyChoices(), t('report.choose'));
  const sources = ['None', ...(EXERCISE_READERS.includes(session.role) ? ['Exercise'] : []), 'Meeting'];
  options($('#fi-source'), sources.map((s) => [s, t(`followup.source.${s}`)]));
  for (const select of document.querySelectorAll('#fm-actions select')) options(select, agencyChoices(), t('report.choose'));
  const box = $('#fm-agencies .check-grid');
  const ticked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  box.replaceChildren(...reference.agencies.map((a) => {
    const id = `fm-agency-${a.code}`;
    const input = h('input', { attrs: { id, type: 'checkbox', name: 'agencies', value: a.code } });
    input.checked = ticked.has(a.code);
    return h('label', { attrs: { for: id } }, input, nameOf(a));
  }));
  numberRows();
}

/** The exercise or meeting an item comes from: offered only when the source says which. */
function drawSourceChoice() {
  const source = $('#fi-source').value;
  $('#fi-sourceId-field').hidden = source === 'None' || !source;
  if (source === 'Exercise') {
    $('#fi-sourceId-label').textContent = t('followup.field.exercise');
    options($('#fi-sourceId'), exercises.map((x) => [x.exerciseId, `${title(x)} (${formatDate(x.startedAt.slice(0, 10))})`]), t('report.choose'));
  } else if (source === 'Meeting') {
    $('#fi-sourceId-label').textContent = t('followup.field.meeting');
    options($('#fi-sourceId'), meetings.map(({ meeting }) => [meeting.meetingId, t('followup.meetings.held', { date: formatDate(meeting.heldOn) })]), t('report.choose'));
  }
}

function resetForms() {
  for (const form of ['#followup-item-form', '#followup-due-form', '#followup-meeting-form']) $(form).reset();
  $('#fm-decisions').replaceChildren();
  $('#fm-actions').replaceChildren();
  keys.item = null;
  keys.meeting = null;
  fillChoices();
  drawSourceChoice();
  clearFieldErrors(itemFields(), $('#fi-result'));
  clearFieldErrors(dueFields(), $('#fd-result'));
  clearFieldErrors(meetingFields(), $('#fm-result'));
}

/** A row of the meeting form: its fields named as the hub names them (`actions[1].ownerAgency`) by the row's place. */
function addRow(list, kind, names) {
  const n = ++drawn;
  const id = (name) => `fm-${kind}${n}-${name}`;
  const control = (name) => {
    const attrs = { id: id(name), 'aria-describedby': `err-${id(name)}` };
    if (name === 'ownerAgency') {
      const select = h('select', { data: { name }, attrs });
      options(select, agencyChoices(), t('report.choose'));
      return select;
    }
    if (name === 'dueDate') return h('input', { data: { name }, attrs: { ...attrs, type: 'date', dir: 'ltr' } });
    const arabic = name.endsWith('Ar');
    return h('textarea', { data: { name }, attrs: { ...attrs, rows: '2', maxlength: kind === 'decision' ? '2000' : '1000', dir: arabic ? 'rtl' : 'ltr', lang: arabic ? 'ar' : 'en' } });
  };
  const row = h('li', { class: 'followup-row', data: { row: kind } }, h('fieldset', {}, h('legend', {}),
    h('div', { class: 'grid' }, names.map((name) => h('div', { class: 'field' },
      h('label', { attrs: { for: id(name) }, data: { i18n: `followup.${kind}.${name}` }, text: t(`followup.${kind}.${name}`) }),
      control(name),
      h('p', { class: 'field-error', attrs: { id: `err-${id(name)}` } })))),
    h('button', { class: 'link-button', attrs: { type: 'button' }, data: { i18n: 'followup.meeting.remove' }, text: t('followup.meeting.remove'),
      on: { click: () => removeRow(row) } })));
  list.append(row);
  numberRows();
  return row;
}

const addDecision = () => addRow($('#fm-decisions'), 'decision', ['textAr', 'textEn']);
const addAction = () => addRow($('#fm-actions'), 'action', ['actionAr', 'actionEn', 'ownerAgency', 'dueDate']);

function removeRow(row) {
  const list = row.parentElement;
  const next = row.nextElementSibling ?? row.previousElementSibling;
  row.remove();
  numberRows();
  (next?.querySelector('textarea') ?? (list.id === 'fm-decisions' ? $('#fm-add-decision') : $('#fm-add-action'))).focus();
}

/** Each row's legend says its place, as the hub's messages count them (decision 1 is decisions[0]). */
function numberRows() {
  document.querySelectorAll('#fm-decisions > li').forEach((row, i) => { row.querySelector('legend').textContent = t('followup.decision.legend', { n: i + 1 }); });
  document.querySelectorAll('#fm-actions > li').forEach((row, i) => { row.querySelector('legend').textContent = t('followup.action.legend', { n: i + 1 }); });
}

const text = (control) => control.value.trim() || null;
const value = (control) => control.value || null;

/** Each field the hub may name, in the form's order, so focus goes to the first to fix from the top. */
function itemFields() {
  return ['actionAr', 'actionEn', 'ownerAgency', 'dueDate', 'source', 'sourceId'].map((name) => ({ name, control: $(`#fi-${name}`), error: $(`#err-fi-${name}`) }));
}

function dueFields() {
  return [{ name: 'itemId', control: $('#fd-item'), error: $('#err-fd-item') },
    ...['dueDate', 'reason'].map((name) => ({ name, control: $(`#fd-${name}`), error: $(`#err-fd-${name}`) }))];
}

function rowFields(list, kind) {
  return [...document.querySelectorAll(`${list} > li`)].flatMap((row, i) => [...row.querySelectorAll('[data-name]')]
    .map((control) => ({ name: `${kind}[${i}].${control.dataset.name}`, control, error: $(`#err-${control.id}`) })));
}

function meetingFields() {
  return [
    { name: 'heldOn', control: $('#fm-heldOn'), error: $('#err-fm-heldOn') },
    { name: 'agencies', control: $('#fm-agencies input') ?? $('#fm-agencies'), error: $('#err-fm-agencies') },
    { name: 'decisions', control: $('#fm-add-decision'), error: $('#err-fm-decisions') },
    ...rowFields('#fm-decisions', 'decisions'),
    { name: 'actions', control: $('#fm-add-action'), error: $('#err-fm-actions') },
    ...rowFields('#fm-actions', 'actions'),
  ];
}

function recordItem() {
  const source = $('#fi-source').value;
  keys.item ??= newId();
  const body = {
    actionAr: text($('#fi-actionAr')),
    actionEn: text($('#fi-actionEn')),
    ownerAgency: value($('#fi-ownerAgency')),
    dueDate: value($('#fi-dueDate')),
    source,
    sourceId: source === 'None' ? null : value($('#fi-sourceId')),
    eventId: keys.item,
  };
  return submitWhole({
    button: $('#fi-submit'),
    result: $('#fi-result'),
    fields: itemFields,
    async send() {
      await post('/api/improvements', body);
      keys.item = null;
      $('#followup-item-form').reset();
      drawSourceChoice();
      $('#fi-result').textContent = t('followup.item.saved');
      await refresh();
    },
  });
}

function moveDueDate() {
  const itemId = $('#fd-item').value;
  return submitWhole({
    button: $('#fd-submit'),
    result: $('#fd-result'),
    fields: dueFields,
    async send() {
      await post(`/api/improvements/${itemId}/due-date`, { dueDate: value($('#fd-dueDate')), reason: text($('#fd-reason')) });
      $('#fd-dueDate').value = '';
      $('#fd-reason').value = '';
      $('#fd-result').textContent = t('followup.due.saved');
      await refresh();
    },
  });
}

function recordMeeting() {
  keys.meeting ??= newId();
  const rows = (list) => [...document.querySelectorAll(`${list} > li`)].map((row) => {
    const fields = {};
    for (const control of row.querySelectorAll('[data-name]')) fields[control.dataset.name] = control.tagName === 'TEXTAREA' ? text(control) : value(control);
    return fields;
  });
  const body = {
    heldOn: value($('#fm-heldOn')),
    agencies: [...document.querySelectorAll('#fm-agencies input:checked')].map((box) => box.value),
    decisions: rows('#fm-decisions'),
    actions: rows('#fm-actions'),
    eventId: keys.meeting,
  };
  return submitWhole({
    button: $('#fm-submit'),
    result: $('#fm-result'),
    fields: meetingFields,
    async send() {
      const saved = await post('/api/meetings', body);
      resetMeeting();
      $('#fm-result').textContent = t('followup.meeting.saved', { n: saved.actionItems.length });
      await refresh();
    },
  });
}

function resetMeeting() {
  keys.meeting = null;
  $('#followup-meeting-form').reset();
  $('#fm-decisions').replaceChildren();
  $('#fm-actions').replaceChildren();
}
