// Administration, routing rules: the rules in force with their version, and an editor for the whole set (add,
// remove, reorder; each rule's id, description, hazards, minimum severity, districts and agencies). Before saving,
// a preview says who an incident would alert by the rules as edited, beside the rules in force; saving needs a
// reason and names the version it was made from, so a change made meanwhile by someone else is a conflict to
// reload, not an edit silently undone. Export downloads the editor's rules as a rules file; import reads one into
// the editor, to be reviewed and saved like any edit.

import { ProblemError, get, newId, post, put } from '../api.js';
import { $, debounce, h } from '../dom.js';
import { confirmAction } from '../confirm.js';
import { fieldKey } from '../forms.js';
import { formatList, formatTime, nameOf, t } from '../i18n.js';
import { alertableAgencies, reference } from '../reference.js';
import { SEVERITIES } from '../vocabulary.js';

/** Least first, as a minimum reads: Unknown as a minimum lets every severity through. */
const MINIMUMS = ['Unknown', 'Minor', 'Moderate', 'Severe', 'Extreme'];
const RULE_FIELDS = ['id', 'description', 'minimumseverity', 'hazards', 'districts', 'agencies'];
const RULE_KEY = /^(?:\$\.)?rules\[(\d+)\](?:\.(\w+))?/i;

let inForce = { version: 0, rules: [] };
// The rules as edited, in the order they apply; `key` tells rules apart while their ids are being typed.
let draft = [];
let dirty = false;
let nextKey = 1;
// The hub's messages from the last save, by rule key then field ('' for the rule as a whole).
let ruleErrors = new Map();
// The idempotency key of the change being saved: kept while the same change is sent again.
let pendingSave = null;
let preview = { state: 'incomplete' };
let previewAsked = 0;

