// The joint committee's follow-up: the improvement items (open ones first, an overdue one said in words), the owner
// agency's liaisons and administrators completing one with what was done, and, for the duty office and commanders, the
// next coordination meeting's agenda (open items, reviews due, overdue tasks). Read afresh each time the tab is shown
// and when an item's entry arrives while it is in front.

import { ProblemError, get, post } from '../api.js';
import { $, h } from '../dom.js';
import { formatDate, formatTime, lang, t } from '../i18n.js';
import { agencyName } from '../reference.js';

let session = null;
let items = [];
let agenda = null;
let bound = false;

export function initFollowUp(current) {
  session = current;
  $('#followup-agenda-card').hidden = !['Operator', 'Commander'].includes(session.role);
  $('#followup-complete-card').hidden = !['Liaison', 'Administrator'].includes(session.role);
  items = [];
  agenda = null;
  // Once per page: a second session in the same page keeps the one listener.
  if (!bound) $('#followup-complete-form').addEventListener('submit', complete);
  bound = true;
}

export async function showFollowUp() {
  await refresh();
  $('#followup-heading').focus();
}

export function relabelFollowUp() {
  if (session) draw();
}

export function onFollowUpEntry(entry) {
  if (!$('#view-followup').hidden && (entry.type.startsWith('ImprovementItem') || entry.type === 'MeetingRecorded')) refresh().catch(() => {});
}

async function refresh() {
  items = await get('/api/improvements');
  agenda = $('#followup-agenda-card').hidden ? null : await get('/api/meetings/agenda');
  draw();
}

const action = (i) => (lang() === 'ar' ? i.actionAr : i.actionEn);
const title = (x) => (lang() === 'ar' ? x.titleAr : x.titleEn);

function draw() {
  // Open first, the overdue among them first, then by due date.
  const rows = items.slice().sort((a, b) => (a.status === b.status ? 0 : a.status === 'Open' ? -1 : 1) || (b.overdue - a.overdue) || a.dueDate.localeCompare(b.dueDate));
  $('#followup-items tbody').replaceChildren(...rows.map((i) => h('tr', { class: i.overdue ? 'overdue' : '', data: { item: i.itemId } },
    h('td', { text: action(i), attrs: { dir: 'auto' } }),
    h('td', { text: agencyName(i.ownerAgency) }),
    h('td', { text: formatDate(i.dueDate) }),
    h('td', { text: t(`followup.source.${i.source}`) }),
    h('td', { class: 'followup-status', text: i.status === 'Done' ? t('followup.status.done') : i.overdue ? t('followup.status.overdue') : t('followup.status.open') }))));
  $('#followup-empty').hidden = rows.length > 0;

  // The items this caller may complete: their agency's open ones (every open one for an administrator).
  const mine = rows.filter((i) => i.status === 'Open' && (session.role === 'Administrator' || i.ownerAgency === session.agency));
  const select = $('#fc-item');
  const chosen = select.value;
  select.replaceChildren(...mine.map((i) => h('option', { text: `${action(i)} (${formatDate(i.dueDate)})`, attrs: { value: i.itemId } })));
  if (mine.some((i) => i.itemId === chosen)) select.value = chosen;
  $('#fc-submit').disabled = mine.length === 0;

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
