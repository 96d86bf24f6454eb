// Entering a contingency plan or changing one: the whole plan on one form, as the library records it: titles, lead
// agency, the risks it answers, what activates it, the agencies it alerts beyond the routing rules, and each
// agency's tasks with their checklists. The hub judges everything: its messages appear beside their fields, a task's
// beside that task's field (forms.js), and a change made from a version since replaced is offered for reload.

import { ProblemError, get, post, put } from '../api.js';
import { $, h } from '../dom.js';
import { clearFieldErrors, submitWhole } from '../forms.js';
import { nameOf, t } from '../i18n.js';
import { alertableAgencies, capabilityName, reference } from '../reference.js';
import { SEVERITIES } from '../vocabulary.js';

const TASK_TEXTS = ['taskId', 'titleAr', 'titleEn'];

let session = null;
// The plan as it stood when the form was filled (its view: plan, version), or null while entering a new one.
let editing = null;
let hooks = { saved() {}, cancel() {} };
// A number for each task editor drawn, so ids stay unique however tasks are added and removed.
let drawn = 0;

/** hooks: saved(planId, message) once the hub has it; cancel(editing) to leave the form. */
export function initPlanForm(signedIn, next) {
  session = signedIn;
  hooks = next;
  fillChoices();
  $('#plan-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('#plan-cancel').addEventListener('click', () => hooks.cancel(editing));
  $('#plan-conflict-reload').addEventListener('click', reloadLatest);
  $('#p-add-task').addEventListener('click', () => {
    const editor = addTask(null);
    editor.querySelector('input').focus();
  });
}

export function relabelPlanForm() {
  const plan = readForm();
  fillChoices();
  for (const editor of taskEditors()) editor.remove();
  for (const task of plan.tasks) addTask(task);
  drawHeading();
}

const taskEditors = () => [...document.querySelectorAll('#p-tasks > li')];

function options(select, values, label, blank = true) {
  const value = select.value;
  select.replaceChildren(...(blank ? [h('option', { text: t('report.choose'), attrs: { value: '' } })] : []),
    ...values.map((v) => h('option', { text: label(v), attrs: { value: String(v) } })));
  select.value = value;
}

function checkboxes(fieldset, items, name, key, label) {
  const checked = new Set([...fieldset.querySelectorAll('input:checked')].map((i) => i.value));
  fieldset.querySelector('.check-grid').replaceChildren(...items.map((item) => {
    const id = `p-${name}-${item[key]}`;
    const box = h('input', { attrs: { id, type: 'checkbox', name, value: item[key] } });
    box.checked = checked.has(String(item[key]));
    return h('label', { attrs: { for: id } }, box, label(item));
  }));
}

function fillChoices() {
  // A liaison enters and changes only the plans their agency leads: theirs is the one lead the form offers.
  const leads = session.role === 'Liaison' ? reference.agencies.filter((a) => a.code === session.agency) : reference.agencies;
  options($('#p-leadAgency'), leads.map((a) => a.code), (agency) => nameOf(reference.agencies.find((a) => a.code === agency)));
  $('#hint-p-leadAgency').hidden = session.role !== 'Liaison';
  options($('#p-minimumSeverity'), SEVERITIES.filter((s) => s !== 'Unknown'), (s) => t(`Severity.${s}`));
  checkboxes($('#p-hazards'), reference.hazards, 'hazards', 'type', nameOf);
  checkboxes($('#p-districts'), reference.districts, 'districts', 'code', nameOf);
  checkboxes($('#p-alsoAlert'), alertableAgencies(), 'alsoAlert', 'code', nameOf);
}

function drawHeading() {
  $('#plan-form-heading').textContent = editing
    ? t('plan.form.edit', { code: editing.plan.code, version: editing.version })
    : t('plan.form.new');
}

/** One task's editor; its fields are named as the hub names them (`tasks[2].agency`) by its place in the list. */
function addTask(task) {
  const n = ++drawn;
  const id = (name) => `p-task${n}-${name}`;
  const field = (name, control, hint = null) => h('div', { class: 'field' },
    h('label', { text: t(`plan.task.${name}`), attrs: { for: id(name) } }),
    control,
    hint ? h('p', { class: 'hint', text: hint, attrs: { id: `hint-${id(name)}` } }) : null,
    h('p', { class: 'field-error', attrs: { id: `err-${id(name)}` } }));
  const input = (name, attrs) => h('input', { data: { name }, attrs: { id: id(name), autocomplete: 'off', 'aria-describedby': `${attrs.hint ? `hint-${id(name)} ` : ''}err-${id(name)}`, ...attrs, hint: null } });
  const agency = h('select', { data: { name: 'agency' }, attrs: { id: id('agency'), 'aria-describedby': `err-${id('agency')}` } });
  options(agency, alertableAgencies(task?.agency ? [task.agency] : []).map((a) => a.code), (code) => nameOf(reference.agencies.find((a) => a.code === code)));
  // The hub knows a fixed list of capabilities: the blank choice is a task that needs none in particular.
  const capability = h('select', { data: { name: 'capability' }, attrs: { id: id('capability'), 'aria-describedby': `hint-${id('capability')} err-${id('capability')}` } });
  options(capability, reference.capabilities.map((c) => c.code), (code) => `${capabilityName(code)} (${code})`);
  capability.options[0].textContent = t('plan.task.capability.none');
  const steps = (language) => h('textarea', { data: { name: `checklist${language}` },
    attrs: { id: id(`checklist${language}`), rows: '3', dir: language === 'Ar' ? 'rtl' : 'ltr', lang: language.toLowerCase(), 'aria-describedby': `hint-${id(`checklist${language}`)} err-${id(`checklist${language}`)}` } });
  const legend = h('legend', {});
  const editor = h('li', { class: 'task-editor', data: { editor: n } }, h('fieldset', {}, legend,
    h('div', { class: 'grid' },
      field('taskId', input('taskId', { dir: 'ltr', maxlength: '64', hint: true }), t('plan.task.taskId.hint')),
      field('agency', agency),
      field('titleAr', input('titleAr', { dir: 'rtl', lang: 'ar', maxlength: '200' })),
      field('titleEn', input('titleEn', { dir: 'ltr', lang: 'en', maxlength: '200' })),
      field('dueAfterMinutes', input('dueAfterMinutes', { type: 'number', min: '1', step: '1', dir: 'ltr' })),
      field('capability', capability, t('plan.task.capability.hint')),
      field('quantity', input('quantity', { type: 'number', min: '1', step: '1', dir: 'ltr' })),
      field('checklistAr', steps('Ar'), t('plan.task.checklist.hint')),
      field('checklistEn', steps('En'), t('plan.task.checklist.hint'))),
    h('button', { class: 'link-button', text: t('plan.form.removeTask'), data: { remove: n }, attrs: { type: 'button' }, on: { click: () => removeTask(editor) } })));
  $('#p-tasks').append(editor);
  if (task) {
    for (const name of TASK_TEXTS) editor.querySelector(`[data-name="${name}"]`).value = task[name] ?? '';
    agency.value = task.agency ?? '';
    capability.value = task.capability ?? '';
    editor.querySelector('[data-name="dueAfterMinutes"]').value = task.dueAfterMinutes ?? '';
    editor.querySelector('[data-name="quantity"]').value = task.quantity ?? '';
    editor.querySelector('[data-name="checklistAr"]').value = (task.checklist ?? []).map((step) => step?.textAr ?? '').join('\n');
    editor.querySelector('[data-name="checklistEn"]').value = (task.checklist ?? []).map((step) => step?.textEn ?? '').join('\n');
  }
  numberTasks();
  return editor;
}

function removeTask(editor) {
  const next = editor.nextElementSibling ?? editor.previousElementSibling;
  editor.remove();
  numberTasks();
  (next?.querySelector('input') ?? $('#p-add-task')).focus();
}

/** Each task's legend says its place, as the hub's messages do (task 1 is tasks[0]). */
function numberTasks() {
  taskEditors().forEach((editor, i) => {
    const title = editor.querySelector('[data-name="titleAr"]').value || editor.querySelector('[data-name="titleEn"]').value;
    editor.querySelector('legend').textContent = t('plan.task.legend', { n: i + 1 }) + (title ? ` — ${title}` : '');
    editor.dataset.index = i;
  });
}

function clear() {
  $('#plan-form').reset();
  for (const editor of taskEditors()) editor.remove();
  clearFieldErrors(formFields(), $('#plan-form-result'));
  $('#plan-conflict-reload').hidden = true;
}

/** An empty form for a new plan, with one task to fill. */
export function newPlan() {
  editing = null;
  clear();
  $('#p-code').disabled = false;
  if (session.role === 'Liaison') $('#p-leadAgency').value = session.agency;
  addTask(null);
  drawHeading();
  $('#p-code').focus();
}

/** The form filled with a plan as it stands (its view from the hub: plan, version), to change it; its code stays. */
export function editPlan(view) {
  editing = view;
  clear();
  const { plan } = view;
  $('#p-code').value = plan.code;
  $('#p-code').disabled = true;
  $('#p-titleAr').value = plan.titleAr;
  $('#p-titleEn').value = plan.titleEn;
  $('#p-leadAgency').value = plan.leadAgency;
  $('#p-risks').value = plan.risks.join(', ');
  $('#p-minimumSeverity').value = plan.activation.minimumSeverity;
  const tick = (name, values) => { for (const box of document.querySelectorAll(`#p-${name} input`)) box.checked = values.includes(box.value); };
  tick('hazards', plan.activation.hazards);
  tick('districts', plan.activation.districts);
  // A plan saved before the duty office was refused keeps its tick, to be taken off.
  checkboxes($('#p-alsoAlert'), alertableAgencies(plan.alsoAlert), 'alsoAlert', 'code', nameOf);
  tick('alsoAlert', plan.alsoAlert);
  for (const task of plan.tasks) addTask(task);
  drawHeading();
  $('#p-titleAr').focus();
}

const numberOrNull = (value) => (value === '' ? null : Number(value));
const lines = (text) => text.split('\n').map((line) => line.trim());

/** The whole plan as the form has it; what is left empty is sent empty, for the hub to name. */
function readForm() {
  const text = (name) => $(`#p-${name}`).value.trim() || null;
  const checked = (name) => [...document.querySelectorAll(`#p-${name} input:checked`)].map((box) => box.value);
  const tasks = taskEditors().map((editor) => {
    const value = (name) => editor.querySelector(`[data-name="${name}"]`).value;
    // A step per line in each language, the lines paired by their place; blank lines at the end are no step.
    const ar = lines(value('checklistAr'));
    const en = lines(value('checklistEn'));
    while (ar.length && !ar.at(-1)) ar.pop();
    while (en.length && !en.at(-1)) en.pop();
    const checklist = Array.from({ length: Math.max(ar.length, en.length) }, (_, i) => ({ textAr: ar[i] || null, textEn: en[i] || null }));
    return {
      taskId: value('taskId').trim() || null,
      agency: value('agency') || null,
      titleAr: value('titleAr').trim() || null,
      titleEn: value('titleEn').trim() || null,
      dueAfterMinutes: numberOrNull(value('dueAfterMinutes')),
      checklist,
      capability: value('capability').trim() || null,
      quantity: numberOrNull(value('quantity')),
    };
  });
  return {
    code: editing ? editing.plan.code : text('code'),
    titleAr: text('titleAr'),
    titleEn: text('titleEn'),
    leadAgency: $('#p-leadAgency').value || null,
    risks: $('#p-risks').value.split(/[\s,;،]+/).filter(Boolean),
    activation: {
      hazards: checked('hazards'),
      minimumSeverity: $('#p-minimumSeverity').value || null,
      districts: checked('districts'),
    },
    alsoAlert: checked('alsoAlert'),
    tasks,
    reason: text('reason'),
  };
}

/** Each field the hub may name, in the form's order, so focus goes to the first to fix from the top. */
function formFields() {
  const one = (name, id = name) => ({ name, control: $(`#p-${id}`), error: $(`#err-p-${id}`) });
  const group = (name, id) => ({ name, control: $(`#p-${id} input`) ?? $(`#p-${id}`), error: $(`#err-p-${id}`) });
  const tasks = taskEditors().flatMap((editor, i) => ['taskId', 'agency', 'titleAr', 'titleEn', 'dueAfterMinutes', 'capability', 'quantity', 'checklistAr', 'checklistEn']
    .map((name) => {
      const control = editor.querySelector(`[data-name="${name}"]`);
      return { name: `tasks[${i}].${name}`, control, error: $(`#err-${control.id}`) };
    }));
  return [
    one('code'), one('leadAgency'), one('titleAr'), one('titleEn'), one('risks'),
    group('activation', 'hazards'), group('activation.hazards', 'hazards'), one('activation.minimumSeverity', 'minimumSeverity'), group('activation.districts', 'districts'),
    group('alsoAlert', 'alsoAlert'),
    { name: 'tasks', control: $('#p-add-task'), error: $('#err-p-tasks') },
    ...tasks,
    one('reason'),
  ];
}

/**
 * The hub names a change's fields inside the plan (`plan.tasks[2].agency`) and a checklist's steps one by one
 * (`tasks[0].checklist[1].textEn`): the form shows them beside the field they belong to (the task's English steps).
 */
function plainFields(problem) {
  const errors = {};
  for (const [key, messages] of Object.entries(problem.errors)) {
    const plain = key.replace(/^(\$\.)?plan\./i, '')
      .replace(/\.checklist\[\d+\]\.text(Ar|En)$/i, (_, language) => `.checklist${language[0].toUpperCase()}${language[1].toLowerCase()}`)
      .replace(/\.checklist(\[\d+\])?$/i, '.checklistAr');
    errors[plain] = [...(errors[plain] ?? []), ...messages];
  }
  return { errors, detail: problem.detail, title: problem.title };
}

function save() {
  $('#plan-conflict-reload').hidden = true;
  const plan = readForm();
  return submitWhole({
    button: $('#plan-save'),
    result: $('#plan-form-result'),
    fields: formFields,
    plain: plainFields,
    async send() {
      const saved = editing
        ? await put(`/api/plans/${editing.plan.planId}`, { plan, expectedVersion: editing.version })
        : await post('/api/plans', plan);
      // A change that changes nothing is not recorded: the hub answers with the version as it was, at no position.
      const message = editing && saved.position === 0
        ? t('plan.form.unchanged', { code: plan.code, version: saved.version })
        : t('plan.form.saved', { code: plan.code, version: saved.version });
      await hooks.saved(saved.planId, message);
    },
    onConflict: editing ? () => {
      $('#plan-form-result').textContent = t('plan.form.conflict');
      $('#plan-conflict-reload').hidden = false;
      $('#plan-conflict-reload').focus();
    } : null,
  });
}

/** After a conflict: the plan as it stands now, on the form; the reason given is kept. */
async function reloadLatest() {
  const reason = $('#p-reason').value;
  try {
    const latest = await get(`/api/plans/${editing.plan.planId}`);
    editPlan(latest.current);
    $('#p-reason').value = reason;
    $('#plan-form-result').textContent = t('plan.form.reloaded', { version: latest.current.version });
  } catch (error) {
    $('#plan-form-result').textContent = error instanceof ProblemError ? error.detail || error.title : t('error.network');
  }
}
