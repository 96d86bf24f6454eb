// The evaluation, for the duty office, commanders and each agency's liaisons (their own agency's line): choose a week,
// month or quarter ending on a day (or, for commanders, an exercise), then the whole against the previous period, how
// long acknowledgements took and each agency's share in time as plain SVG charts, and the tables per agency, hazard
// and district. Every count opens the alerts or tasks behind it ("show me the late ones"). The same report opens as a
// printable page or downloads as the hub's PDF, in the language chosen.

import { ProblemError, get } from '../api.js';
import { distributionChart, downloadPdf, openPrintable, svg } from '../charts.js';
import { $, h } from '../dom.js';
import { formatDuration, formatNumber, formatTime, lang, t, todayInLibya } from '../i18n.js';
import { showError } from '../notice.js';
import { agencyName } from '../reference.js';

// Counts that open the entries behind them: the column's figure in /api/evaluation/entries.
const COUNTS = [
  ['alerts', 'alerts'], ['acknowledgedInTime', 'in-time'], ['acknowledgedLate', 'late'], ['missed', 'missed'], ['waiting', 'waiting'],
];
const TASK_COUNTS = [['tasks', 'tasks'], ['tasksOnTime', 'tasks-on-time'], ['tasksLate', 'tasks-late'], ['tasksOverdue', 'tasks-overdue']];
const LINES = [['agencies', 'agency'], ['hazards', 'hazard'], ['districts', 'district']];

let report = null;
let exercises = [];
let canChooseExercise = false;
let opened = null;
// Only the latest read is drawn: a tab opened (read at once) then a scope chosen must not end with the first answer.
let reading = 0;

export function initEvaluation(session) {
  canChooseExercise = session.role === 'Commander';
  $('#ev-ending').value = todayInLibya();
  $('#ev-period').addEventListener('change', drawScopeFields);
  $('#evaluation-form').addEventListener('submit', (event) => { event.preventDefault(); load().catch(showError); });
  $('#ev-print').addEventListener('click', () => openPrintable(`/api/evaluation/report?${scope()}`));
  $('#ev-pdf').addEventListener('click', () => {
    const q = scope();
    q.set('format', 'pdf');
    downloadPdf(`/api/evaluation/report?${q}`, 'evaluation.pdf', $('#ev-status')).catch(showError);
  });
  $('#ev-entries-close').addEventListener('click', closeEntries);
  if (!canChooseExercise) $('#ev-period option[value="exercise"]').remove();
  drawScopeFields();
}

/** The evaluation was brought to the front: read afresh. */
export function showEvaluation() {
  load().catch(showError);
}

export function relabelEvaluation() {
  fillExercises();
  if (report) draw();
  if (opened) drawEntries();
}

function drawScopeFields() {
  const exercise = $('#ev-period').value === 'exercise';
  $('#ev-exercise-field').hidden = !exercise;
  $('#ev-ending-field').hidden = exercise;
  if (exercise && exercises.length === 0) loadExercises().catch(showError);
}

async function loadExercises() {
  exercises = (await get('/api/exercises')).exercises;
  fillExercises();
}

function fillExercises() {
  const select = $('#ev-exercise');
  const chosen = select.value;
  select.replaceChildren(...exercises.map((x) => h('option', { text: lang() === 'ar' ? x.titleAr : x.titleEn, attrs: { value: x.exerciseId } })));
  if (chosen) select.value = chosen;
}

/** The scope chosen, as the query the evaluation endpoints share. */
function scope() {
  const q = new URLSearchParams();
  if ($('#ev-period').value === 'exercise') {
    if ($('#ev-exercise').value) q.set('exercise', $('#ev-exercise').value);
  } else {
    q.set('period', $('#ev-period').value);
    if ($('#ev-ending').value) q.set('ending', $('#ev-ending').value);
  }
  return q;
}

async function load() {
  $('#err-ev-scope').textContent = '';
  const mine = ++reading;
  let answer;
  try {
    answer = await get(`/api/evaluation?${scope()}`);
  } catch (error) {
    if (mine !== reading) return;
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    $('#err-ev-scope').textContent = Object.values(error.errors).flat().join(' ') || error.detail;
    return;
  }
  if (mine !== reading) return;
  report = answer;
  closeEntries();
  draw();
}

