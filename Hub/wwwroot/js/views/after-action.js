// An exercise's after-action report, inside the Exercises tab (commanders and administrators): expected against actual
// on a timeline (each expected action's deadline and when it was done, per agency), each agency's met, late and missed
// as bars, how long acknowledgements took (the evaluation's chart), each result with a link to the entry behind it,
// the strengths and gaps with their proposals and decisions, and the improvement plan when there is one. Evaluators
// (RecordFindings) record a finding with an optional re-score or plan change; who may decide (DecideProposal: here,
// administrators) accepts or declines a proposal with a reason. Everything on it is under the EXERCISE band.

import { ProblemError, currentSession, get, newId, post } from '../api.js';
import { distributionChart, downloadPdf, openPrintable, svg } from '../charts.js';
import { $, h } from '../dom.js';
import { submitWhole } from '../forms.js';
import { formatNumber, lang, t } from '../i18n.js';
import { showError } from '../notice.js';
import { agencyName } from '../reference.js';
import { openDetail } from './detail.js';

const OUTCOMES = ['Met', 'Late', 'Missed'];

let report = null;
let risks = [];
let plans = [];

const role = () => currentSession()?.role;
const records = () => role() === 'Commander' || role() === 'Administrator';
const decides = () => role() === 'Administrator';
const title = (item) => (lang() === 'ar' ? item.titleAr : item.titleEn);
const clock = (minutes) => (minutes == null ? '—' : `T+${formatNumber(Math.round(minutes * 10) / 10)}`);
const reportPath = (format) => `/api/exercises/${report.exercise.exerciseId}/after-action/report${format ? `?format=${format}` : ''}`;

export function initAfterAction() {
  $('#aa-print').addEventListener('click', () => openPrintable(reportPath(null)));
  $('#aa-pdf').addEventListener('click', () => downloadPdf(reportPath('pdf'), 'after-action.pdf', $('#aa-status')).catch(showError));
  $('#aa-proposal').addEventListener('change', drawProposalFields);
  $('#aa-finding-form').addEventListener('submit', (event) => { event.preventDefault(); record().catch(showError); });
}

/** Reads the exercise's after-action report and draws it; the risks and plans a finding may propose to change with it, once. */
export async function loadAfterAction(exerciseId) {
  const reads = [get(`/api/exercises/${exerciseId}/after-action`)];
  if (records() && risks.length === 0) reads.push(get('/api/register').then((r) => { risks = r.risks.map((v) => v.risk); }));
  if (records() && plans.length === 0) reads.push(get('/api/plans').then((r) => { plans = r.plans.map((v) => v.plan); }));
  [report] = await Promise.all(reads);
  drawAfterAction();
}

export const afterActionExercise = () => report?.exercise.exerciseId ?? null;

export function drawAfterAction() {
  if (!report) return;
  const x = report.exercise;
  $('#aa-title').textContent = t('afterAction.title', { title: title(x) });
  $('#aa-state').textContent = t('afterAction.state', { status: t(`ExerciseStatus.${x.status}`), clock: clock(x.exerciseMinutes), duration: formatNumber(x.durationMinutes) });
  drawTimeline();
  drawBars();
  $('#aa-distribution-figure').hidden = !report.figures;
  if (report.figures) $('#aa-distribution').replaceChildren(distributionChart(report.figures.acknowledgementTimes));
  drawResults();
  drawFindings();
  drawImprovementPlan();
  $('#aa-finding-form').hidden = !records();
  if (records()) fillFormChoices();
}

