// The board: open incidents as a table with filters (status, hazard, district, severity). Used by the
// operator and the commander; refreshed from the hub when the log says something changed.

import { getKnown } from '../api.js';
import { debounce, h, severityBadge } from '../dom.js';
import { formatTime, nameOf, t } from '../i18n.js';
import { districtName, hazardName, reference } from '../reference.js';
import { SEVERITIES, STATUSES } from '../vocabulary.js';


export function createBoard(container, { idPrefix, onSelect, onRows }) {
  const filters = { status: '', hazard: '', district: '', severity: '' };
  let rows = [];
  const bar = h('div', { class: 'filters' });
  const table = h('table', { class: 'table' });
  const empty = h('p', { class: 'muted', attrs: { hidden: true } });
  container.replaceChildren(bar, table, empty);

  function select(name, options) {
    const id = `${idPrefix}-filter-${name}`;
    const control = h('select', { attrs: { id }, on: { change: (e) => { filters[name] = e.target.value; refresh(); } } },
      h('option', { text: t('board.all'), attrs: { value: '' } }),
      options.map(([value, label]) => h('option', { text: label, attrs: { value, selected: filters[name] === value } })));
    return h('div', { class: 'field' }, h('label', { text: t(`board.filter.${name}`), attrs: { for: id } }), control);
  }

  function drawFilters() {
    bar.replaceChildren(
      select('status', STATUSES.map((s) => [s, t(`Status.${s}`)])),
      select('hazard', reference.hazards.map((x) => [x.type, nameOf(x)])),
      select('district', reference.districts.map((d) => [d.code, nameOf(d)])),
      select('severity', SEVERITIES.map((s) => [s, t(`Severity.${s}`)])),
    );
  }

  function draw() {
    const head = h('thead', {}, h('tr', {}, ['ref', 'title', 'hazard', 'district', 'severity', 'status', 'alerts', 'updated']
      .map((c) => h('th', { text: t(`board.col.${c}`), attrs: { scope: 'col' } }))));
    const shown = rows.filter((r) => !filters.severity || r.severity === filters.severity);
    const body = h('tbody', {}, shown.map((r) => h('tr', { data: { incident: r.incidentId }, class: r.isExercise ? 'exercise' : '' },
      h('td', {}, h('button', { class: 'link-button', text: r.reference, attrs: { type: 'button' }, on: { click: () => onSelect(r.incidentId) } })),
      h('td', { attrs: { dir: 'auto' } }, r.isExercise ? h('span', { class: 'exercise-tag', text: t('exercise') }) : null, r.title),
      h('td', { text: hazardName(r.hazard) }),
      h('td', { text: districtName(r.district) + (r.municipality ? ` / ${r.municipality}` : '') }),
      h('td', {}, severityBadge(r.severity, t(`Severity.${r.severity}`))),
      h('td', { text: t(`Status.${r.status}`) }),
      h('td', { text: `${r.alertsAcknowledged}/${r.alertsRaised}` }),
      h('td', { text: formatTime(r.updatedAt) }))));
    table.replaceChildren(head, body);
    empty.textContent = t('board.empty');
    empty.hidden = shown.length > 0;
    onRows?.(shown);
  }

  async function refresh() {
    const query = new URLSearchParams();
    if (filters.status) query.set('status', filters.status);
    if (filters.hazard) query.set('hazard', filters.hazard);
    if (filters.district) query.set('district', filters.district);
    rows = await getKnown(`/api/incidents?${query}`);
    // Without a status filter the board shows what is still open.
    if (!filters.status) rows = rows.filter((r) => r.status !== 'Closed');
    draw();
  }

  drawFilters();
  return {
    refresh,
    refreshSoon: debounce(() => refresh().catch(() => {}), 300),
    relabel() { drawFilters(); draw(); },
    rows: () => rows,
  };
}
