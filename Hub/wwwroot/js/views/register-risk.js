// A risk's page: every field in the chosen language (the impacts named in both languages, districts and agencies
// by name), its capability gaps, and its history from the log: each version with who made it, when, why and which
// fields changed.

import { get, post } from '../api.js';
import { submitWhole } from '../forms.js';
import { $, h } from '../dom.js';
import { formatDate, formatList, formatTime, lang, t, textIn } from '../i18n.js';
import { agencyName, districtName, hazardName } from '../reference.js';
import { IMPACT_DIMENSIONS } from '../vocabulary.js';
import { code, overdueMark, scoreLabel, scoreMark, titleOf } from './register-common.js';
import { drawRiskGaps } from './register-gaps.js';

let shown = null; // { current, history } as the hub answered
let gaps = null; // what its plans need against what agencies hold
let hooks = { back() {}, edit() {}, mayChange: () => false, reviewed() {} };

/**
 * hooks: back() to the register, edit(view) the risk as it stands, mayChange(risk) whether to offer it (and its
 * review), reviewed(riskId, message) once a review is recorded.
 */
export function initRiskPage(next) {
  hooks = next;
  $('#risk-back').addEventListener('click', () => hooks.back());
  $('#risk-edit').addEventListener('click', () => hooks.edit(shown.current));
  $('#risk-review-form').addEventListener('submit', (event) => { event.preventDefault(); review(); });
}

/** Reads the risk and its history from the hub and draws them. */
export async function loadRisk(riskId) {
  [shown, gaps] = await Promise.all([get(`/api/register/${riskId}`), get(`/api/register/${riskId}/gaps`)]);
  draw();
  return shown;
}

export const shownRisk = () => shown;

export function redrawRisk() {
  if (shown) draw();
}

const list = (items, name) => (items.length ? formatList(items.map(name)) : t('risk.none'));

/** A dimension's name in both languages, the chosen one first. */
function bothNames(dimension) {
  const key = `dimension.${dimension}`;
  const ar = h('span', { text: textIn('ar', key), attrs: { lang: 'ar', dir: 'rtl' } });
  const en = h('span', { text: textIn('en', key), attrs: { lang: 'en', dir: 'ltr' } });
  return lang() === 'ar' ? [ar, ' / ', en] : [en, ' / ', ar];
}

function fact(label, ...value) {
  return [h('dt', { text: t(label) }), h('dd', {}, ...value)];
}

/** A changed field's name as people read it ("Impacts: Fatalities"), or the hub's own name when it is new to the console. */
function fieldName(field) {
  if (field.startsWith('impacts.')) return `${t('risk.field.impacts')}: ${t(`dimension.${field.slice('impacts.'.length)}`)}`;
  const key = `risk.field.${field}`;
  return t(key) === key ? field : t(key);
}

function changes(change) {
  if (change.changed.length === 0) return h('span', { class: 'muted', text: t(change.version === 1 ? 'risk.history.first' : 'risk.history.none') });
  return h('ul', { class: 'changes' }, change.changed.map((field) => h('li', { data: { field }, text: fieldName(field) })));
}

