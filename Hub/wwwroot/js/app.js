// The console's shell: language, sign-in, the view for the signed-in role, the connection indicator,
// and the live feed that every view listens to.

import { NetworkError, ProblemError, currentSession, getKnown, onRecalled, onSessionEnded, sessionEndedFor, signIn, signOut } from './api.js';
import { $ } from './dom.js';
import { apply, formatTime, lang, onLangChange, setLang, t } from './i18n.js';
import { catchUp, onEntry, onRewind, onStatus, start, stop } from './live.js';
import { confirmAction } from './confirm.js';
import { initNav, noteEntry, noteInbox, relabelNav } from './nav.js';
import { clearOutbox, flush, onOutboxChange, openOutbox, pending } from './outbox.js';
import { agencyName, loadReference } from './reference.js';
import { showError, showNotice } from './notice.js';
import { focusAdmin, initAdmin, relabelAdmin } from './views/admin.js';
import { initAgencies, onAgenciesEntry, onAgenciesLive, relabelAgencies, stopAgencies } from './views/agencies.js';
import { initCommander, onCommanderEntry, relabelCommander, rewindCommander, stopCommander } from './views/commander.js';
import { initDetail, redrawDetail, reloadDetail } from './views/detail.js';
import { initEvaluation, relabelEvaluation, showEvaluation } from './views/evaluation.js';
import { initExercises, onExercisesEntry, relabelExercises, showExercises } from './views/exercises.js';
import { initLiaison, onInboxDrawn, onLiaisonEntry, relabelLiaison, reloadLiaison, stopLiaison } from './views/liaison.js';
import { initOperator, onOperatorEntry, onOperatorOnline, relabelOperator, reloadOperator } from './views/operator.js';
import { initPlans, onPlansEntry, relabelPlans, showPlans } from './views/plans.js';
import { initRegister, onRegisterEntry, relabelRegister, showRegister } from './views/register.js';
import { initFollowUp, onFollowUpEntry, relabelFollowUp, showFollowUp } from './views/followup.js';

const RECENT_ENTRIES = 300;
const VIEWS = ['signin', 'admin', 'operator', 'liaison', 'commander'];
let role = null;
let connectionState = 'offline';
// The role's view is up: from then on an ended session is answered by signing in again in place.
let started = false;
// Since when what the views show was last known to be current: while live, now; once the feed drops (or the console
// opened on what the tab last knew), that moment. Kept for the tab, so a reload without a link still says it.
const KNOWN_AT_KEY = 'coordination.knownAt';
let knownAt = sessionStorage.getItem(KNOWN_AT_KEY);

function noteKnownAt(time) {
  knownAt = time;
  sessionStorage.setItem(KNOWN_AT_KEY, time);
}

function show(view) {
  for (const name of VIEWS) $(`#view-${name}`).hidden = name !== view;
}

function drawConnection() {
  const indicator = $('#connection');
  indicator.dataset.state = connectionState;
  // Not live: how old the picture on the screen may be.
  const since = connectionState !== 'live' && knownAt ? ` · ${t('conn.known', { time: formatTime(knownAt) })}` : '';
  $('#connection-text').textContent = t(`conn.${connectionState}`) + since;
  // Administrators have no live feed (the hub sends them no entries), so there is no connection to show.
  indicator.hidden = !role || role === 'Administrator';
}

function drawWho(session) {
  $('#who').textContent = session ? `${session.displayName} · ${t(`role.${session.role}`)} · ${agencyName(session.agency)}` : '';
}

async function headPosition() {
  return (await getKnown('/api/log?after=0&limit=1')).headPosition;
}