/** Every expected action as a line: the deadline a bar, when it was done a dot, coloured by the outcome; time from the start side. */
function drawTimeline() {
  const rows = report.agencies.flatMap((a) => a.results.map((r) => ({ a, r })));
  const span = Math.max(report.exercise.durationMinutes, ...rows.map(({ r }) => Math.max(r.dueAtMinutes ?? 0, r.doneAtMinutes ?? 0)), 1);
  const rtl = lang() === 'ar';
  const labelWidth = 240; const plot = 360; const row = 18; const axis = 20; const pad = 16;
  // A margin at each end of the plot, so the first and last ticks are whole.
  const at = (m) => { const share = Math.min(Math.max(m, 0), span) / span; return (rtl ? pad : labelWidth) + ((plot - (2 * pad)) * (rtl ? 1 - share : share)); };
  const summary = rows.map(({ a, r }) => `${lineName(a, r)}: ${t(`ActionOutcome.${r.outcome}`)}`).join('، ');
  const chart = svg('svg', { viewBox: `0 0 ${labelWidth + plot + 10} ${(rows.length * row) + axis}`, role: 'img', class: 'aa-timeline', 'aria-label': `${t('afterAction.chart.timeline')}: ${summary}` });
  rows.forEach(({ a, r }, i) => {
    const y = (i * row) + (row / 2);
    const outcome = r.outcome.toLowerCase();
    const line = svg('g', { class: `aa-line ${outcome}`, 'data-agency': a.agency, 'data-inject': r.inject, 'data-outcome': r.outcome });
    line.append(svg('text', { x: rtl ? labelWidth + plot + 6 : 0, y: y + 4, 'text-anchor': 'start' }, lineName(a, r)));
    line.append(svg('line', { class: 'track', x1: at(0), x2: at(span), y1: y, y2: y }));
    if (r.dueAtMinutes != null && r.doneAtMinutes != null) line.append(svg('line', { class: 'gap', x1: at(r.dueAtMinutes), x2: at(r.doneAtMinutes), y1: y, y2: y }));
    if (r.dueAtMinutes != null) line.append(svg('rect', { class: 'due', x: at(r.dueAtMinutes) - 1.5, y: y - 6, width: 3, height: 12 }));
    if (r.doneAtMinutes != null) line.append(svg('circle', { class: 'done', cx: at(r.doneAtMinutes), cy: y, r: 4 }));
    chart.append(line);
  });
  const step = Math.max(1, Math.ceil(span / 5));
  for (let m = 0; m <= span; m += step) chart.append(svg('text', { class: 'tick', x: at(m), y: (rows.length * row) + 14, 'text-anchor': 'middle', direction: 'ltr' }, clock(m)));
  $('#aa-timeline').replaceChildren(chart);
  $('#aa-timeline-empty').hidden = rows.length > 0;
}

const lineName = (a, r) => `${lang() === 'ar' ? a.nameAr : a.nameEn} · ${formatNumber(r.inject)} · ${t(`ExpectedAction.${r.action}`)}`;

/** Each agency's met, late and missed as one stacked bar, with the counts in words beside it. */
function drawBars() {
  $('#aa-bars').replaceChildren(...report.agencies.map((a) => {
    const whole = Math.max(1, a.met + a.late + a.missed);
    const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', class: 'aa-bar' });
    let offset = 0;
    for (const outcome of OUTCOMES) {
      const width = (100 * a[outcome.toLowerCase()]) / whole;
      bar.append(svg('rect', { x: offset, y: 0, width, height: 10, class: outcome.toLowerCase() }));
      offset += width;
    }
    const counts = OUTCOMES.map((o) => `${t(`ActionOutcome.${o}`)} ${formatNumber(a[o.toLowerCase()])}`).join(' · ');
    return h('li', { data: { agency: a.agency, met: a.met, late: a.late, missed: a.missed } },
      h('span', { class: 'ev-bar-name', text: lang() === 'ar' ? a.nameAr : a.nameEn }), bar, h('span', { class: 'aa-bar-counts', text: counts }));
  }));
}

function drawResults() {
  const cols = ['agency', 'inject', 'expected', 'due', 'done', 'outcome', 'entry'];
  $('#aa-results').replaceChildren(
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { text: t(`afterAction.col.${c}`), attrs: { scope: 'col' } })))),
    h('tbody', {}, report.agencies.flatMap((a) => a.results.map((r) => h('tr', { class: 'exercise', data: { agency: a.agency, inject: r.inject, action: r.action, outcome: r.outcome } },
      h('th', { attrs: { scope: 'row' } }, h('span', { class: 'exercise-tag', text: t('exercise') }), lang() === 'ar' ? a.nameAr : a.nameEn),
      h('td', { text: formatNumber(r.inject) }),
      h('td', { text: `${t(`ExpectedAction.${r.action}`)}${r.plan ? ` (${r.task ?? r.plan})` : ''} · ${t('afterAction.within', { n: formatNumber(r.withinMinutes) })}` }),
      h('td', { text: clock(r.dueAtMinutes), attrs: { dir: 'ltr' } }),
      h('td', { text: clock(r.doneAtMinutes), attrs: { dir: 'ltr' } }),
      h('td', { class: `outcome ${r.outcome.toLowerCase()}`, text: r.lateByMinutes ? t('afterAction.lateBy', { outcome: t(`ActionOutcome.${r.outcome}`), n: formatNumber(r.lateByMinutes) }) : t(`ActionOutcome.${r.outcome}`) }),
      h('td', {}, entryLink(r)))))));
}

