// Moving between the role's own screen and the risk register. Both stay in the page: the register is only shown
// in place of the role's screen, so the live feed goes on drawing into it (a liaison's alerts, the commander's
// timeline) while the register is read, and the way back says what arrived meanwhile.

import { $ } from './dom.js';
import { t } from './i18n.js';

// The entries the duty office's and the commanders' screens show: counted while the register is in front.
const SHOWN = new Set(['IncidentReported', 'AgencyAlerted', 'AlertAcknowledged', 'IncidentUpdated', 'IncidentStatusChanged', 'AlertEscalated', 'AlertReminderSent']);

let role = null;
let home = null;
let onRegister = false;
let detailWasOpen = false;
// What arrived for the role's screen while the register was in front (duty office, commanders).
let unseen = 0;
// Unacknowledged alerts (liaisons): shown at all times, as the inbox itself would show them.
let openAlerts = 0;
let openRegister = () => {};

/**
 * Shows the navigation for the signed-in role; homeView is the role's screen (#view-<homeView>), and
 * showRegister is called each time the register is brought to the front (to read it afresh).
 */
export function initNav(session, homeView, showRegister) {
  role = session.role;
  home = homeView;
  openRegister = showRegister;
  $('#nav').hidden = false;
  $('#nav-home').addEventListener('click', () => select(false));
  $('#nav-register').addEventListener('click', () => select(true));
  draw();
}

export const relabelNav = () => { if (role) draw(); };

export const registerInFront = () => onRegister;

function select(register) {
  if (register === onRegister) return;
  onRegister = register;
  // The incident beside the role's screen is put away with it, and comes back with it.
  const detail = $('#detail');
  if (register) {
    detailWasOpen = !detail.hidden;
    detail.hidden = true;
  } else {
    if (detailWasOpen) detail.hidden = false;
    unseen = 0;
    $('#nav-home').classList.remove('fresh');
  }
  $(`#view-${home}`).hidden = register;
  $('#view-register').hidden = !register;
  draw();
  if (register) openRegister();
}

function draw() {
  $('#nav-home-label').textContent = t(`nav.home.${role}`);
  for (const [button, current] of [[$('#nav-home'), !onRegister], [$('#nav-register'), onRegister]]) {
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