async function startSession(session) {
  role = session.role;
  $('#sign-out').hidden = false;
  drawConnection();
  if (role === 'Administrator') {
    await loadReference();
    drawWho(session);
    await initAdmin(session);
    initRegister(session);
    initPlans(session);
    initExercises();
    initFollowUp(session);
    initNav(session, 'admin', { register: showRegister, plans: showPlans, exercises: showExercises, followup: showFollowUp });
    show('admin');
    focusAdmin();
    return;
  }

  openOutbox(session.userName);
  await loadReference();
  drawWho(session);
  initDetail(session);
  // The head is read before the views load, so anything logged meanwhile arrives by catch-up.
  const head = await headPosition();
  let from = head;
  if (role === 'Commander') {
    const recent = await getKnown(`/api/log?after=${Math.max(0, head - RECENT_ENTRIES)}&limit=1000`);
    from = Math.max(head, recent.nextAfter);
    await initCommander(recent.entries);
    onEntry(onCommanderEntry);
  } else if (role === 'Liaison') {
    // The way back from the register counts the alerts awaiting acknowledgement, from the first drawing of the inbox.
    onInboxDrawn(noteInbox);
    await initLiaison(session);
    onEntry(onLiaisonEntry);
  } else {
    await initOperator();
    onEntry(onOperatorEntry);
  }
  // Who is listening: the agency board beside the duty office's and commanders' views; a liaison's own agency's line.
  initAgencies(session, role === 'Liaison' ? null : `${role.toLowerCase()}-agencies`);
  onEntry(onAgenciesEntry);
  onRewind(rewound);
  // The register and the plans are one click from every role's screen; the feed goes on behind them.
  initRegister(session);
  initPlans(session);
  onEntry(onRegisterEntry);
  onEntry(onPlansEntry);
  if (role !== 'Liaison') onEntry(noteEntry);
  // Exercises are controlled by commanders (and administrators); the duty office and liaisons are players.
  const controls = role === 'Commander';
  if (controls) {
    initExercises();
    onEntry(onExercisesEntry);
  }
  // The evaluation is for every role here (a liaison's, their own agency's line); administrators keep the hub, not its figures.
  initEvaluation(session);
  // The joint committee's follow-up: every role reads it; what each may do there is the hub's to say.
  initFollowUp(session);
  onEntry(onFollowUpEntry);
  initNav(session, role.toLowerCase(), { register: showRegister, plans: showPlans, ...(controls ? { exercises: showExercises } : {}), evaluation: showEvaluation, followup: showFollowUp });
  show(role.toLowerCase());
  // The duty office starts typing at once: the first field of the report has focus.
  if (role === 'Operator') $('#f-hazard').focus();
  onStatus((state) => {
    if (connectionState === 'live' && state !== 'live') noteKnownAt(new Date().toISOString());
    connectionState = state;
    drawConnection();
    // Link back: what the outbox holds goes out (every role's: reports, acknowledgements, updates, task actions).
    if (state === 'live') {
      sessionStorage.removeItem(KNOWN_AT_KEY);
      knownAt = null;
      flush();
      if (role === 'Operator') onOperatorOnline();
      onAgenciesLive();
    }
  });
  started = true;
  await start(from);
}

/**
 * The hub's log ends before what the views show: it was restored from a backup. Say so, and show what the
 * log holds now: what was shown after its end is gone from it, and what is logged next follows as usual.
 */
function rewound(head) {
  showNotice(t('log.rewound', { head }), 'error', 60_000);
  const views = role === 'Commander' ? rewindCommander(head) : role === 'Liaison' ? reloadLiaison() : reloadOperator();
  Promise.all([views, reloadDetail()]).catch(showError);
}

/**
 * Sign-out clears the reports kept in this browser, so none is lost without being asked: what waits is sent
 * now if the hub can be reached, and what still waits after that is deleted only if the user says so.
 * True when nothing waits, or the user chose to delete it.
 */
async function outboxSettled() {
  if (pending().length > 0) await Promise.race([flush(), new Promise((done) => { setTimeout(done, 10_000); })]);
  const waiting = pending().length;
  // Cancel, where the dialog starts and where Escape leads, keeps them.
  return waiting === 0 || confirmAction(t('signout.pending', { n: waiting }), { confirm: t('signout.discard'), cancel: t('signout.stay') });
}

