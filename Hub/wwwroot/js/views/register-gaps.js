// Capability gaps: what each risk's plans need against what agencies have declared they hold, per capability, in the
// risk's districts and in the whole country. The register's "Capability gaps" screen lists every risk, largest gap
// first; a risk's page shows its own.

import { get } from '../api.js';
import { $, h } from '../dom.js';
import { formatList, formatNumber, t } from '../i18n.js';
import { agencyName, capabilityName } from '../reference.js';
import { code, titleOf } from './register-common.js';

let overview = [];
let onOpen = () => {};

/** open(riskId, button): opens a risk's page from the overview. */
export function initGaps(open) {
  onOpen = open;
}

/** Reads every risk's gaps and draws the overview. */
export async function loadGaps() {
  overview = await get('/api/register/gaps');
  drawGaps();
}

export function drawGaps() {
  const head = h('thead', {}, h('tr', {}, ['risk', 'largest', 'lines']
    .map((c) => h('th', { text: t(`gaps.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = overview.map((risk) => h('tr', { data: { code: risk.code } },
    h('th', { attrs: { scope: 'row' } },
      h('button', { class: 'link-button', text: titleOf(risk), data: { openRisk: risk.code }, attrs: { type: 'button', dir: 'auto' }, on: { click: (event) => onOpen(risk.riskId, event.currentTarget) } }),
      ' ', code(risk.code)),
    h('td', { class: risk.largestGap > 0 ? 'gap' : '', text: formatNumber(risk.largestGap) }),
    h('td', {}, summary(risk))));
  $('#gaps-table').replaceChildren(head, h('tbody', {}, rows));
}

/** "Ambulance: 6 missing, Heavy machinery: 3 missing", or why there is nothing to count. */
function summary(risk) {
  if (risk.plans.length === 0) return h('span', { class: 'muted', text: t('gaps.noPlan') });
  const missing = risk.lines.filter((l) => l.gap > 0);
  if (missing.length === 0) return h('span', { class: 'muted', text: t(risk.lines.length ? 'gaps.none' : 'gaps.nothingNeeded') });
  return formatList(missing.map((l) => t('gaps.missing', { capability: capabilityName(l.capability), n: formatNumber(l.gap) })));
}

/** Reads one risk's gaps and draws them into `where`. */
export async function loadRiskGaps(riskId, where) {
  const gaps = await get(`/api/register/${riskId}/gaps`);
  drawRiskGaps(gaps, where);
  return gaps;
}

export function drawRiskGaps(gaps, where) {
  if (gaps.plans.length === 0 || gaps.lines.length === 0) {
    where.replaceChildren(h('p', { class: 'muted', text: t(gaps.plans.length ? 'gaps.nothingNeeded' : 'gaps.noPlan') }));
    return;
  }
  const columns = ['capability', 'needed', 'inDistricts', 'nationally', 'gap', 'shortfall', 'holders'];
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: t(`gaps.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = gaps.lines.map((line) => h('tr', { data: { capability: line.capability } },
    h('th', { text: capabilityName(line.capability), attrs: { scope: 'row' } }),
    h('td', {}, formatNumber(line.needed), ' ', h('span', { class: 'muted' }, '(', code(line.neededBy), ')')),
    h('td', { text: formatNumber(line.heldInDistricts) }),
    h('td', { text: formatNumber(line.heldNationally) }),
    h('td', { class: line.gap > 0 ? 'gap' : '', text: line.gap > 0 ? t('gaps.short', { n: formatNumber(line.gap) }) : t('gaps.enough') }),
    h('td', { class: line.shortfall > 0 ? 'gap' : '', text: line.shortfall > 0 ? t('gaps.short', { n: formatNumber(line.shortfall) }) : t('gaps.enough') }),
    h('td', { text: line.holders.length
      ? formatList(line.holders.map((holder) => t('gaps.holder', { agency: agencyName(holder.agency), inDistricts: formatNumber(holder.inDistricts), nationally: formatNumber(holder.nationally) })))
      : t('gaps.nobody') })));
  where.replaceChildren(
    h('p', {}, t('gaps.plans'), ' ', ...gaps.plans.flatMap((plan, i) => (i ? [', ', code(plan)] : [code(plan)]))),
    h('div', { class: 'table-scroll' }, h('table', { class: 'table gaps-table', attrs: { 'aria-labelledby': 'risk-gaps-heading' } }, head, h('tbody', {}, rows))));
}
