// Commanders: the shared timeline across all incidents (live), the board with filters, the map of
// Libya with the incidents placed, and each agency's response figures.

import { getKnown } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { describeEntry, isExerciseEntry } from '../entries.js';
import { formatDuration, formatNumber, formatTime, nameOf, t } from '../i18n.js';
import { createMap } from '../map.js';
import { districtsByCode, reference } from '../reference.js';
import { createBoard } from './board.js';
import { openDetail, refreshDetailIf } from './detail.js';

const TIMELINE_LENGTH = 300;
const SHOWN = new Set(['IncidentReported', 'AgencyAlerted', 'AlertAcknowledged', 'IncidentUpdated', 'IncidentStatusChanged', 'AlertEscalated', 'AlertReminderSent', 'AgencyUnreachable',
  'PlanActivated', 'PlanStoodDown', 'TaskAssigned', 'TaskAcknowledged', 'TaskProgressed', 'TaskCompleted', 'TaskEscalated']);
let board;
let map;
let entries = [];
let figuresTimer = null;

export async function initCommander(recentEntries) {
  map = createMap($('#commander-map'), { districts: reference.districts, tileUrl: reference.settings.tileUrl, onSelect: openDetail });
  const attribution = $('#map-attribution');
  attribution.textContent = reference.settings.tileAttribution ?? '';
  attribution.hidden = !reference.settings.tileAttribution;
  board = createBoard($('#commander-board'), { idPrefix: 'commander', onSelect: openDetail, onRows: (rows) => map.setIncidents(rows, districtsByCode()) });
  entries = recentEntries.filter((e) => SHOWN.has(e.type)).slice(-TIMELINE_LENGTH);
  drawTimeline();
  await Promise.all([board.refresh(), refreshFigures()]);
  clearInterval(figuresTimer);
  // Overdue counts change with the clock, not only with the log.
  figuresTimer = setInterval(() => refreshFigures().catch(() => {}), 30_000);
}

export function relabelCommander() {
  drawTimeline();
  board.relabel();
  map.redraw();
  refreshFigures().catch(() => {});
}

const figuresSoon = debounce(() => refreshFigures().catch(() => {}), 500);

export function onCommanderEntry(entry) {
  if (!SHOWN.has(entry.type)) return;
  entries.push(entry);
  if (entries.length > TIMELINE_LENGTH) entries.shift();
  const list = $('#shared-timeline');
  list.prepend(timelineItem(entry));
  while (list.children.length > TIMELINE_LENGTH) list.lastElementChild.remove();
  $('#timeline-empty').hidden = true;
  board.refreshSoon();
  if (entry.type !== 'IncidentUpdated') figuresSoon();
  refreshDetailIf(entry.incidentId).catch(() => {});
}

function timelineItem(entry) {
  return h('li', { data: { position: entry.position, type: entry.type, incident: entry.incidentId }, class: isExerciseEntry(entry) ? 'exercise' : '' },
    h('time', { text: formatTime(entry.recordedAt), attrs: { datetime: entry.recordedAt } }),
    isExerciseEntry(entry) ? h('span', { class: 'exercise-tag', text: t('exercise') }) : null,
    h('button', { class: 'link-button entry-text', text: describeEntry(entry), attrs: { type: 'button', dir: 'auto' }, on: { click: () => openDetail(entry.incidentId) } }));
}

function drawTimeline() {
  $('#shared-timeline').replaceChildren(...entries.slice().reverse().map(timelineItem));
  $('#timeline-empty').hidden = entries.length > 0;
}

async function refreshFigures() {
  const figures = await getKnown('/api/performance/agencies?days=30');
  const seconds = (value) => (value == null ? '—' : formatDuration(value));
  $('#figures tbody').replaceChildren(...figures.agencies.map((a) => h('tr', { data: { agency: a.agency }, class: a.overdue > 0 ? 'overdue' : '' },
    h('th', { text: nameOf(a), attrs: { scope: 'row' } }),
    h('td', { text: formatNumber(a.alerts) }),
    h('td', { text: formatNumber(a.acknowledged) }),
    h('td', { text: seconds(a.medianSecondsToAcknowledge) }),
    h('td', { text: seconds(a.p90SecondsToAcknowledge) }),
    h('td', { text: formatNumber(a.acknowledgedLate) }),
    h('td', { class: 'overdue-count', text: formatNumber(a.overdue) }))));
  $('#figures-empty').hidden = figures.agencies.length > 0;
}

/** The log now ends at `head`: the timeline keeps what is still in it, and the board and figures are read again. */
export async function rewindCommander(head) {
  entries = entries.filter((e) => e.position <= head);
  drawTimeline();
  await Promise.all([board.refresh(), refreshFigures()]);
}

export function stopCommander() {
  clearInterval(figuresTimer);
  entries = [];
}