function bindShell() {
  $('#lang-toggle').addEventListener('click', () => setLang(lang() === 'ar' ? 'en' : 'ar'));
  onLangChange(() => {
    drawConnection();
    const session = currentSession();
    drawWho(session);
    relabelNav();
    relabelRegister();
    relabelFollowUp();
    relabelPlans();
    if (role === 'Commander' || role === 'Administrator') relabelExercises();
    if (role && role !== 'Administrator') relabelEvaluation();
    if (role === 'Operator') relabelOperator();
    if (role === 'Liaison') relabelLiaison();
    if (role === 'Commander') relabelCommander();
    if (role === 'Administrator') relabelAdmin();
    if (role && role !== 'Administrator') relabelAgencies();
    if (role && role !== 'Administrator') redrawDetail();
    if ($('#session-dialog').open) $('#session-note').textContent = t('session.note', { user: $('#session-user').value, n: pending().length });
  });
  $('#sign-out').addEventListener('click', async () => {
    const button = $('#sign-out');
    if (button.disabled) return;
    button.disabled = true;
    try {
      if (!(await outboxSettled())) return;
      stopLiaison();
      stopCommander();
      stopAgencies(); // signing out is leaving on purpose: no leave-page prompt
      await stop();
      clearOutbox();
      signOut();
      sessionStorage.removeItem(KNOWN_AT_KEY);
      location.reload();
    } finally {
      button.disabled = false;
    }
  });
  $('#signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    // After failed attempts the hub holds a sign-in back for up to half a minute: one attempt at a time,
    // rather than more clicks that each wait their turn.
    const submit = $('#signin-form button[type="submit"]');
    if (submit.disabled) return;
    submit.disabled = true;
    $('#signin-form').setAttribute('aria-busy', 'true');
    $('#signin-error').textContent = '';
    try {
      const session = await signIn($('#signin-user').value.trim(), $('#signin-password').value);
      $('#signin-password').value = '';
      await startSession(session);
    } catch (error) {
      $('#signin-error').textContent = error instanceof ProblemError ? (error.detail || error.title || t('signin.failed')) : t('error.network');
    } finally {
      submit.disabled = false;
      $('#signin-form').removeAttribute('aria-busy');
    }
  });
  onOutboxChange((change) => {
    if (change.type === 'refused') {
      showNotice(t('outbox.refused', { title: change.item.label ?? '', detail: change.error.detail || change.error.title }), 'error');
      return;
    }
    if (change.type === 'sent' && change.item.kind !== 'report') showNotice(t('outbox.sentOther', { title: change.item.label ?? '' }));
    if (change.type !== 'count') return;
    const badge = $('#outbox-count');
    badge.textContent = t('outbox.pending', { n: change.count });
    badge.hidden = change.count === 0;
  });
  window.addEventListener('online', () => {
    flush();
    catchUp().catch(() => {});
  });
  // What is queued also goes out on a timer: the browser's online event is not always told.
  setInterval(() => { if (role && role !== 'Administrator' && navigator.onLine) flush(); }, 10_000);
  onRecalled((time) => {
    // The console opened on what the tab last knew: the oldest answer shown says how old the picture may be.
    if (!knownAt || Date.parse(time) < Date.parse(knownAt)) noteKnownAt(time);
    drawConnection();
  });
  bindSessionDialog();
}

/**
 * The hub ended the session (it expired during a long outage, or was ended): nothing on the screen and nothing
 * queued is dropped; the same user signs in again in place and what waits is sent. Someone else signs out first.
 */
function bindSessionDialog() {
  const dialog = $('#session-dialog');
  onSessionEnded((userName) => {
    if (!started || dialog.open) return;
    $('#session-user').value = userName;
    $('#session-note').textContent = t('session.note', { user: userName, n: pending().length });
    $('#session-error').textContent = '';
    dialog.showModal();
    $('#session-password').focus();
  });
  // Escape would leave a console that can no longer reach the hub without saying why.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  $('#session-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = $('#session-form button[type="submit"]');
    if (submit.disabled) return;
    submit.disabled = true;
    $('#session-error').textContent = '';
    try {
      await signIn(sessionEndedFor() ?? $('#session-user').value, $('#session-password').value);
      $('#session-password').value = '';
      dialog.close();
      await flush();
      catchUp().catch(() => {});
    } catch (error) {
      $('#session-error').textContent = error instanceof ProblemError ? (error.detail || error.title || t('signin.failed')) : t('error.network');
    } finally {
      submit.disabled = false;
    }
  });
  $('#session-signout').addEventListener('click', () => {
    dialog.close();
    $('#sign-out').click();
  });
}

/**
 * The console's shell (this page, its scripts, styles and pictures) is kept by a service worker, so a console
 * reloaded without a link still opens. It keeps no answer of the API. Browsers allow it on https and on localhost only.
 */
function keepShell() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' }).then(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    // What this page loaded before the worker was there to see it, so the first offline reload finds it all.
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    worker?.postMessage({ type: 'keep', urls: [location.origin + '/', ...loaded] });
  }).catch(() => {});
}

async function boot() {
  apply();
  keepShell();
  bindShell();
  drawConnection();
  const session = currentSession();
  if (!session) {
    show('signin');
    $('#signin-user').focus();
    return;
  }
  try {
    await startSession(session);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      signOut();
      location.reload();
      return;
    }
    showError(error);
    // A link too poor to load the views: try the whole start again shortly.
    if (error instanceof NetworkError) setTimeout(() => location.reload(), 10_000);
  }
}

boot();
