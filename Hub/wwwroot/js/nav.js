// Moving between the role's own screen and the national planning documents (the risk register, the contingency
// plans). They all stay in the page: a planning tab is only shown in place of the role's screen, so the live feed
// goes on drawing into it (a liaison's alerts, the commander's timeline) while the register or a plan is read, and
// the way back says what arrived meanwhile.

import { $ } from './dom.js';
import { t } from './i18n.js';

// The entries the duty office's and the commanders' screens show: counted while another tab is in front.
const SHOWN = new Set(['IncidentReported', 'AgencyAlerted', 'AlertAcknowledged', 'IncidentUpdated', 'IncidentStatusChanged', 'AlertEscalated', 'AlertReminderSent', 'AgencyUnreachable',
  'PlanActivated', 'PlanStoodDown', 'TaskAssigned', 'TaskAcknowledged', 'TaskProgressed', 'TaskCompleted', 'TaskEscalated']);

let role = null;
let home = null;
// 'home', or the name of the planning tab in front ('register', 'plans').
let current = 'home';
let detailWasOpen = false;
// What arrived for the role's screen while another tab was in front (duty office, commanders).
let unseen = 0;
// Unacknowledged alerts (liaisons): shown at all times, as the inbox itself would show them.
let openAlerts = 0;
let tabs = {};

/**
 * Shows the navigation for the signed-in role; homeView is the role's screen (#view-<homeView>), and tabs maps each
 * planning tab (#nav-<name>, #view-<name>) to what is called each time it is brought to the front (to read it afresh).
 */
export function initNav(session, homeView, planningTabs) {
  role = session.role;
  home = homeView;
  tabs = planningTabs;
  $('#nav').hidden = false;
  $('#nav-home').addEventListener('click', () => select('home'));
  for (const name of Object.keys(tabs)) $(`#nav-${name}`).addEventListener('click', () => select(name));
  draw();
}

export const relabelNav = () => { if (role) draw(); };

/** Brings a tab to the front ('home' for the role's screen). */
export function select(name) {
  if (name === current) return;
  const wasHome = current === 'home';
  current = name;
  // The incident beside the role's screen is put away with it, and comes back with it.
  const detail = $('#detail');
  if (wasHome) {
    detailWasOpen = !detail.hidden;
    detail.hidden = true;
  } else if (name === 'home') {
    if (detailWasOpen) detail.hidden = false;
    unseen = 0;
    $('#nav-home').classList.remove('fresh');
  }
  $(`#view-${home}`).hidden = name !== 'home';
  for (const tab of Object.keys(tabs)) $(`#view-${tab}`).hidden = tab !== name;
  draw();
  if (name !== 'home') tabs[name]();
}

function draw() {
  $('#nav-home-label').textContent = t(`nav.home.${role}`);
  for (const name of ['home', ...Object.keys(tabs)]) {
    const button = $(`#nav-${name}`);
    if (name === current) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const badge = $('#nav-home-badge');
  const away = current !== 'home';
  const text = role === 'Liaison'
    ? (openAlerts > 0 ? t('nav.badge.open', { n: openAlerts }) : '')
    : (away && unseen > 0 ? t('nav.badge.new', { n: unseen }) : '');
  badge.textContent = text;
  badge.hidden = !text;
}

/** Something arrived for the role's screen: while another tab is in front, the way back flashes. */
function arrived() {
  if (current === 'home') return;
  const button = $('#nav-home');
  // Restarted for each arrival, so a second alert flashes again.
  button.classList.remove('fresh');
  void button.offsetWidth;
  button.classList.add('fresh');
}

/** A log entry applied (duty office, commanders): counted while another tab is in front. */
export function noteEntry(entry) {
  if (current === 'home' || !SHOWN.has(entry.type)) return;
  unseen++;
  draw();
  arrived();
}

/** The liaison's inbox was drawn: how many alerts await acknowledgement, and whether one just arrived. */
export function noteInbox(open, fresh) {
  openAlerts = open;
  // The inbox is first drawn before the navigation is shown, which then starts from this count.
  if (!role) return;
  draw();
  if (fresh) arrived();
}