/** The entry behind a result done: its position in the log, opening its incident for those who see incidents. */
function entryLink(r) {
  if (r.position == null) return '—';
  const text = t('afterAction.entry', { n: r.position });
  if (role() === 'Administrator') return h('span', { text, attrs: { dir: 'ltr' } });
  return h('button', { class: 'link', text, data: { position: r.position }, attrs: { type: 'button', 'aria-label': t('afterAction.entry.open', { n: r.position }) }, on: { click: () => openDetail(r.incidentId).catch(showError) } });
}

function drawFindings() {
  for (const kind of ['Strength', 'Gap']) {
    const these = report.findings.filter((f) => f.finding.kind === kind);
    const list = $(`#aa-${kind.toLowerCase()}s`);
    list.replaceChildren(...these.map(findingItem));
    $(`#aa-${kind.toLowerCase()}s-empty`).hidden = these.length > 0;
  }
}

function findingItem(f) {
  const finding = f.finding;
  const text = lang() === 'ar' ? finding.textAr : finding.textEn;
  return h('li', { class: 'finding exercise', data: { finding: finding.findingId, kind: finding.kind } },
    h('p', {}, h('span', { class: 'exercise-tag', text: t('exercise') }), h('span', { text, attrs: { dir: 'auto' } })),
    h('p', { class: 'muted', text: t('afterAction.finding.about', { agency: finding.agency ? agencyName(finding.agency) : t('afterAction.wholeExercise'), by: finding.by }) }),
    proposalText(finding),
    decisionPart(f));
}

function proposalText(finding) {
  if (finding.rescore) {
    const risk = risks.find((r) => r.riskId === finding.rescore.riskId);
    return h('p', { class: 'proposal', text: t('afterAction.proposal.rescore', {
      risk: risk ? title(risk) : finding.rescore.riskId,
      likelihood: finding.rescore.likelihood == null ? '—' : formatNumber(finding.rescore.likelihood),
      reason: finding.rescore.reason,
    }) });
  }
  if (finding.planChange) {
    const plan = plans.find((p) => p.planId === finding.planChange.planId);
    return h('p', { class: 'proposal', text: t('afterAction.proposal.plan', { plan: plan ? title(plan) : finding.planChange.planId, change: finding.planChange.change }) });
  }
  return null;
}

function decisionPart(f) {
  if (f.decision) {
    return h('p', { class: `decision ${f.decision.accepted ? 'accepted' : 'declined'}`, text: t(f.decision.accepted ? 'afterAction.decision.accepted' : 'afterAction.decision.declined', { by: f.decision.by, reason: f.decision.reason }) });
  }
  if (!f.finding.rescore && !f.finding.planChange) return null;
  if (!decides()) return h('p', { class: 'muted', text: t('afterAction.decision.awaiting') });
  const id = `aa-reason-${f.finding.findingId}`;
  const error = h('p', { class: 'field-error', attrs: { id: `err-${id}`, role: 'alert' } });
  const reason = h('input', { attrs: { id, maxlength: 1000, dir: 'auto', autocomplete: 'off', 'aria-describedby': `err-${id}` } });
  const decide = (accept) => async () => {
    error.textContent = '';
    try {
      await post(`/api/exercises/${report.exercise.exerciseId}/findings/${f.finding.findingId}/decision`, { accept, reason: reason.value });
      await loadAfterAction(report.exercise.exerciseId);
    } catch (problem) {
      if (!(problem instanceof ProblemError) || problem.status === 403 || problem.status >= 500) throw problem;
      error.textContent = Object.values(problem.errors ?? {}).flat().join(' ') || problem.detail;
    }
  };
  return h('div', { class: 'decide inline-form', attrs: { role: 'group', 'aria-label': t('afterAction.decide') } },
    h('label', { text: t('afterAction.decide.reason'), attrs: { for: id } }), reason,
    h('button', { class: 'primary', text: t('afterAction.accept'), data: { decide: 'accept' }, attrs: { type: 'button' }, on: { click: () => decide(true)().catch(showError) } }),
    h('button', { text: t('afterAction.decline'), data: { decide: 'decline' }, attrs: { type: 'button' }, on: { click: () => decide(false)().catch(showError) } }),
    error);
}

