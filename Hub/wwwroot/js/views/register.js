// The national risk register, for every role: the heat map and the table with the same filters (theme, agency,
// district) and an "as of" date to show the register as it stood then; a risk's page with its history; the
// form to enter or change a risk, export (CSV, JSON) for everyone and import (CSV) for those who may change risks;
// the capability gaps of every risk, and each agency's capabilities (declared by its own liaisons).
// It is read from the hub each time it is brought to the front; the role's own screen goes on behind it.

import { NetworkError, ProblemError, get, sendText } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { endOfLibyanDay, formatDate, formatNumber, nameOf, t, todayInLibya } from '../i18n.js';
import { showError } from '../notice.js';
import { reference } from '../reference.js';
import { THEMES } from '../vocabulary.js';
import { code, mayChange, mayEnter } from './register-common.js';
import { editRisk, initRiskForm, newRisk, relabelRiskForm } from './register-form.js';
import { drawCell, drawHeatMap, drawLegend } from './register-heatmap.js';
import { initRiskPage, loadRisk, redrawRisk, shownRisk } from './register-risk.js';
import { createRegisterTable } from './register-table.js';
import { initCapabilities, loadCapabilities, relabelCapabilities } from './register-capabilities.js';
import { drawGaps, initGaps, loadGaps } from './register-gaps.js';

const SECTIONS = {
  overview: ['#register-top', '#register-overview'], risk: ['#register-risk'], edit: ['#register-edit'], gaps: ['#register-gaps'], capabilities: ['#register-capabilities'],
};

let session = null;
const filters = { theme: '', agency: '', district: '', asOf: '' };
let views = [];
let cells = [];
// The heat map cell whose risks are listed, by its place (it is read again with every refresh).
let chosen = null;
let table = null;
let section = 'overview';
// What opened the risk's page, so going back puts focus where the person was.
let opener = null;
let asked = 0;
let loaded = false;

export function initRegister(signedIn) {
  session = signedIn;
  table = createRegisterTable($('#register-table'), openRisk);
  fillFilters();
  for (const name of ['theme', 'agency', 'district']) {
    $(`#rf-${name}`).addEventListener('change', (event) => { filters[name] = event.target.value; refresh().catch(showError); });
  }
  const asOf = $('#rf-asof');
  asOf.max = todayInLibya();
  asOf.addEventListener('change', () => { filters.asOf = asOf.value; refresh().catch(showError); });
  $('#rf-asof-clear').addEventListener('click', () => {
    filters.asOf = '';
    asOf.value = '';
    refresh().catch(showError);
    asOf.focus();
  });
  $('#register-export-csv').addEventListener('click', () => exportAs('csv'));
  $('#register-export-json').addEventListener('click', () => exportAs('json'));
  const enters = mayEnter(session);
  $('#register-new').hidden = !enters;
  $('#register-import').hidden = !enters;
  $('#register-new').addEventListener('click', () => { show('edit'); newRisk(); });
  $('#register-import-form').addEventListener('submit', (event) => { event.preventDefault(); importCsv(); });
  initRiskPage({
    back: backToOverview,
    edit(view) { show('edit'); editRisk(view); },
    mayChange: (risk) => mayChange(session, risk),
    reviewed: (riskId, message) => openRisk(riskId, null, message),
  });
  initRiskForm(session, {
    saved: (riskId, message) => openRisk(riskId, null, message),
    cancel(editing) {
      if (editing) {
        show('risk');
        $('#risk-title').focus();
      } else {
        backToOverview();
      }
    },
  });
  initGaps(openRisk);
  initCapabilities(session);
  $('#register-show-gaps').addEventListener('click', () => openSection('gaps', loadGaps, '#gaps-heading'));
  $('#register-show-capabilities').addEventListener('click', () => openSection('capabilities', () => loadCapabilities(), '#capabilities-heading'));
  $('#gaps-back').addEventListener('click', () => { show('overview'); $('#register-show-gaps').focus(); });
  $('#capabilities-back').addEventListener('click', () => { show('overview'); $('#register-show-capabilities').focus(); });
  drawLegend($('#heatmap-legend'));
  drawAsOf();
}