function drawHistory(history) {
  const head = h('thead', {}, h('tr', {}, ['version', 'by', 'when', 'reason', 'changes']
    .map((c) => h('th', { text: t(`history.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = history.map((change) => h('tr', { data: { version: change.version } },
    h('th', { text: String(change.version), attrs: { scope: 'row' } }),
    h('td', { text: change.changedBy, attrs: { dir: 'ltr' } }),
    h('td', {}, h('time', { text: formatTime(change.changedAt), attrs: { datetime: change.changedAt } })),
    h('td', { class: 'reason', text: change.reason || t('risk.history.noReason'), attrs: { dir: 'auto' } }),
    h('td', {}, changes(change))));
  $('#risk-history').replaceChildren(head, h('tbody', {}, rows));
}

function draw() {
  const view = shown.current;
  const { risk } = view;
  const ar = lang() === 'ar';
  $('#risk-title').replaceChildren(
    h('span', { text: titleOf(risk), attrs: { dir: 'auto' } }), ' ', code(risk.code),
    risk.isSample ? h('span', { class: 'tag sample', text: t('risk.sample') }) : null);
  $('#risk-edit').hidden = !hooks.mayChange(risk);
  // A review records a new next review date and what it found, the scores unchanged: it ends an overdue review's alerts.
  $('#risk-review').hidden = !hooks.mayChange(risk);
  if (view.reviewOverdue && hooks.mayChange(risk)) $('#risk-review').open = true;
  const impacts = h('table', { class: 'table impacts-table', attrs: { 'aria-labelledby': 'risk-impacts-heading' } },
    h('thead', {}, h('tr', {},
      h('th', { text: t('risk.impacts.dimension'), attrs: { scope: 'col' } }),
      h('th', { text: t('risk.impacts.score'), attrs: { scope: 'col' } }))),
    h('tbody', {}, IMPACT_DIMENSIONS.map((dimension) => {
      const score = risk.impacts[dimension];
      const highest = score === view.overallImpact;
      return h('tr', { data: { dimension }, class: highest ? 'highest' : '' },
        h('th', { attrs: { scope: 'row' } }, bothNames(dimension)),
        h('td', {}, scoreLabel('impact', score), highest ? h('span', { class: 'tag highest', text: t('risk.impacts.highest') }) : null));
    })));
  const controls = ar ? risk.controlsAr : risk.controlsEn;
  $('#risk-body').replaceChildren(
    h('dl', { class: 'facts' },
      fact('risk.hazard', hazardName(risk.hazard)),
      fact('risk.theme', t(`Theme.${risk.theme}`)),
      fact('risk.likelihood', scoreLabel('likelihood', risk.likelihood)),
      fact('risk.overall', scoreLabel('impact', view.overallImpact)),
      fact('risk.score', scoreMark(risk.likelihood, view.overallImpact)),
      fact('risk.confidence', t(`Confidence.${risk.confidence}`)),
      fact('risk.lead', agencyName(risk.leadAgency)),
      fact('risk.supporting', list(risk.supportingAgencies, agencyName)),
      fact('risk.districts', risk.districts.length ? formatList(risk.districts.map(districtName)) : t('risk.wholeCountry')),
      fact('risk.plans', risk.plans.length ? risk.plans.flatMap((plan, i) => (i ? [', ', code(plan)] : [code(plan)])) : t('risk.none')),
      fact('risk.nextReview', h('time', { text: formatDate(risk.nextReview), attrs: { datetime: risk.nextReview } }), view.reviewOverdue ? [' ', overdueMark()] : null),
      fact('history.col.version', t('risk.version', { version: view.version, by: view.changedBy, time: formatTime(view.changedAt) }))),
    h('h3', { text: t('risk.scenario') }),
    h('p', { class: 'description', text: ar ? risk.scenarioAr : risk.scenarioEn, attrs: { lang: ar ? 'ar' : 'en', dir: 'auto' } }),
    h('h3', { text: t('risk.controls') }),
    controls
      ? h('p', { class: 'description', text: controls, attrs: { lang: ar ? 'ar' : 'en', dir: 'auto' } })
      : h('p', { class: 'muted', text: t('risk.controls.none') }),
    h('h3', { text: t('risk.impacts'), attrs: { id: 'risk-impacts-heading' } }),
    impacts);
  drawRiskGaps(gaps, $('#risk-gaps'));
  drawHistory(shown.history);
}

const reviewFields = () => [
  { name: 'nextReview', control: $('#review-next'), error: $('#err-review-next') },
  { name: 'note', control: $('#review-note'), error: $('#err-review-note') },
];

function review() {
  const view = shown.current;
  return submitWhole({
    button: $('#review-save'),
    result: $('#review-result'),
    fields: reviewFields,
    async send() {
      const saved = await post(`/api/register/${view.risk.riskId}/review`, {
        nextReview: $('#review-next').value || null,
        note: $('#review-note').value.trim() || null,
        expectedVersion: view.version,
      });
      $('#risk-review-form').reset();
      await hooks.reviewed(view.risk.riskId, t('review.saved', { code: view.risk.code, version: saved.version }));
    },
    onConflict: () => { $('#review-result').textContent = t('risk.form.conflict'); },
  });
}
