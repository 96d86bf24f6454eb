// Administration, the routing rules' history: every version, newest first, with who made it, when, why, and
// which rules it added, removed or changed. Read again each time it is shown, since any administrator may
// have saved a version meanwhile.

import { get } from '../api.js';
import { $, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';

let versions = [];

export async function refreshHistory() {
  versions = await get('/api/admin/routing-rules/history');
  draw();
}

export const relabelHistory = () => draw();

function changes(version) {
  const lines = [['added', version.added], ['removed', version.removed], ['changed', version.changed]]
    .filter(([, ids]) => ids.length > 0)
    .map(([kind, ids]) => h('li', { data: { change: kind } }, `${t(`history.${kind}`)} `, h('bdi', { text: ids.join(', '), attrs: { dir: 'ltr' } })));
  return lines.length ? h('ul', { class: 'changes' }, lines) : h('span', { class: 'muted', text: t('history.none') });
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['version', 'by', 'when', 'reason', 'changes']
    .map((c) => h('th', { text: t(`history.col.${c}`), attrs: { scope: 'col' } }))));
  const rows = versions.map((version) => h('tr', { data: { version: version.number } },
    h('th', { text: String(version.number), attrs: { scope: 'row' } }),
    h('td', { text: version.by, attrs: { dir: 'ltr' } }),
    h('td', {}, h('time', { text: formatTime(version.changedAt), attrs: { datetime: version.changedAt } })),
    h('td', { class: 'reason', text: version.reason, attrs: { dir: 'auto' } }),
    h('td', {}, changes(version))));
  const empty = versions.length ? [] : [h('tr', {}, h('td', { text: t('history.empty'), attrs: { colspan: 5 } }))];
  $('#history-table').replaceChildren(head, h('tbody', {}, rows, empty));
}
