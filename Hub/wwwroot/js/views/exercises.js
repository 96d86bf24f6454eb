// Exercises, for those who control them (commanders, administrators): the scenario library with its editor (the whole
// scenario as JSON, each mistake named by the hub by inject number and field), starting an exercise (speed, who plays
// each agency), the exercises started, and the controller's run screen (its clock, pause, resume, abort, each inject
// fired or to come), read again every two seconds while it is open and at once when one of its entries arrives.

import { ProblemError, get, post, put } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { formatList, formatNumber, formatTime, nameOf, t } from '../i18n.js';
import { showError } from '../notice.js';
import { agencyName, reference } from '../reference.js';
import { afterActionExercise, drawAfterAction, initAfterAction, loadAfterAction } from './after-action.js';

const SECTIONS = ['#exercises-home', '#exercise-run', '#after-action', '#scenario-edit'];
const REFRESH_MS = 2000;

let scenarios = [];
let exercises = [];
let run = null;
let editing = null;
let timer = null;
let section = '#exercises-home';

export function initExercises() {
  $('#scenario-new').addEventListener('click', () => edit(null));
  $('#scenario-import-file').addEventListener('change', importFile);
  $('#xs-scenario').addEventListener('change', drawParticipants);
  $('#exercise-start-form').addEventListener('submit', (event) => { event.preventDefault(); start().catch(showError); });
  $('#run-pause').addEventListener('click', () => control('pause').catch(showError));
  $('#run-resume').addEventListener('click', () => control('resume').catch(showError));
  $('#run-back').addEventListener('click', () => { show('#exercises-home'); refresh().catch(showError); $('#exercises-heading').focus(); });
  $('#run-after-action').addEventListener('click', () => openAfterAction(run.exerciseId).catch(showError));
  $('#aa-back').addEventListener('click', () => { show('#exercises-home'); refresh().catch(showError); $('#exercises-heading').focus(); });
  initAfterAction();
  $('#run-abort-form').addEventListener('submit', (event) => { event.preventDefault(); abort().catch(showError); });
  $('#scenario-form').addEventListener('submit', (event) => { event.preventDefault(); save().catch(showError); });
  $('#scenario-export').addEventListener('click', exportEditor);
  $('#scenario-cancel').addEventListener('click', () => { show('#exercises-home'); refresh().catch(showError); $('#exercises-heading').focus(); });
}

/** The exercises were brought to the front: read afresh what is shown. */
export function showExercises() {
  if (section === '#exercise-run' && run) openRun(run.exerciseId).catch(showError);
  else if (section === '#after-action' && afterActionExercise()) loadAfterAction(afterActionExercise()).catch(showError);
  else refresh().catch(showError);
}

const refreshRunSoon = debounce(() => { if (run && section === '#exercise-run') openRun(run.exerciseId).catch(() => {}); }, 300);

/** A log entry (commanders): one of the open exercise's redraws its run screen at once. */
export function onExercisesEntry(entry) {
  if (run && entry.metadata?.exerciseId === run.exerciseId) refreshRunSoon();
  if (section === '#after-action' && entry.metadata?.exerciseId && entry.metadata.exerciseId === afterActionExercise()) refreshAfterActionSoon();
}

const refreshAfterActionSoon = debounce(() => { if (section === '#after-action' && afterActionExercise()) loadAfterAction(afterActionExercise()).catch(() => {}); }, 300);

/** An exercise's after-action report, in place of the list. */
async function openAfterAction(exerciseId) {
  await loadAfterAction(exerciseId);
  show('#after-action');
  $('#aa-title').focus();
}

export function relabelExercises() {
  drawScenarios();
  drawExercises();
  drawParticipants();
  if (run) drawRun();
  drawAfterAction();
  drawEditHeading();
}

function show(name) {
  section = name;
  for (const selector of SECTIONS) $(selector).hidden = selector !== name;
  clearInterval(timer);
  timer = null;
  if (name === '#exercise-run') {
    timer = setInterval(() => {
      if ($('#view-exercises').hidden) return;
      if (run) openRun(run.exerciseId).catch(() => {});
    }, REFRESH_MS);
  }
}