export async function initRules() {
  fillPreviewChoices();
  for (const id of ['#rp-hazard', '#rp-severity', '#rp-district']) $(id).addEventListener('change', previewSoon);
  $('#rules-add').addEventListener('click', add);
  $('#rules-export').addEventListener('click', exportRules);
  $('#rules-import').addEventListener('change', importRules);
  $('#rules-reload').addEventListener('click', reload);
  $('#rules-conflict-reload').addEventListener('click', async () => {
    await load();
    $('#rules-save-result').textContent = '';
    $('#rules-add').focus();
  });
  $('#rules-save-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  await load();
}

export function relabelRules() {
  fillPreviewChoices();
  render();
  drawPreview();
}

/** An agency registered or renamed: the editor's choices name it. */
export const agenciesChangedForRules = relabelRules;

async function load() {
  inForce = await get('/api/admin/routing-rules');
  draft = inForce.rules.map(toDraft);
  dirty = false;
  ruleErrors = new Map();
  pendingSave = null;
  $('#rules-conflict').hidden = true;
  render();
  // At once, not after the typing pause: the preview must not go on comparing with a version just replaced.
  refreshPreview();
}

async function reload() {
  if (dirty && !(await confirmAction(t('rules.discard')))) return;
  await load();
  $('#rules-status').textContent = '';
}

const list = (value) => (Array.isArray(value) ? value.map(String) : []);

/**
 * A rule as the editor holds it; whatever an imported file says is kept as written, for the hub to judge. A missing
 * minimum severity stays unchosen (the hub refuses it, naming the field) rather than becoming the lowest; missing
 * hazards or districts show as none ticked, "any", for the administrator to review before saving.
 */
function toDraft(rule) {
  return {
    key: nextKey++,
    id: String(rule.id ?? ''),
    description: String(rule.description ?? ''),
    hazards: list(rule.hazards),
    minimumSeverity: rule.minimumSeverity == null ? '' : String(rule.minimumSeverity),
    districts: list(rule.districts),
    agencies: list(rule.agencies),
    open: false,
  };
}

/** A rule as the hub reads it (and as a rules file holds it). */
const toRule = (rule) => ({
  id: rule.id.trim(),
  description: rule.description.trim() || null,
  hazards: rule.hazards,
  minimumSeverity: rule.minimumSeverity,
  districts: rule.districts,
  agencies: rule.agencies,
});

function markDirty() {
  dirty = true;
  $('#rules-unsaved').hidden = false;
  previewSoon();
}

// ---- Drawing the editor -------------------------------------------------------------------------------------

function render() {
  $('#rules-version').textContent = inForce.version
    ? t('rules.version', { version: inForce.version, by: inForce.changedBy, time: formatTime(inForce.changedAt), reason: inForce.reason })
    : t('rules.none');
  $('#rules-unsaved').hidden = !dirty;
  $('#rules-list').replaceChildren(...draft.map(ruleItem));
}

const minimumLabel = (value) => {
  if (value === '') return '—';
  if (value === 'Unknown') return t('rules.minimum.any');
  return MINIMUMS.includes(value) ? t('rules.minimum.atLeast', { severity: t(`Severity.${value}`) }) : t('rules.unknown', { code: value });
};

const names = (codes, name, empty) => (codes.length ? formatList(codes.map(name)) : t(empty));
const hazardLabel = (type) => nameOf(reference.hazards.find((x) => x.type === type), type);
const districtLabel = (code) => nameOf(reference.districts.find((d) => d.code === code), code);
const agencyLabel = (code) => nameOf(reference.agencies.find((a) => a.code === code), code);

/** The summary's parts (replaceChildren would write a null as text, so those are left out here). */
function summaryParts(rule, index) {
  return [
    h('span', { class: 'rule-title' }, `${index + 1}. `, h('bdi', { text: rule.id || t('rules.noId'), attrs: { dir: 'ltr' } })),
    ruleErrors.has(rule.key) ? h('span', { class: 'tag off', text: t('rules.invalid') }) : null,
    rule.description ? h('span', { class: 'rule-line', text: rule.description, attrs: { dir: 'auto' } }) : null,
    h('span', {
      class: 'rule-line muted',
      text: t('rules.summary', {
        hazards: names(rule.hazards, hazardLabel, 'rules.summary.anyHazard'),
        severity: minimumLabel(rule.minimumSeverity),
        districts: names(rule.districts, districtLabel, 'rules.summary.everywhere'),
        agencies: names(rule.agencies, agencyLabel, 'rules.summary.nobody'),
      }),
    }),
  ].filter(Boolean);
}

const errorsOf = (rule, field) => ruleErrors.get(rule.key)?.get(field.toLowerCase());
const errorLine = (id, messages) => h('p', { class: 'field-error', text: messages?.join(' ') ?? '', attrs: { id } });

function textField(rule, prefix, field, attrs) {
  const id = `${prefix}-${field}`;
  const problems = errorsOf(rule, field);
  return h('div', { class: 'field' },
    h('label', { text: t(`rules.field.${field}`), attrs: { for: id } }),
    h('input', {
      attrs: { id, name: field, value: rule[field], autocomplete: 'off', 'aria-describedby': `err-${id}`, 'aria-invalid': problems ? 'true' : null, ...attrs },
      on: { input: (event) => { rule[field] = event.target.value; edited(rule); } },
    }),
    errorLine(`err-${id}`, problems));
}

function severityField(rule, prefix) {
  const id = `${prefix}-minimumSeverity`;
  const problems = errorsOf(rule, 'minimumSeverity');
  const values = MINIMUMS.includes(rule.minimumSeverity) ? MINIMUMS : [...MINIMUMS, rule.minimumSeverity];
  return h('div', { class: 'field' },
    h('label', { text: t('rules.field.minimumSeverity'), attrs: { for: id } }),
    h('select', {
      attrs: { id, name: 'minimumSeverity', 'aria-describedby': `err-${id}`, 'aria-invalid': problems ? 'true' : null },
      on: { change: (event) => { rule.minimumSeverity = event.target.value; edited(rule); } },
    }, values.map((value) => h('option', { text: minimumLabel(value), attrs: { value, selected: value === rule.minimumSeverity } }))),
    errorLine(`err-${id}`, problems));
}

/** A multi-select as a group of checkboxes: each choice has its own label, and Tab and Space work as everywhere. */
function checkGroup(rule, prefix, field, choices) {
  const id = `${prefix}-${field}`;
  const known = new Set(choices.map(([value]) => value));
  // Codes this console does not know (from an imported file) stay on the rule, ticked, so the hub can name them.
  const unknown = rule[field].filter((value) => !known.has(value)).map((value) => [value, t('rules.unknown', { code: value })]);
  const problems = errorsOf(rule, field);
  return h('fieldset', { class: problems ? 'check-group invalid' : 'check-group', attrs: { id, 'aria-describedby': `err-${id}` } },
    h('legend', { text: t(`rules.field.${field}`) }),
    h('div', { class: 'check-grid' }, [...choices, ...unknown].map(([value, label]) => h('label', {},
      h('input', {
        attrs: { type: 'checkbox', name: field, value, checked: rule[field].includes(value) },
        on: { change: (event) => toggle(rule, field, value, event.target.checked) },
      }),
      h('span', { text: label })))),
    errorLine(`err-${id}`, problems));
}

function ruleItem(rule, index) {
  const prefix = `rule-${rule.key}`;
  const summaryId = `${prefix}-summary`;
  const button = (key, className, handler, disabled = false) => h('button', {
    text: t(key), class: className, attrs: { type: 'button', 'aria-describedby': summaryId, disabled }, on: { click: handler },
  });
  const details = h('details', { attrs: { open: rule.open || ruleErrors.has(rule.key) }, on: { toggle: (event) => { rule.open = event.target.open; } } },
    h('summary', { attrs: { id: summaryId } }, ...summaryParts(rule, index)),
    h('div', { class: 'rule-body' },
      h('div', { class: 'grid' }, textField(rule, prefix, 'id', { dir: 'ltr', maxlength: 60 }), severityField(rule, prefix)),
      textField(rule, prefix, 'description', { dir: 'auto', maxlength: 500 }),
      checkGroup(rule, prefix, 'hazards', reference.hazards.map((x) => [x.type, nameOf(x)])),
      checkGroup(rule, prefix, 'districts', reference.districts.map((d) => [d.code, nameOf(d)])),
      checkGroup(rule, prefix, 'agencies', alertableAgencies(rule.agencies ?? []).map((a) => [a.code, nameOf(a)])),
      errorLine(`err-${prefix}`, errorsOf(rule, ''))));
  return h('li', { class: ruleErrors.has(rule.key) ? 'rule invalid' : 'rule', data: { key: rule.key, ruleId: rule.id } },
    details,
    h('div', { class: 'actions' },
      button('rules.up', 'rule-up', () => move(rule, -1), index === 0),
      button('rules.down', 'rule-down', () => move(rule, 1), index === draft.length - 1),
      button('rules.remove', 'rule-remove', () => remove(rule))));
}

const itemOf = (rule) => $(`#rules-list li[data-key="${rule.key}"]`);

/** After typing or ticking: the rule's summary follows without drawing the list again (focus stays put). */
function edited(rule) {
  const item = itemOf(rule);
  item.dataset.ruleId = rule.id;
  $('summary', item).replaceChildren(...summaryParts(rule, draft.indexOf(rule)));
  markDirty();
}

function toggle(rule, field, value, ticked) {
  // Ticking adds at the end and unticking removes, so the other codes keep their order: the history counts a
  // rule whose lists were only reordered as changed.
  rule[field] = ticked ? [...rule[field].filter((v) => v !== value), value] : rule[field].filter((v) => v !== value);
  edited(rule);
}

function focusIn(rule, selector) {
  const item = itemOf(rule);
  const target = $(selector, item);
  (target && !target.disabled ? target : $('.actions button:not([disabled])', item)).focus();
}

function move(rule, step) {
  const from = draft.indexOf(rule);
  const to = from + step;
  if (to < 0 || to >= draft.length) return;
  draft.splice(from, 1);
  draft.splice(to, 0, rule);
  markDirty();
  render();
  focusIn(rule, step < 0 ? '.rule-up' : '.rule-down');
}

function remove(rule) {
  const index = draft.indexOf(rule);
  draft.splice(index, 1);
  ruleErrors.delete(rule.key);
  markDirty();
  render();
  const next = draft[index] ?? draft[index - 1];
  if (next) focusIn(next, '.rule-remove');
  else $('#rules-add').focus();
}

function add() {
  const rule = toDraft({ minimumSeverity: 'Minor' });
  rule.open = true;
  draft.push(rule);
  markDirty();
  render();
  $(`#rule-${rule.key}-id`).focus();
}

// ---- Preview ------------------------------------------------------------------------------------------------

function options(select, values, label) {
  const value = select.value;
  select.replaceChildren(h('option', { text: t('report.choose'), attrs: { value: '' } }),
    ...values.map((v) => h('option', { text: label(v), attrs: { value: v } })));
  select.value = value;
}

function fillPreviewChoices() {
  options($('#rp-hazard'), reference.hazards.map((x) => x.type), hazardLabel);
  options($('#rp-severity'), SEVERITIES.filter((s) => s !== 'Unknown'), (s) => t(`Severity.${s}`));
  options($('#rp-district'), reference.districts.map((d) => d.code), districtLabel);
}

function previewIncident() {
  const incident = { hazard: $('#rp-hazard').value, severity: $('#rp-severity').value, district: $('#rp-district').value };
  return incident.hazard && incident.severity && incident.district ? incident : null;
}

// Typing in a rule asks once the typing stops, not at every key.
const previewSoon = debounce(() => refreshPreview(), 300);

/** The hub's objections to a proposed set, each with the rule it names, for the preview's one line. */
function describeProblems(problem) {
  return Object.entries(problem.errors ?? {}).map(([name, messages]) => {
    const match = RULE_KEY.exec(name);
    return match ? `${t('rules.rule', { n: Number(match[1]) + 1 })}: ${messages.join(' ')}` : messages.join(' ');
  }).join(' ') || problem.detail || problem.title;
}

async function refreshPreview() {
  const incident = previewIncident();
  const asked = ++previewAsked;
  if (!incident) return showPreview({ state: 'incomplete' });
  let next;
  try {
    // Beside the rules in force while the editor differs from them, so the edit's effect shows.
    const [proposed, current] = await Promise.all([
      post('/api/routing/preview', { ...incident, rules: draft.map(toRule) }),
      dirty ? post('/api/routing/preview', incident) : null,
    ]);
    next = { state: 'ready', proposed, current };
  } catch (error) {
    if (!(error instanceof ProblemError)) next = { state: 'unavailable' };
    else if (error.status === 400) next = { state: 'invalid', detail: describeProblems(error) };
    else next = { state: 'refused', detail: error.detail || error.title };
  }
  // An answer to an older question must not overwrite the answer to the current one.
  if (asked === previewAsked) showPreview(next);
}

function showPreview(next) {
  preview = next;
  drawPreview();
}

const PREVIEW_TEXT = { incomplete: 'preview.incomplete', unavailable: 'rules.preview.unavailable', invalid: 'rules.preview.invalid', refused: 'preview.refused' };

function drawPreview() {
  const box = $('#rules-preview');
  box.dataset.state = preview.state;
  if (preview.state !== 'ready') {
    box.replaceChildren(h('p', { class: preview.state === 'incomplete' ? 'hint' : 'field-error', text: t(PREVIEW_TEXT[preview.state], { detail: preview.detail }) }));
    return;
  }
  const { proposed, current } = preview;
  const before = new Set((current ?? proposed).agencies.map((a) => a.agency));
  const now = new Set(proposed.agencies.map((a) => a.agency));
  const dropped = (current?.agencies ?? []).filter((a) => !now.has(a.agency));
  box.replaceChildren(...[
    h('p', { text: t(proposed.fallback ? 'preview.fallback' : 'preview.alerts') }),
    h('ul', { class: 'chips' }, proposed.agencies.map((a) => h('li', { class: before.has(a.agency) ? 'chip' : 'chip new', data: { agency: a.agency, rule: a.ruleId } },
      nameOf(a), ' · ', h('bdi', { text: a.ruleId, attrs: { dir: 'ltr' } }),
      before.has(a.agency) ? null : h('span', { class: 'tag on', text: t('rules.preview.new') })))),
    dropped.length ? h('p', { class: 'dropped', text: t('rules.preview.dropped', { agencies: formatList(dropped.map((a) => nameOf(a))) }) }) : null,
  ].filter(Boolean));
}

// ---- Saving, export and import ------------------------------------------------------------------------------

function clearSaveErrors() {
  const hadRuleErrors = ruleErrors.size > 0;
  ruleErrors = new Map();
  $('#err-rules-reason').textContent = '';
  $('#rules-reason').removeAttribute('aria-invalid');
  $('#rules-save-result').textContent = '';
  $('#rules-conflict').hidden = true;
  if (hadRuleErrors) render();
}

/** A 400 names bad rules as rules[i].field (or, for JSON the hub could not read, $.rules[i].field[j]). */
function showSaveErrors(problem) {
  const other = [];
  let reason = null;
  for (const [name, messages] of Object.entries(problem.errors ?? {})) {
    const match = RULE_KEY.exec(name);
    const rule = match ? draft[Number(match[1])] : null;
    if (rule) {
      const field = (match[2] ?? '').toLowerCase();
      const at = RULE_FIELDS.includes(field) ? field : '';
      const fields = ruleErrors.get(rule.key) ?? new Map();
      fields.set(at, [...(fields.get(at) ?? []), ...messages]);
      ruleErrors.set(rule.key, fields);
    } else if (fieldKey(name) === 'reason') {
      reason = messages;
    } else {
      other.push(...messages);
    }
  }
  if (reason) {
    $('#err-rules-reason').textContent = reason.join(' ');
    $('#rules-reason').setAttribute('aria-invalid', 'true');
  }
  // Rules with problems are drawn open, their fields marked, each message beside its field.
  render();
  $('#rules-save-result').textContent = ruleErrors.size || reason ? [t('form.invalid'), ...other].join(' ') : (problem.detail || problem.title);
  // Focus goes to the first thing to fix from the top: a marked field of the first bad rule, else the reason.
  const item = $('#rules-list li.invalid');
  const target = item ? ($('[aria-invalid="true"], .check-group.invalid input', item) ?? $('summary', item)) : (reason ? $('#rules-reason') : null);
  target?.focus();
}

async function save() {
  clearSaveErrors();
  const body = { rules: draft.map(toRule), reason: $('#rules-reason').value.trim() || null, expectedVersion: inForce.version };
  const json = JSON.stringify(body);
  pendingSave = pendingSave?.json === json ? pendingSave : { json, eventId: newId() };
  const button = $('#rules-save');
  button.disabled = true;
  try {
    const saved = await put('/api/admin/routing-rules', { ...body, eventId: pendingSave.eventId });
    $('#rules-reason').value = '';
    await load();
    $('#rules-status').textContent = '';
    $('#rules-save-result').textContent = t('rules.saved', { version: saved.version });
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) {
      // The hub's 409 words are about versions in general; this one has a way out: reload, or export first.
      $('#rules-conflict').hidden = false;
      $('#rules-conflict-reload').focus();
    } else if (error instanceof ProblemError) {
      showSaveErrors(error);
    } else {
      $('#rules-save-result').textContent = t('error.network');
    }
  } finally {
    button.disabled = false;
  }
}

function exportRules() {
  const text = `${JSON.stringify({ rules: draft.map(toRule) }, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: `routing-rules-v${inForce.version}${dirty ? '-edited' : ''}.json` } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function importRules(event) {
  const file = event.target.files[0];
  // Cleared, so choosing the same file again (after fixing it) reads it again.
  event.target.value = '';
  if (!file) return;
  let rules = null;
  try {
    rules = JSON.parse(await file.text()).rules;
  } catch {
    rules = null;
  }
  if (!Array.isArray(rules) || rules.some((rule) => rule === null || typeof rule !== 'object' || Array.isArray(rule))) {
    $('#rules-status').textContent = t('rules.import.bad', { file: file.name });
    return;
  }
  clearSaveErrors();
  draft = rules.map(toDraft);
  markDirty();
  render();
  $('#rules-status').textContent = t('rules.import.done', { n: rules.length, file: file.name });
}
