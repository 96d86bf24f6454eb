// The register as a table: every risk with its code, title (in the chosen language), theme, likelihood, overall
// impact, score, lead agency (by name) and next review (an overdue one marked). It starts in the hub's order,
// highest likelihood x impact first; a column's heading sorts by it, again to reverse.

import { h } from '../dom.js';
import { formatDate, formatNumber, lang, t } from '../i18n.js';
import { agencyName } from '../reference.js';
import { code, overdueMark, scoreMark, titleOf } from './register-common.js';

/** Each column: its key, what it sorts by, and the direction it sorts first. */
const COLUMNS = [
  ['code', (v) => v.risk.code, 'ascending'],
  ['title', (v) => titleOf(v.risk), 'ascending'],
  ['theme', (v) => t(`Theme.${v.risk.theme}`), 'ascending'],
  ['likelihood', (v) => v.risk.likelihood, 'descending'],
  ['impact', (v) => v.overallImpact, 'descending'],
  ['score', (v) => v.risk.likelihood * v.overallImpact, 'descending'],
  ['lead', (v) => agencyName(v.risk.leadAgency), 'ascending'],
  ['review', (v) => v.risk.nextReview, 'ascending'],
];

/** open(riskId, button): a risk's title was chosen. */
export function createRegisterTable(table, open) {
  let views = [];
  // The hub's order is score, highest first (then code): sorting by score keeps it, since the sort is stable.
  let sort = { column: 'score', direction: 'descending' };

  function sortBy(column) {
    const first = COLUMNS.find(([key]) => key === column)[2];
    sort = sort.column === column
      ? { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
      : { column, direction: first };
    draw();
    table.querySelector(`th[data-column="${column}"] button`)?.focus();
  }

  function sorted() {
    const [, key] = COLUMNS.find(([name]) => name === sort.column);
    const collator = new Intl.Collator(lang() === 'ar' ? 'ar' : 'en', { numeric: true });
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return views.slice().sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return sign * (typeof x === 'number' ? x - y : collator.compare(x, y));
    });
  }

  function heading([column]) {
    const current = sort.column === column;
    return h('th', { data: { column }, attrs: { scope: 'col', 'aria-sort': current ? sort.direction : null } },
      h('button', { class: 'sort', attrs: { type: 'button' }, on: { click: () => sortBy(column) } },
        t(`register.col.${column}`),
        h('span', { class: 'sort-arrow', text: current ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '', attrs: { 'aria-hidden': 'true' } })));
  }

  function row(view) {
    const { risk } = view;
    return h('tr', { data: { risk: risk.code }, class: view.reviewOverdue ? 'overdue' : '' },
      h('th', { attrs: { scope: 'row' } }, code(risk.code)),
      h('td', {}, h('button', {
        class: 'link-button',
        attrs: { type: 'button', 'data-open-risk': risk.code, dir: 'auto' },
        on: { click: (event) => open(risk.riskId, event.currentTarget) },
      }, titleOf(risk))),
      h('td', { text: t(`Theme.${risk.theme}`) }),
      h('td', { class: 'number', text: formatNumber(risk.likelihood) }),
      h('td', { class: 'number', text: formatNumber(view.overallImpact) }),
      h('td', {}, scoreMark(risk.likelihood, view.overallImpact)),
      h('td', { text: agencyName(risk.leadAgency) }),
      h('td', { class: 'review' },
        h('time', { text: formatDate(risk.nextReview), attrs: { datetime: risk.nextReview } }),
        view.reviewOverdue ? [' ', overdueMark()] : null));
  }

  function draw() {
    table.replaceChildren(
      h('thead', {}, h('tr', {}, COLUMNS.map(heading))),
      h('tbody', {}, sorted().map(row)));
  }

  return {
    /** The register as the hub answered it. */
    show(next) { views = next; draw(); },
    redraw: draw,
  };
}