/** The gaps or the capabilities screen, read afresh, focus on its heading. */
async function openSection(name, load, heading) {
  try {
    await load();
  } catch (error) {
    showError(error);
    return;
  }
  opener = null;
  show(name);
  $(heading).focus();
}

/** The register was brought to the front: read afresh what it shows. */
export function showRegister() {
  if (section === 'overview' || !loaded) refresh().catch(showError);
  else if (section === 'risk' && shownRisk()) loadRisk(shownRisk().current.risk.riskId).catch(showError);
  else if (section === 'gaps') loadGaps().catch(showError);
  else if (section === 'capabilities') loadCapabilities().catch(showError);
}

const refreshSoon = debounce(() => refresh().catch(() => {}), 500);

/** A log entry (duty office and commanders see the register's too): a risk entered or changed is shown at once. */
export function onRegisterEntry(entry) {
  if ((entry.type === 'RiskRecorded' || entry.type === 'RiskChanged') && loaded && !$('#view-register').hidden) refreshSoon();
}

export function relabelRegister() {
  if (!session) return;
  fillFilters();
  drawLegend($('#heatmap-legend'));
  drawAsOf();
  relabelRiskForm();
  if (loaded) draw();
  redrawRisk();
  if (section === 'gaps') drawGaps();
  relabelCapabilities();
}

function show(name) {
  section = name;
  for (const [key, selectors] of Object.entries(SECTIONS)) {
    for (const selector of selectors) $(selector).hidden = key !== name;
  }
}

function fillFilters() {
  const fill = (name, values) => {
    const select = $(`#rf-${name}`);
    select.replaceChildren(h('option', { text: t('register.filter.all'), attrs: { value: '' } }),
      ...values.map(([value, label]) => h('option', { text: label, attrs: { value } })));
    select.value = filters[name];
  };
  fill('theme', THEMES.map((theme) => [theme, t(`Theme.${theme}`)]));
  fill('agency', reference.agencies.map((a) => [a.code, nameOf(a)]));
  fill('district', reference.districts.map((d) => [d.code, nameOf(d)]));
}

function query() {
  const q = new URLSearchParams();
  for (const name of ['theme', 'agency', 'district']) if (filters[name]) q.set(name, filters[name]);
  if (filters.asOf) q.set('asOf', endOfLibyanDay(filters.asOf));
  return q;
}

function drawAsOf() {
  $('#register-asof').textContent = filters.asOf ? t('register.asOf.then', { date: formatDate(filters.asOf) }) : t('register.asOf.now');
  $('#rf-asof-clear').hidden = !filters.asOf;
}

async function refresh() {
  const mine = ++asked;
  const q = query();
  $('#view-register').setAttribute('aria-busy', 'true');
  try {
    const [page, heat] = await Promise.all([get(`/api/register?${q}`), get(`/api/register/heatmap?${q}`)]);
    // An answer to an older choice of filters must not replace the one for the current choice.
    if (mine !== asked) return;
    views = page.risks;
    cells = heat;
    loaded = true;
    draw();
  } finally {
    if (mine === asked) $('#view-register').removeAttribute('aria-busy');
  }
}

function chosenCell() {
  return chosen ? cells.find((c) => c.likelihood === chosen.likelihood && c.impact === chosen.impact) ?? { ...chosen, risks: [] } : null;
}

function choose(cell) {
  chosen = { likelihood: cell.likelihood, impact: cell.impact };
  drawMap();
  // Focus stays on the cell just chosen (the matrix was drawn again); its risks are announced beside it.
  $(`#heatmap button[data-likelihood="${cell.likelihood}"][data-impact="${cell.impact}"]`)?.focus();
}

function drawMap() {
  drawHeatMap($('#heatmap'), cells, chosen, choose);
  drawCell($('#heatmap-cell'), chosenCell(), openRisk);
}

function draw() {
  drawAsOf();
  drawMap();
  table.show(views);
  $('#register-count').textContent = `(${t('register.count', { n: formatNumber(views.length) })})`;
  $('#register-empty').hidden = views.length > 0;
  $('#register-sample').hidden = !views.some((v) => v.risk.isSample);
}