// The follow-up's items raised from the exercise, each with its owner, due date and where it stands.
function drawImprovementPlan() {
  const items = report.improvementPlan ?? [];
  $('#aa-plan-section').hidden = items.length === 0;
  $('#aa-plan').replaceChildren(...items.map((item) => h('li', { class: 'exercise' },
    h('span', { class: 'exercise-tag', text: t('exercise') }),
    h('span', { text: lang() === 'ar' ? item.actionAr : item.actionEn, attrs: { dir: 'auto' } }),
    h('span', { class: 'muted', text: ` · ${agencyName(item.ownerAgency)} · ${item.dueDate} · ${t(`followup.status.${item.status === 'Done' ? 'done' : item.overdue ? 'overdue' : 'open'}`)}` }))));
}

function fillFormChoices() {
  const keep = (select, options) => { const chosen = select.value; select.replaceChildren(...options); if (chosen) select.value = chosen; };
  keep($('#aa-agency'), [h('option', { text: t('afterAction.wholeExercise'), attrs: { value: '' } }),
    ...report.exercise.participants.map((a) => h('option', { text: agencyName(a), attrs: { value: a } }))]);
  keep($('#aa-risk'), risks.map((r) => h('option', { text: `${title(r)} (${r.code})`, attrs: { value: r.riskId } })));
  keep($('#aa-plan-choice'), plans.map((p) => h('option', { text: `${title(p)} (${p.code})`, attrs: { value: p.planId } })));
  drawProposalFields();
}

function drawProposalFields() {
  $('#aa-rescore-fields').hidden = $('#aa-proposal').value !== 'rescore';
  $('#aa-plan-fields').hidden = $('#aa-proposal').value !== 'plan';
}

const FIELDS = [
  ['textAr', '#aa-text-ar'], ['textEn', '#aa-text-en'], ['agency', '#aa-agency'],
  ['rescore.riskId', '#aa-risk'], ['rescore.likelihood', '#aa-likelihood'], ['rescore', '#aa-likelihood'], ['rescore.reason', '#aa-rescore-reason'],
  ['planChange.planId', '#aa-plan-choice'], ['planChange.change', '#aa-plan-change'],
];

// The finding being recorded keeps its idempotency key until the hub has stored it: a press again after a lost answer
// records it once.
let findingKey = null;

async function record() {
  findingKey ??= newId();
  const fields = () => FIELDS.map(([name, control]) => ({ name, control: $(control), error: $(`#err-${name === 'rescore' ? 'aa-rescore' : control.slice(1)}`) }));
  const proposal = $('#aa-proposal').value;
  const likelihood = $('#aa-likelihood').value;
  const body = {
    kind: $('#aa-kind').value,
    textAr: $('#aa-text-ar').value,
    textEn: $('#aa-text-en').value,
    agency: $('#aa-agency').value || null,
    rescore: proposal === 'rescore' ? { riskId: $('#aa-risk').value || null, likelihood: likelihood === '' ? null : Number(likelihood), reason: $('#aa-rescore-reason').value } : null,
    planChange: proposal === 'plan' ? { planId: $('#aa-plan-choice').value || null, change: $('#aa-plan-change').value } : null,
    eventId: findingKey,
  };
  await submitWhole({
    button: $('#aa-record'),
    result: $('#aa-form-result'),
    fields,
    send: async () => {
      await post(`/api/exercises/${report.exercise.exerciseId}/findings`, body);
      findingKey = null;
      for (const id of ['#aa-text-ar', '#aa-text-en', '#aa-rescore-reason', '#aa-plan-change', '#aa-likelihood']) $(id).value = '';
      $('#aa-proposal').value = 'none';
      await loadAfterAction(report.exercise.exerciseId);
      $('#aa-form-result').textContent = t('afterAction.recorded');
    },
  });
}