async function refresh() {
  [scenarios, exercises] = await Promise.all([
    get('/api/scenarios').then((r) => r.scenarios),
    get('/api/exercises').then((r) => r.exercises),
  ]);
  drawScenarios();
  drawExercises();
  fillScenarioChoice();
}

const title = (item) => nameOf({ nameAr: item.titleAr, nameEn: item.titleEn });

function drawScenarios() {
  const head = h('thead', {}, h('tr', {}, ['code', 'title', 'injects', 'duration', 'version', 'actions'].map((c) => h('th', { text: t(`scenarios.col.${c}`), attrs: { scope: 'col' } }))));
  const body = h('tbody', {}, scenarios.map((view) => {
    const s = view.scenario;
    return h('tr', { data: { scenario: s.code } },
      h('td', {}, h('code', { text: s.code })),
      h('td', { attrs: { dir: 'auto' } }, title(s), s.isSample ? h('span', { class: 'sample-tag', text: ` ${t('scenarios.sample')}` }) : null),
      h('td', { text: formatNumber(s.injects.length) }),
      h('td', { text: t('scenarios.minutes', { n: formatNumber(s.durationMinutes) }) }),
      h('td', { text: formatNumber(view.version) }),
      h('td', {}, h('button', { attrs: { type: 'button' }, text: t('scenarios.edit', { code: s.code }), on: { click: () => edit(view) } })));
  }));
  $('#scenarios-table').replaceChildren(head, body);
}

function drawExercises() {
  $('#exercises-empty').hidden = exercises.length > 0;
  const head = h('thead', {}, h('tr', {}, ['title', 'status', 'speed', 'fired', 'started'].map((c) => h('th', { text: t(`exercises.col.${c}`), attrs: { scope: 'col' } })), h('th', { attrs: { scope: 'col' }, text: t('scenarios.col.actions') })));
  const body = h('tbody', {}, exercises.map((x) => h('tr', { class: 'exercise', data: { exercise: x.exerciseId, status: x.status } },
    h('td', { attrs: { dir: 'auto' } }, h('span', { class: 'exercise-tag', text: t('exercise') }), title(x)),
    h('td', { text: t(`ExerciseStatus.${x.status}`) }),
    h('td', { text: t('exercise.speed', { n: formatNumber(x.speed) }) }),
    h('td', { text: formatNumber(x.injectsFired) }),
    h('td', {}, h('time', { text: formatTime(x.startedAt), attrs: { datetime: x.startedAt } })),
    h('td', {}, h('button', { attrs: { type: 'button' }, text: t('exercises.open'), on: { click: () => openRun(x.exerciseId).catch(showError) } }),
      ' ', h('button', { class: 'after-action', attrs: { type: 'button' }, text: t('afterAction.open'), on: { click: () => openAfterAction(x.exerciseId).catch(showError) } })))));
  $('#exercises-table').replaceChildren(head, body);
}

function fillScenarioChoice() {
  const select = $('#xs-scenario');
  const chosen = select.value;
  select.replaceChildren(...scenarios.map((view) => h('option', { text: `${title(view.scenario)} (${view.scenario.code})`, attrs: { value: view.scenario.code } })));
  if (scenarios.some((v) => v.scenario.code === chosen)) select.value = chosen;
  drawParticipants();
}

function drawParticipants() {
  const scenario = scenarios.find((v) => v.scenario.code === $('#xs-scenario').value)?.scenario;
  const list = $('#xs-participant-list');
  const before = Object.fromEntries([...list.querySelectorAll('select')].map((s) => [s.dataset.agency, s.value]));
  list.replaceChildren(...(scenario?.participants ?? []).map((agency) => {
    const id = `xs-play-${agency}`;
    const select = h('select', { attrs: { id }, data: { agency } },
      ['people', 'simulated', 'never', 'out'].map((choice) => h('option', { text: t(`exercise.start.${choice}`), attrs: { value: choice } })));
    select.value = before[agency] ?? 'people';
    return h('div', { class: 'field inline' }, h('label', { text: agencyName(agency), attrs: { for: id } }), select);
  }));
}