function draw() {
  const compared = report.previousPeriod != null;
  $('#ev-scope').textContent = report.exercise
    ? t('evaluation.scope.exercise', { title: lang() === 'ar' ? report.exercise.titleAr : report.exercise.titleEn })
    : t(compared ? 'evaluation.scope.compared' : 'evaluation.scope.period', {
      kind: t(`evaluation.period.${report.period.kind}`), first: isolate(report.period.first), last: isolate(report.period.last),
      previousFirst: isolate(report.previousPeriod?.first), previousLast: isolate(report.previousPeriod?.last),
    });
  $('#ev-exercise-mark').hidden = !report.exercise;
  drawTotal(compared);
  drawDistribution();
  drawBars();
  for (const [list, key] of LINES) drawLines(list, key);
}

// A date written left to right inside Arabic text (a Unicode isolate), so its digits and dashes keep their order.
const isolate = (text) => (text ? `\u2066${text}\u2069` : '');
const percent = (value) => (value == null ? '—' : `${formatNumber(value)}%`);
const duration = (seconds) => (seconds == null ? '—' : formatDuration(seconds));
const signed = (value, format = formatNumber) => (value == null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`);

function drawTotal(compared) {
  const { current, previous, change } = report.total;
  const rows = [
    ['evaluation.col.alerts', current.alerts, previous?.alerts, signed(change?.alerts), 'alerts'],
    ['evaluation.col.inTimePercent', percent(current.inTimePercent), percent(previous?.inTimePercent), change?.inTimePercentPoints == null ? '—' : t('evaluation.points', { n: signed(change.inTimePercentPoints) }), null],
    ['evaluation.col.late', current.acknowledgedLate, previous?.acknowledgedLate, signed(change?.acknowledgedLate), 'late'],
    ['evaluation.col.missed', current.missed, previous?.missed, signed(change?.missed), 'missed'],
    ['evaluation.col.median', duration(current.medianSecondsToAcknowledge), duration(previous?.medianSecondsToAcknowledge), signed(change?.medianSecondsToAcknowledge, formatDuration), null],
    ['evaluation.col.p90', duration(current.p90SecondsToAcknowledge), duration(previous?.p90SecondsToAcknowledge), signed(change?.p90SecondsToAcknowledge, formatDuration), null],
    ['evaluation.col.tasksOnTime', current.tasksOnTime, previous?.tasksOnTime, signed(change?.tasksOnTime), 'tasks-on-time'],
    ['evaluation.col.tasksOverdue', current.tasksOverdue, previous?.tasksOverdue, signed(change?.tasksOverdue), 'tasks-overdue'],
  ];
  const head = h('tr', {}, h('th', { text: t('evaluation.col.figure'), attrs: { scope: 'col' } }), h('th', { text: t('evaluation.col.now'), attrs: { scope: 'col' } }),
    compared ? [h('th', { text: t('evaluation.col.previous'), attrs: { scope: 'col' } }), h('th', { text: t('evaluation.col.change'), attrs: { scope: 'col' } })] : null);
  $('#ev-total').replaceChildren(h('thead', {}, head), h('tbody', {}, rows.map(([key, now, before, delta, figure]) => h('tr', {},
    h('th', { text: t(key), attrs: { scope: 'row' } }),
    h('td', {}, figure ? countLink(now, figure, {}, t(key)) : String(now)),
    compared ? [h('td', {}, figure ? countLink(before, figure, { previous: 'true' }, t(key)) : String(before)), h('td', { text: delta, attrs: { dir: 'ltr' } })] : null))));
}

/** A count that opens the entries behind it; a plain zero opens nothing. */
function countLink(count, figure, filter, what) {
  if (!count) return formatNumber(count ?? 0);
  return h('button', {
    class: 'link figure', text: formatNumber(count), data: { figure },
    attrs: { type: 'button', 'aria-label': t('evaluation.showEntries', { n: formatNumber(count), what }) },
    on: { click: () => openEntries(figure, filter, what).catch(showError) },
  });
}

/** How long the acknowledged alerts took, as columns. */
function drawDistribution() {
  $('#ev-distribution').replaceChildren(distributionChart(report.acknowledgementTimes));
}

/** Each agency's share acknowledged in time, a bar per agency. */
function drawBars() {
  const items = report.agencies.filter((line) => line.current.inTimePercent != null);
  $('#ev-bars-empty').hidden = items.length > 0;
  $('#ev-bars').replaceChildren(...items.map((line) => {
    const share = line.current.inTimePercent;
    const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', class: 'ev-bar' });
    bar.append(svg('rect', { x: 0, y: 0, width: 100, height: 10, class: 'track' }), svg('rect', { x: 0, y: 0, width: share, height: 10, class: 'fill' }));
    return h('li', { data: { agency: line.key } }, h('span', { class: 'ev-bar-name', text: lineName(line) }), bar, h('span', { class: 'ev-bar-value', text: percent(share) }));
  }));
}

const lineName = (line) => (lang() === 'ar' ? line.nameAr : line.nameEn);

function trendText(line) {
  if (line.trend === 'NoComparison') return '—';
  const points = line.change?.inTimePercentPoints;
  return t(`evaluation.trend.${line.trend}`, { n: signed(points) });
}

function drawLines(list, key) {
  const lines = report[list];
  $(`#ev-${list}-empty`).hidden = lines.length > 0;
  const table = $(`#ev-${list}`);
  table.hidden = lines.length === 0;
  const columns = ['name', ...COUNTS.map(([c]) => c), 'inTimePercent', 'trend', 'median', 'p90', 'firstUpdate', ...TASK_COUNTS.map(([c]) => c)];
  table.replaceChildren(
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: t(`evaluation.col.${c === 'name' ? key : c}`), attrs: { scope: 'col' } })))),
    h('tbody', {}, lines.map((line) => {
      const f = line.current;
      const filter = { [key]: line.key };
      const what = (c) => `${t(`evaluation.col.${c}`)} — ${lineName(line)}`;
      return h('tr', { data: { key: line.key } },
        h('th', { text: lineName(line), attrs: { scope: 'row' } }),
        COUNTS.map(([c, figure]) => h('td', { data: { col: c } }, countLink(f[c], figure, filter, what(c)))),
        h('td', { text: percent(f.inTimePercent), data: { col: 'inTimePercent' } }),
        h('td', { text: trendText(line), class: `trend trend-${line.trend}`, data: { col: 'trend' } }),
        h('td', { text: duration(f.medianSecondsToAcknowledge) }),
        h('td', { text: duration(f.p90SecondsToAcknowledge) }),
        h('td', { text: duration(f.medianSecondsToFirstUpdate) }),
        TASK_COUNTS.map(([c, figure]) => h('td', { data: { col: c } }, countLink(f[c], figure, filter, what(c)))));
    })));
}

