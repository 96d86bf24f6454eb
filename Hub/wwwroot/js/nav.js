// Moving between the role's own screen and the risk register. Both stay in the page: the register is only shown
// in place of the role's screen, so the live feed goes on drawing into it (a liaison's alerts, the commander's
// timeline) while the register is read, and the way back says what arrived meanwhile.

import { $ } from './dom.js';
import { t } from './i18n.js';

// The entries the duty office's and the commanders' screens show: counted while the register is in front.
const SHOWN = new Set(['IncidentReported', 'AgencyAlerted', 'AlertAcknowledged', 'IncidentUpdated', 'IncidentStatusChanged', 'AlertEscalated', 'AlertReminderSent']);

let role = null;
let home = null;
// Which place is in front: the role's screen (null), 'register' or 'exercises'.
let place = null;
let onRegister = false;
let detailWasOpen = false;
// What arrived for the role's screen while the register was in front (duty office, commanders).
let unseen = 0;
// Unacknowledged alerts (liaisons): shown at all times, as the inbox itself would show them.
let openAlerts = 0;
let openRegister = () => {};
let openExercises = null;

/**
 * Shows the navigation for the signed-in role; homeView is the role's screen (#view-<homeView>), and
 * showRegister is called each time the register is brought to the front (to read it afresh).
 */
export function initNav(session, homeView, showRegister, showExercises = null) {
  role = session.role;
  home = homeView;
  openRegister = showRegister;
  openExercises = showExercises;
  $('#nav').hidden = false;
  $('#nav-home').addEventListener('click', () => select(null));
  $('#nav-register').addEventListener('click', () => select('register'));
  // Exercises are for those who control them (commanders, administrators); players are not shown the scenarios.
  $('#nav-exercises').hidden = !showExercises;
  if (showExercises) $('#nav-exercises').addEventListener('click', () => select('exercises'));
  draw();
}

export const relabelNav = () => { if (role) draw(); };

export const registerInFront = () => onRegister;

function select(next) {
  if (next === place) return;
  const away = next !== null;
  // The incident beside the role's screen is put away with it, and comes back with it.
  const detail = $('#detail');
  if (away && place === null) {
    detailWasOpen = !detail.hidden;
    detail.hidden = true;
  } else if (!away) {
    if (detailWasOpen) detail.hidden = false;
    unseen = 0;
    $('#nav-home').classList.remove('fresh');
  }
  place = next;
  onRegister = away;
  $(`#view-${home}`).hidden = away;
  $('#view-register').hidden = place !== 'register';
  $('#view-exercises').hidden = place !== 'exercises';
  draw();
  if (place === 'register') openRegister();
  if (place === 'exercises') openExercises();
}

function draw() {
  $('#nav-home-label').textContent = t(`nav.home.${role}`);
  for (const [button, current] of [[$('#nav-home'), place === null], [$('#nav-register'), place === 'register'], [$('#nav-exercises'), place === 'exercises']]) {
    if (current) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const badge = $('#nav-home-badge');
  const text = role === 'Liaison'
    ? (openAlerts > 0 ? t('nav.badge.open', { n: openAlerts }) : '')
    : (onRegister && unseen > 0 ? t('nav.badge.new', { n: unseen }) : '');
  badge.textContent = text;
  badge.hidden = !text;
}

/** Something arrived for the role's screen: while the register is in front, the way back flashes. */
function arrived() {
  if (!onRegister) return;
  const button = $('#nav-home');
  // Restarted for each arrival, so a second alert flashes again.
  button.classList.remove('fresh');
  void button.offsetWidth;
  button.classList.add('fresh');
}

/** A log entry applied (duty office, commanders): counted while the register is in front. */
export function noteEntry(entry) {
  if (!onRegister || !SHOWN.has(entry.type)) return;
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
