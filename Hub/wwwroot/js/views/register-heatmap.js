// The register's heat map: the 5x5 likelihood x overall-impact matrix as a table (likelihood rows from 5 at the
// top, impact columns from 1; in Arabic the columns run right to left with the page). Each cell is coloured by its
// score's band and also says it in words: how many risks, the band, and how many are overdue for review. A cell is
// a button: a click or Enter lists its risks beside the matrix.

import { h } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { RISK_BANDS, SCORES, riskBand } from '../vocabulary.js';
import { code, overdueMark, scoreLabel, titleOf } from './register-common.js';

const LIKELIHOODS_TOP_DOWN = [...SCORES].reverse();

const warning = (text) => h('span', { class: 'hm-overdue' }, h('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', text);

function cellButton(cell, selected, choose) {
  const { likelihood, impact, risks } = cell;
  const band = riskBand(likelihood * impact);
  const overdue = risks.filter((r) => r.reviewOverdue).length;
  const isSelected = selected?.likelihood === likelihood && selected?.impact === impact;
  const button = h('button', {
    class: 'hm-button',
    data: { likelihood, impact, count: risks.length, overdue },
    attrs: { type: 'button', 'aria-expanded': String(isSelected), 'aria-controls': 'heatmap-cell' },
    on: { click: () => choose(cell) },
  },
  // Said before the count, so a screen reader names the cell as well as its number.
  h('span', { class: 'sr-only', text: `${t('heatmap.cell', { likelihood: formatNumber(likelihood), impact: formatNumber(impact) })} ` }),
  h('span', { class: 'hm-count', text: formatNumber(risks.length) }), ' ',
  h('span', { class: 'hm-band', text: t(`band.${band}`) }),
  overdue ? [' ', warning(t('heatmap.overdue', { n: formatNumber(overdue) }))] : null);
  return h('td', { class: ['hm-cell', `band-${band}`, isSelected ? 'selected' : '', risks.length ? '' : 'empty'].join(' ').trim() }, button);
}

/** Draws the matrix into `table`; `selected` is the cell whose risks are listed, `choose(cell)` lists another. */
export function drawHeatMap(table, cells, selected, choose) {
  const byCell = new Map(cells.map((c) => [`${c.likelihood}:${c.impact}`, c]));
  const cellAt = (likelihood, impact) => byCell.get(`${likelihood}:${impact}`) ?? { likelihood, impact, risks: [] };
  const head = h('thead', {}, h('tr', {},
    h('td', { class: 'corner', text: t('heatmap.corner') }),
    SCORES.map((impact) => h('th', { attrs: { scope: 'col' } },
      h('span', { class: 'axis-n', text: formatNumber(impact) }), ' ',
      h('span', { class: 'axis-label', text: t(`impact.${impact}`) })))));
  const body = h('tbody', {}, LIKELIHOODS_TOP_DOWN.map((likelihood) => h('tr', {},
    h('th', { attrs: { scope: 'row' } },
      h('span', { class: 'axis-n', text: formatNumber(likelihood) }), ' ',
      h('span', { class: 'axis-label', text: t(`likelihood.${likelihood}`) })),
    SCORES.map((impact) => cellButton(cellAt(likelihood, impact), selected, choose)))));
  table.replaceChildren(h('caption', { text: t('heatmap.caption') }), head, body);
}

/** The legend: each band's colour, its name and its scores. */
export function drawLegend(list) {
  list.replaceChildren(h('li', { class: 'legend-title', text: t('heatmap.legend') }),
    ...RISK_BANDS.map(([band, from, to]) => h('li', { data: { band } },
      h('span', { class: `swatch band-${band}`, attrs: { 'aria-hidden': 'true' } }),
      t('heatmap.legend.band', { band: t(`band.${band}`), from: formatNumber(from), to: formatNumber(to) }))));
}

/** The chosen cell's risks, each one button away from its page; a hint while no cell is chosen. */
export function drawCell(container, cell, open) {
  if (!cell) {
    container.replaceChildren(h('p', { class: 'hint', text: t('heatmap.hint') }));
    return;
  }
  const { likelihood, impact, risks } = cell;
  const heading = h('h3', { text: t('heatmap.selected', {
    likelihood: formatNumber(likelihood), impact: formatNumber(impact), band: t(`band.${riskBand(likelihood * impact)}`), n: formatNumber(risks.length),
  }) });
  const axes = h('p', { class: 'muted small-print', text: `${scoreLabel('likelihood', likelihood)} · ${scoreLabel('impact', impact)}` });
  if (risks.length === 0) {
    container.replaceChildren(heading, axes, h('p', { class: 'muted', text: t('heatmap.empty') }));
    return;
  }
  container.replaceChildren(heading, axes, h('ul', { class: 'risk-list' }, risks.map((risk) => h('li', { data: { code: risk.code } },
    h('button', {
      class: 'link-button',
      attrs: { type: 'button', 'data-open-risk': risk.code },
      on: { click: (event) => open(risk.riskId, event.currentTarget) },
    }, h('span', { text: titleOf(risk), attrs: { dir: 'auto' } })),
    ' ', code(risk.code), ' · ', t(`Theme.${risk.theme}`),
    risk.reviewOverdue ? [' · ', overdueMark()] : null))));
}