async function openEntries(figure, filter, what) {
  const q = scope();
  q.set('figure', figure);
  for (const [key, value] of Object.entries(filter)) q.set(key, value);
  opened = { what, answer: await get(`/api/evaluation/entries?${q}`) };
  drawEntries();
  $('#ev-entries').hidden = false;
  $('#ev-entries-heading').focus();
}

function drawEntries() {
  const { what, answer } = opened;
  $('#ev-entries-heading').textContent = t('evaluation.entries.heading', { what });
  $('#ev-entries-total').textContent = t(answer.total > answer.entries.length ? 'evaluation.entries.some' : 'evaluation.entries.all',
    { n: formatNumber(answer.entries.length), total: formatNumber(answer.total) });
  const cols = ['reference', 'kind', 'agency', 'raised', 'due', 'done', 'lateBy', 'level'];
  $('#ev-entries-table').replaceChildren(
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { text: t(`evaluation.entries.${c}`), attrs: { scope: 'col' } })))),
    h('tbody', {}, answer.entries.map((e) => h('tr', { data: { incident: e.incidentId, kind: e.kind } },
      h('td', { text: e.reference, attrs: { dir: 'ltr' } }),
      h('td', { text: t(`evaluation.entries.kind.${e.kind}`) + (e.taskId ? ` (${e.taskId})` : '') }),
      h('td', { text: agencyName(e.agency) }),
      h('td', { text: formatTime(e.raisedAt) }),
      h('td', { text: formatTime(e.dueAt) }),
      h('td', { text: e.doneAt ? formatTime(e.doneAt) : '—' }),
      h('td', { text: e.lateBySeconds > 0 ? formatDuration(e.lateBySeconds) : '—' }),
      h('td', { text: e.escalationLevel ? formatNumber(e.escalationLevel) : '—' })))));
}

function closeEntries() {
  opened = null;
  $('#ev-entries').hidden = true;
}
