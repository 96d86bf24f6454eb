// The administrator's screens, as tabs: users, agencies (with their systems on the bus), the clearances of restricted incidents, the routing rules
// and their history. Administrators keep the hub rather than incidents: nothing here reads an incident's content
// (the clearances are read by their metadata only), and the console starts no live feed for them (the hub sends
// them no entries).

import { $ } from '../dom.js';
import { showError } from '../notice.js';
import { initAgencies, relabelAgencies } from './admin-agencies.js';
import { initBus, refreshBus, relabelBus } from './admin-bus.js';
import { refreshClearances, relabelClearances } from './admin-clearances.js';
import { refreshHistory, relabelHistory } from './admin-history.js';
import { agenciesChangedForRules, initRules, relabelRules } from './admin-rules.js';
import { agenciesChangedForUsers, initUsers, relabelUsers } from './admin-users.js';

const TABS = ['users', 'agencies', 'clearances', 'rules', 'history'];
let selected = 'users';

export async function initAdmin(session) {
  const tabs = $('#admin-tabs');
  tabs.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) selectTab(tab.dataset.tab);
  });
  tabs.addEventListener('keydown', onTabKey);
  initAgencies(() => { agenciesChangedForUsers(); agenciesChangedForRules(); relabelBus(); });
  initBus();
  // The history is read each time its tab is shown, so a version saved meanwhile is there.
  await Promise.all([initUsers(session), initRules()]);
  selectTab('users');
}

export function relabelAdmin() {
  relabelUsers();
  relabelAgencies();
  relabelBus();
  relabelRules();
  relabelHistory();
  relabelClearances();
}

/** Where an administrator starts: on the tabs, one arrow key from each screen. */
export const focusAdmin = () => $(`#tab-${selected}`).focus();

function selectTab(name) {
  selected = name;
  for (const tab of TABS) {
    const button = $(`#tab-${tab}`);
    button.setAttribute('aria-selected', String(tab === name));
    // One tab stop for the whole list (roving tabindex): Tab goes on into the screen, arrows move between tabs.
    button.tabIndex = tab === name ? 0 : -1;
    $(`#admin-${tab}`).hidden = tab !== name;
  }
  if (name === 'history') refreshHistory().catch(showError);
  // Read each time the tab is shown, so an incident reported or changed meanwhile is there.
  if (name === 'clearances') refreshClearances().catch(showError);
  // Read each time too: another administrator, or another hub, may have issued or revoked an identity meanwhile.
  if (name === 'agencies') refreshBus().catch(showError);
}

function onTabKey(event) {
  const current = TABS.indexOf(event.target.dataset?.tab);
  if (current < 0) return;
  // Right to left in Arabic: the next tab is the one to the left.
  const rtl = document.documentElement.dir === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
  let next = null;
  if (step) next = (current + step + TABS.length) % TABS.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = TABS.length - 1;
  if (next === null) return;
  event.preventDefault();
  selectTab(TABS[next]);
  $(`#tab-${TABS[next]}`).focus();
}