async function start() {
  for (const id of ['err-xs-scenario', 'err-xs-speed', 'err-xs-delay', 'xs-result']) $(`#${id}`).textContent = '';
  const plays = [...$('#xs-participant-list').querySelectorAll('select')].map((s) => [s.dataset.agency, s.value]);
  const delay = Number($('#xs-delay').value);
  const body = {
    scenario: $('#xs-scenario').value,
    speed: Number($('#xs-speed').value),
    participants: plays.filter(([, play]) => play !== 'out').map(([agency]) => agency),
    simulated: plays.filter(([, play]) => play === 'simulated' || play === 'never')
      .map(([agency, play]) => ({ agency, acknowledgeAfterMinutes: play === 'never' ? null : delay })),
  };
  try {
    const view = await post('/api/exercises', body);
    run = view;
    show('#exercise-run');
    drawRun();
    $('#run-title').focus();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    const errors = error.errors ?? {};
    $('#err-xs-scenario').textContent = (errors.scenario ?? []).join(' ');
    $('#err-xs-speed').textContent = (errors.speed ?? []).join(' ');
    $('#err-xs-delay').textContent = Object.entries(errors).filter(([k]) => k.startsWith('simulated')).flatMap(([, v]) => v).join(' ');
    $('#xs-result').textContent = Object.entries(errors).filter(([k]) => k.startsWith('participants')).flatMap(([, v]) => v).join(' ') || error.detail;
  }
}

async function openRun(exerciseId) {
  run = await get(`/api/exercises/${exerciseId}`);
  if (section !== '#exercise-run') {
    show('#exercise-run');
    drawRun();
    $('#run-title').focus();
  } else {
    drawRun();
  }
}

const clock = (minutes) => formatNumber(Math.round(minutes * 10) / 10);

function drawRun() {
  $('#run-title').textContent = title(run);
  $('#run-state').textContent = t('exercise.state', {
    status: t(`ExerciseStatus.${run.status}`), clock: clock(run.exerciseMinutes), duration: formatNumber(run.durationMinutes),
    speed: formatNumber(run.speed), by: run.startedBy,
  });
  $('#run-state').dataset.status = run.status;
  const underway = run.status === 'Running' || run.status === 'Paused';
  $('#run-pause').hidden = run.status !== 'Running';
  $('#run-resume').hidden = run.status !== 'Paused';
  $('#run-abort-form').hidden = !underway;
  $('#run-injects').replaceChildren(...run.injects.map((item) => {
    const { inject, fired } = item;
    const state = !fired ? 'pending' : fired.refused ? 'refused' : 'fired';
    const what = inject.kind === 'Report'
      ? `${inject.titleAr} — ${inject.titleEn}`
      : [inject.textAr, inject.textEn].filter(Boolean).join(' — ');
    return h('li', { class: `inject ${state}`, data: { number: item.number, state } },
      h('p', { class: 'inject-head' },
        h('strong', { text: t('exercise.inject', { n: formatNumber(item.number), at: clock(inject.atMinutes), kind: t(`InjectKind.${inject.kind}`) }) }),
        ' · ', h('code', { text: inject.incident }),
        item.reference ? h('span', { text: ` · ${item.reference}` }) : null),
      h('p', { class: 'inject-text', text: what, attrs: { dir: 'auto' } }),
      inject.agencies.length ? h('p', { class: 'muted', text: t('exercise.inject.to', { agencies: formatList(inject.agencies.map(agencyName)) }) }) : null,
      h('p', { class: 'inject-state', text: !fired ? t('exercise.inject.pending')
        : fired.refused ? t('exercise.inject.refused', { reason: fired.refused })
          : t('exercise.inject.fired', { at: clock(fired.exerciseMinutes) }) }));
  }));
}

async function control(action) {
  $('#run-error').textContent = '';
  try {
    run = await post(`/api/exercises/${run.exerciseId}/${action}`, {});
    drawRun();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) {
      $('#run-error').textContent = error.detail;
      await openRun(run.exerciseId);
    } else {
      throw error;
    }
  }
}

async function abort() {
  $('#err-run-abort-reason').textContent = '';
  try {
    run = await post(`/api/exercises/${run.exerciseId}/abort`, { reason: $('#run-abort-reason').value });
    $('#run-abort-reason').value = '';
    drawRun();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 400) $('#err-run-abort-reason').textContent = (error.errors?.reason ?? [error.detail]).join(' ');
    else if (error instanceof ProblemError && error.status === 409) $('#run-error').textContent = error.detail;
    else throw error;
  }
}

