// The library of contingency plans, for every role: the plans by code with what activates each, a plan's page with
// its tasks agency by agency and its history from the log, and the editor for administrators and the liaisons of a
// plan's lead agency. It is read from the hub each time it is brought to the front; the role's own screen goes on
// behind it.

import { get } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { formatDuration, formatList, formatNumber, formatTime, lang, t } from '../i18n.js';
import { showError } from '../notice.js';
import { agencyName, districtName, hazardName } from '../reference.js';
import { code } from './register-common.js';
import { editPlan, initPlanForm, newPlan, relabelPlanForm } from './plan-form.js';

const SECTIONS = { library: '#plans-library', plan: '#plans-plan', edit: '#plans-edit' };

let session = null;
let plans = [];
let shown = null; // { current, history } of the plan whose page is open
let section = 'library';
let loaded = false;

const titleOf = (plan) => (lang() === 'ar' ? plan.titleAr : plan.titleEn);

/** Administrators change any plan; a liaison the plans their agency leads (the hub decides; this spares a refused button). */
const mayChange = (plan) => session.role === 'Administrator' || (session.role === 'Liaison' && plan.leadAgency === session.agency);
const mayEnter = () => session.role === 'Administrator' || session.role === 'Liaison';

export function initPlans(signedIn) {
  session = signedIn;
  $('#plans-new').hidden = !mayEnter();
  $('#plans-new').addEventListener('click', () => { show('edit'); newPlan(); });
  $('#plan-back').addEventListener('click', backToLibrary);
  $('#plan-edit').addEventListener('click', () => { show('edit'); editPlan(shown.current); });
  initPlanForm(session, {
    saved: (planId, message) => openPlan(planId, message),
    cancel(editing) {
      if (editing) {
        show('plan');
        $('#plan-title').focus();
      } else {
        backToLibrary();
      }
    },
  });
}

/** The library was brought to the front: read afresh what it shows. */
export function showPlans() {
  if (section === 'library' || !loaded) refresh().catch(showError);
  else if (section === 'plan' && shown) openPlan(shown.current.plan.planId).catch(showError);
}

const refreshSoon = debounce(() => refresh().catch(() => {}), 500);

/** A log entry: a plan entered or changed elsewhere is shown at once. */
export function onPlansEntry(entry) {
  if ((entry.type === 'PlanRecorded' || entry.type === 'PlanChanged') && loaded && !$('#view-plans').hidden && section === 'library') refreshSoon();
}

export function relabelPlans() {
  if (!session) return;
  relabelPlanForm();
  if (loaded) drawLibrary();
  if (shown) drawPlan();
}

function show(name) {
  section = name;
  for (const [key, selector] of Object.entries(SECTIONS)) $(selector).hidden = key !== name;
}

async function refresh() {
  $('#view-plans').setAttribute('aria-busy', 'true');
  try {
    plans = (await get('/api/plans')).plans;
    loaded = true;
    drawLibrary();
  } finally {
    $('#view-plans').removeAttribute('aria-busy');
  }
}

/** "Floods, Severe or worse, in Derna" */
function criteria(activation) {
  const where = activation.districts.length ? formatList(activation.districts.map(districtName)) : t('plan.wholeCountry');
  return t('plan.criteria', {
    hazards: formatList(activation.hazards.map(hazardName)),
    severity: t(`Severity.${activation.minimumSeverity}`),
    where,
  });
}