/** Opens a risk's page; `from` is the button it was opened with, `message` what to say there (after a save). */
async function openRisk(riskId, from = null, message = '') {
  if (from) opener = from.dataset.openRisk ? { code: from.dataset.openRisk, inMap: !!from.closest('#heatmap-cell'), inGaps: !!from.closest('#gaps-table') } : null;
  try {
    await loadRisk(riskId);
  } catch (error) {
    showError(error);
    return;
  }
  show('risk');
  $('#risk-status').textContent = message;
  $('#risk-title').focus();
  // A save changes what the register shows: read it again behind the page.
  if (message) refresh().catch(() => {});
}

function backToOverview() {
  // A risk opened from the gaps goes back to the gaps.
  if (opener?.inGaps) {
    show('gaps');
    $(`#gaps-table [data-open-risk="${CSS.escape(opener.code)}"]`)?.focus();
    return;
  }
  show('overview');
  const where = opener?.inMap ? '#heatmap-cell' : '#register-table';
  const back = opener && $(`${where} [data-open-risk="${CSS.escape(opener.code)}"]`);
  if (back) back.focus();
  else $('#register-heading').focus();
}

/** Downloads the register (as of the date chosen, if any) in the import's CSV or as JSON. */
async function exportAs(format) {
  const q = new URLSearchParams({ format });
  if (filters.asOf) q.set('asOf', endOfLibyanDay(filters.asOf));
  const status = $('#register-status');
  status.textContent = '';
  try {
    const file = await sendText('GET', `/api/register/export?${q}`);
    const name = `risk-register-${filters.asOf || todayInLibya()}.${format}`;
    const url = URL.createObjectURL(new Blob([file.text], { type: file.type || 'text/plain' }));
    const link = h('a', { attrs: { href: url, download: name } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = t('register.exported', { file: name });
  } catch (error) {
    showError(error);
  }
}

/** `line 3.districts[0]` → line 3, field districts (the CSV's column); other keys (the file as a whole) have no line. */
function importProblem(key) {
  const match = /^line (\d+)\.(.+)$/i.exec(key);
  if (!match) return { line: null, field: null };
  const field = match[2].replace(/\[\d+\]$/, '').split('.').pop();
  return { line: Number(match[1]), field: field[0].toLowerCase() + field.slice(1) };
}

async function importCsv() {
  const input = $('#register-import-file');
  const out = $('#register-import-result');
  const file = input.files[0];
  if (!file) {
    out.replaceChildren(h('p', { class: 'refused', text: t('register.import.noFile') }));
    input.focus();
    return;
  }
  const reason = $('#register-import-reason').value.trim();
  const button = $('#register-import-send');
  button.disabled = true;
  out.replaceChildren();
  try {
    // The file's bytes as they are: reading it as text here would replace what is not UTF-8 before the hub could refuse it.
    const answer = await sendText('POST', `/api/register/import${reason ? `?${new URLSearchParams({ reason })}` : ''}`, file, 'text/csv; charset=utf-8');
    const counts = JSON.parse(answer.text);
    out.replaceChildren(h('p', { class: 'done', text: t('register.import.done', {
      file: file.name, recorded: formatNumber(counts.recorded), changed: formatNumber(counts.changed), unchanged: formatNumber(counts.unchanged),
    }) }));
    refresh().catch(showError);
  } catch (error) {
    if (error instanceof ProblemError && Object.keys(error.errors).length > 0) {
      const problems = Object.entries(error.errors).map(([key, messages]) => ({ ...importProblem(key), messages }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      out.replaceChildren(
        h('p', { class: 'refused', text: t('register.import.refused', { file: file.name }) }),
        h('ul', { class: 'import-errors' }, problems.map(({ line, field, messages }) => h('li', { data: line ? { line, field } : {} },
          line ? [h('strong', {}, t('register.import.line', { line: formatNumber(line) }), ' ', code(field), ':'), ' '] : null,
          messages.join(' ')))));
    } else if (error instanceof ProblemError) {
      out.replaceChildren(h('p', { class: 'refused', text: error.detail || error.title }));
    } else {
      out.replaceChildren(h('p', { class: 'refused', text: t(error instanceof NetworkError ? 'error.network' : 'error.generic', { detail: error.message }) }));
    }
  } finally {
    button.disabled = false;
  }
}