/** The scenario as its file holds it: what the editor shows and the hub takes back. */
function fileOf(scenario) {
  const { scenarioId, isSample, ...file } = scenario;
  return file;
}

function drawEditHeading() {
  if (section !== '#scenario-edit') return;
  $('#scenario-edit-heading').textContent = editing
    ? t('scenario.edit.change', { code: editing.scenario.code, version: formatNumber(editing.version) })
    : t('scenario.edit.new');
}

function edit(view, text = null) {
  editing = view;
  show('#scenario-edit');
  drawEditHeading();
  $('#scenario-json').value = text ?? JSON.stringify(view ? fileOf(view.scenario) : blank(), null, 2);
  $('#scenario-reason').value = '';
  clearProblems();
  $('#scenario-status').textContent = '';
  $('#scenario-edit-heading').focus();
}

function blank() {
  const agency = reference.agencies.find((a) => a.code === 'ncem')?.code ?? reference.agencies[0]?.code ?? 'ncem';
  return {
    code: 'new-scenario', titleAr: '', titleEn: '', summaryAr: '', summaryEn: '', durationMinutes: 60, participants: [agency],
    injects: [{ atMinutes: 0, kind: 'Report', incident: 'first', hazard: 'Flood', severity: 'Moderate', district: 'derna', titleAr: '', titleEn: '', textAr: '', textEn: '', expected: [] }],
  };
}

function clearProblems() {
  $('#scenario-errors-heading').textContent = '';
  $('#scenario-error-list').replaceChildren();
}

function problems(heading, items) {
  $('#scenario-errors-heading').textContent = heading;
  $('#scenario-error-list').replaceChildren(...items.map(([field, message]) => h('li', { data: { field } },
    field ? h('code', { text: field, attrs: { dir: 'ltr' } }) : null, field ? ' ' : null, h('span', { text: message }))));
}

async function save() {
  clearProblems();
  $('#scenario-status').textContent = '';
  let file;
  try {
    file = JSON.parse($('#scenario-json').value);
  } catch (error) {
    problems(t('scenario.edit.syntax', { message: error.message }), []);
    $('#scenario-json').focus();
    return;
  }
  const reason = $('#scenario-reason').value.trim();
  if (reason) file.reason = reason;
  try {
    const saved = editing
      ? await put(`/api/scenarios/${editing.scenario.scenarioId}`, { scenario: file, expectedVersion: editing.version })
      : await post('/api/scenarios', file);
    await refresh();
    editing = scenarios.find((v) => v.scenario.scenarioId === saved.scenarioId) ?? null;
    drawEditHeading();
    $('#scenario-status').textContent = t('scenario.edit.saved', { code: file.code, version: formatNumber(saved.version) });
  } catch (error) {
    if (error instanceof ProblemError && error.status === 400) {
      // The hub names each field as the JSON does (injects[3].district) and, for an inject, says its number in words.
      problems(t('scenario.edit.refused'), Object.entries(error.errors ?? {}).flatMap(([field, messages]) =>
        messages.map((m) => [field.replace(/^scenario\./, ''), m])));
      $('#scenario-error-list li')?.scrollIntoView({ block: 'nearest' });
    } else if (error instanceof ProblemError && error.status === 409) {
      problems(editing ? t('scenario.edit.conflict') : error.detail, []);
    } else {
      throw error;
    }
  }
}

function exportEditor() {
  let code = 'scenario';
  try {
    code = JSON.parse($('#scenario-json').value).code || code;
  } catch {
    // Exported as typed: the file is the editor's text either way.
  }
  download(`scenario-${code}.json`, $('#scenario-json').value);
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function importFile(event) {
  const file = event.target.files?.[0];
  if (!file) return;
  const text = await file.text();
  event.target.value = '';
  try {
    const parsed = JSON.parse(text);
    edit(null, JSON.stringify(parsed, null, 2));
    $('#scenario-status').textContent = t('scenarios.imported', { file: file.name });
  } catch {
    $('#scenarios-status').textContent = t('scenarios.unreadable', { file: file.name });
  }
}