function drawLibrary() {
  const head = h('thead', {}, h('tr', {}, ['code', 'title', 'lead', 'activation', 'tasks', 'version']
    .map((c) => h('th', { text: t(`plans.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = plans.map((view) => {
    const { plan } = view;
    const agencies = new Set(plan.tasks.map((task) => task.agency)).size;
    return h('tr', { data: { plan: plan.code } },
      h('th', { attrs: { scope: 'row' } }, h('button', { class: 'link-button', data: { openPlan: plan.code }, attrs: { type: 'button' }, on: { click: () => openPlan(plan.planId).catch(showError) } }, code(plan.code))),
      h('td', {}, h('span', { text: titleOf(plan), attrs: { dir: 'auto' } }), plan.isSample ? h('span', { class: 'tag sample', text: t('plan.sample') }) : null),
      h('td', { text: agencyName(plan.leadAgency) }),
      h('td', { text: criteria(plan.activation) }),
      h('td', { text: t('plans.taskCount', { tasks: formatNumber(plan.tasks.length), agencies: formatNumber(agencies) }) }),
      h('td', { text: t('plan.version', { version: view.version, by: view.changedBy, time: formatTime(view.changedAt) }) }));
  });
  $('#plans-table').replaceChildren(head, h('tbody', {}, rows));
  $('#plans-count').textContent = `(${formatNumber(plans.length)})`;
  $('#plans-empty').hidden = plans.length > 0;
  $('#plans-sample').hidden = !plans.some((view) => view.plan.isSample);
}

async function openPlan(planId, message = '') {
  shown = await get(`/api/plans/${planId}`);
  show('plan');
  drawPlan();
  $('#plan-status').textContent = message;
  $('#plan-title').focus();
  if (message) refresh().catch(() => {});
}

async function backToLibrary() {
  const from = shown?.current.plan.code;
  show('library');
  // Read again first: drawing the table anew would take the focus away from the plan it was opened from.
  await refresh().catch(showError);
  const back = from && $(`#plans-table [data-open-plan="${CSS.escape(from)}"]`);
  if (back) back.focus();
  else $('#plans-heading').focus();
}

const fact = (label, ...value) => [h('dt', { text: t(label) }), h('dd', {}, ...value)];
const codes = (items) => (items.length ? items.flatMap((item, i) => (i ? [', ', code(item)] : [code(item)])) : t('risk.none'));

function drawTasks(plan) {
  const byAgency = Map.groupBy(plan.tasks, (task) => task.agency);
  return [...byAgency].map(([agency, tasks]) => h('section', { class: 'agency-tasks', data: { agency } },
    h('h4', { text: agencyName(agency) }),
    h('ul', { class: 'task-list' }, tasks.map((task) => h('li', { class: 'task', data: { task: task.taskId } },
      h('p', { class: 'task-title' }, h('strong', { text: titleOf(task), attrs: { dir: 'auto' } }), ' ', code(task.taskId)),
      h('p', { class: 'task-facts' }, t('plan.dueAfter', { after: formatDuration(task.dueAfterMinutes * 60) }),
        task.capability ? [' · ', t('tasks.needs', { quantity: formatNumber(task.quantity ?? 1) }), ' ', code(task.capability)] : null),
      task.checklist.length ? h('ol', { class: 'checklist' }, task.checklist.map((step) => h('li', { text: lang() === 'ar' ? step.textAr : step.textEn, attrs: { dir: 'auto' } }))) : null)))));
}

/** A changed field as people read it: "Tasks: cd-swift-water-rescue", "Title in Arabic", or the hub's own name. */
function fieldName(field) {
  if (field.startsWith('tasks.')) return `${t('plan.field.tasks')}: ${field.slice('tasks.'.length)}`;
  const key = `plan.field.${field.replace(/\[\d+\].*$/, '')}`;
  return t(key) === key ? field : t(key);
}

function drawHistory(history) {
  const head = h('thead', {}, h('tr', {}, ['version', 'by', 'when', 'reason', 'changes']
    .map((c) => h('th', { text: t(`history.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = history.map((change) => h('tr', { data: { version: change.version } },
    h('th', { text: String(change.version), attrs: { scope: 'row' } }),
    h('td', { text: change.changedBy, attrs: { dir: 'ltr' } }),
    h('td', {}, h('time', { text: formatTime(change.changedAt), attrs: { datetime: change.changedAt } })),
    h('td', { class: 'reason', text: change.reason || t('risk.history.noReason'), attrs: { dir: 'auto' } }),
    h('td', {}, change.changed.length
      ? h('ul', { class: 'changes' }, [...new Set(change.changed)].map((field) => h('li', { data: { field }, text: fieldName(field) })))
      : h('span', { class: 'muted', text: t(change.version === 1 ? 'risk.history.first' : 'risk.history.none') }))));
  $('#plan-history').replaceChildren(head, h('tbody', {}, rows));
}

function drawPlan() {
  const view = shown.current;
  const { plan } = view;
  $('#plan-title').replaceChildren(h('span', { text: titleOf(plan), attrs: { dir: 'auto' } }), ' ', code(plan.code),
    plan.isSample ? h('span', { class: 'tag sample', text: t('plan.sample') }) : null);
  $('#plan-edit').hidden = !mayChange(plan);
  $('#plan-body').replaceChildren(h('dl', { class: 'facts' },
    fact('plan.field.leadAgency', agencyName(plan.leadAgency)),
    fact('plan.field.risks', ...[codes(plan.risks)].flat()),
    fact('plan.field.activation', criteria(plan.activation)),
    fact('plan.field.alsoAlert', plan.alsoAlert.length ? formatList(plan.alsoAlert.map(agencyName)) : t('risk.none')),
    fact('history.col.version', t('plan.version', { version: view.version, by: view.changedBy, time: formatTime(view.changedAt) }))));
  $('#plan-tasks').replaceChildren(...drawTasks(plan));
  drawHistory(shown.history);
}
