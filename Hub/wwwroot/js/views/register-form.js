// Entering a risk or changing one: the whole risk on one form, as the hub records it, with the reason a change of
// the likelihood or of any impact must give. The hub judges everything: its messages appear beside their fields in
// the chosen language (forms.js), a change made from a version someone else has since replaced is offered for
// reload, and a refusal names why.

import { ProblemError, get, post, put } from '../api.js';
import { $, h } from '../dom.js';
import { clearFieldErrors, submitWhole } from '../forms.js';
import { nameOf, t } from '../i18n.js';
import { reference } from '../reference.js';
import { CONFIDENCES, IMPACT_DIMENSIONS, SCORES, THEMES } from '../vocabulary.js';
import { scoreLabel } from './register-common.js';

const TEXTS = ['code', 'titleAr', 'titleEn', 'scenarioAr', 'scenarioEn', 'controlsAr', 'controlsEn', 'nextReview'];

let session = null;
// The risk as it stood when the form was filled (its view: risk, version), or null while entering a new one.
let editing = null;
let hooks = { saved() {}, cancel() {} };

/** hooks: saved(riskId, message) once the hub has it; cancel(editing) to leave the form. */
export function initRiskForm(signedIn, next) {
  session = signedIn;
  hooks = next;
  fillChoices();
  $('#risk-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('#risk-cancel').addEventListener('click', () => hooks.cancel(editing));
  $('#risk-conflict-reload').addEventListener('click', reloadLatest);
}

export function relabelRiskForm() {
  fillChoices();
  drawHeading();
}

/** Each field the hub may name, in the form's order, so focus goes to the first to fix from the top. */
function formFields() {
  const one = (name, id = name) => ({ name, control: $(`#r-${id}`), error: $(`#err-r-${id}`) });
  const group = (name) => ({ name, control: $(`#r-${name} input`) ?? $(`#r-${name}`), error: $(`#err-r-${name}`) });
  return [
    one('code'), one('hazard'), one('theme'), one('titleAr'), one('titleEn'), one('scenarioAr'), one('scenarioEn'),
    one('likelihood'), one('confidence'), one('nextReview'),
    { name: 'impacts', control: $(`#r-impact-${IMPACT_DIMENSIONS[0]}`), error: $('#err-r-impacts') },
    ...IMPACT_DIMENSIONS.map((d) => one(`impacts.${d}`, `impact-${d}`)),
    one('leadAgency'), group('supportingAgencies'), group('districts'),
    one('controlsAr'), one('controlsEn'), one('plans'), one('reason'),
  ];
}

function options(select, values, label) {
  const value = select.value;
  select.replaceChildren(h('option', { text: t('report.choose'), attrs: { value: '' } }),
    ...values.map((v) => h('option', { text: label(v), attrs: { value: String(v) } })));
  select.value = value;
}

function checkboxes(fieldset, items, name) {
  const checked = new Set([...fieldset.querySelectorAll('input:checked')].map((i) => i.value));
  fieldset.querySelector('.check-grid').replaceChildren(...items.map((item) => {
    const id = `r-${name}-${item.code}`;
    const box = h('input', { attrs: { id, type: 'checkbox', name, value: item.code } });
    // The state, not the attribute: resetting the form must clear it, not bring back what was ticked before a relabel.
    box.checked = checked.has(item.code);
    return h('label', { attrs: { for: id } }, box, nameOf(item));
  }));
}

function fillChoices() {
  options($('#r-hazard'), reference.hazards.map((x) => x.type), (type) => nameOf(reference.hazards.find((x) => x.type === type)));
  options($('#r-theme'), THEMES, (theme) => t(`Theme.${theme}`));
  options($('#r-likelihood'), SCORES, (n) => scoreLabel('likelihood', n));
  options($('#r-confidence'), CONFIDENCES, (c) => t(`Confidence.${c}`));
  // A liaison enters and changes only what their agency leads: theirs is the one lead the form offers.
  const leads = session.role === 'Liaison' ? reference.agencies.filter((a) => a.code === session.agency) : reference.agencies;
  options($('#r-leadAgency'), leads.map((a) => a.code), (agency) => nameOf(reference.agencies.find((a) => a.code === agency)));
  $('#hint-r-leadAgency').hidden = session.role !== 'Liaison';
  checkboxes($('#r-supportingAgencies'), reference.agencies, 'supportingAgencies');
  checkboxes($('#r-districts'), reference.districts, 'districts');
  const grid = $('#r-impacts-grid');
  const values = Object.fromEntries(IMPACT_DIMENSIONS.map((d) => [d, $(`#r-impact-${d}`)?.value ?? '']));
  grid.replaceChildren(...IMPACT_DIMENSIONS.map((d) => h('div', { class: 'field' },
    h('label', { text: t(`dimension.${d}`), attrs: { for: `r-impact-${d}` } }),
    h('select', { attrs: { id: `r-impact-${d}`, name: d, 'aria-describedby': `err-r-impact-${d}` } }),
    h('p', { class: 'field-error', attrs: { id: `err-r-impact-${d}` } }))));
  for (const d of IMPACT_DIMENSIONS) {
    options($(`#r-impact-${d}`), SCORES, (n) => scoreLabel('impact', n));
    $(`#r-impact-${d}`).value = values[d];
  }
}

function drawHeading() {
  $('#risk-form-heading').textContent = editing
    ? t('risk.form.edit', { code: editing.risk.code, version: editing.version })
    : t('risk.form.new');
}

function clear() {
  $('#risk-form').reset();
  clearFieldErrors(formFields(), $('#risk-form-result'));
  $('#risk-conflict').hidden = true;
}

/** An empty form for a new risk. */
export function newRisk() {
  editing = null;
  clear();
  $('#r-code').disabled = false;
  if (session.role === 'Liaison') $('#r-leadAgency').value = session.agency;
  drawHeading();
  $('#r-code').focus();
}

function fill(risk) {
  for (const name of TEXTS) $(`#r-${name}`).value = risk[name] ?? '';
  $('#r-hazard').value = risk.hazard;
  $('#r-theme').value = risk.theme;
  $('#r-likelihood').value = String(risk.likelihood);
  $('#r-confidence').value = risk.confidence;
  $('#r-leadAgency').value = risk.leadAgency;
  for (const d of IMPACT_DIMENSIONS) $(`#r-impact-${d}`).value = String(risk.impacts[d]);
  for (const [name, codes] of [['supportingAgencies', risk.supportingAgencies], ['districts', risk.districts]]) {
    for (const box of document.querySelectorAll(`#r-${name} input`)) box.checked = codes.includes(box.value);
  }
  $('#r-plans').value = risk.plans.join(', ');
}

/** The form filled with a risk as it stands (its view from the hub: risk, version), to change it. */
export function editRisk(view) {
  editing = view;
  clear();
  fill(view.risk);
  // A risk's code never changes (the hub refuses it): its id derives from it.
  $('#r-code').disabled = true;
  drawHeading();
  $('#r-titleAr').focus();
}

const numberOrNull = (value) => (value === '' ? null : Number(value));

/** The whole risk as the form has it; what is left empty is sent empty, for the hub to name. */
function readForm() {
  const text = (name) => $(`#r-${name}`).value.trim() || null;
  const scores = IMPACT_DIMENSIONS.map((d) => numberOrNull($(`#r-impact-${d}`).value));
  const checked = (name) => [...document.querySelectorAll(`#r-${name} input:checked`)].map((box) => box.value);
  return {
    code: text('code'),
    hazard: $('#r-hazard').value || null,
    theme: $('#r-theme').value || null,
    titleAr: text('titleAr'),
    titleEn: text('titleEn'),
    scenarioAr: text('scenarioAr'),
    scenarioEn: text('scenarioEn'),
    districts: checked('districts'),
    likelihood: numberOrNull($('#r-likelihood').value),
    // Every dimension or none: the hub then says the impacts are required, rather than that a number is missing.
    impacts: scores.includes(null) ? null : Object.fromEntries(IMPACT_DIMENSIONS.map((d, i) => [d, scores[i]])),
    confidence: $('#r-confidence').value || null,
    leadAgency: $('#r-leadAgency').value || null,
    supportingAgencies: checked('supportingAgencies'),
    controlsAr: text('controlsAr'),
    controlsEn: text('controlsEn'),
    plans: $('#r-plans').value.split(/[\s,;،]+/).filter(Boolean),
    nextReview: $('#r-nextReview').value || null,
    reason: text('reason'),
  };
}

/** A change's fields are named inside the risk (`risk.Likelihood`, `$.risk.likelihood`): the form names them plainly. */
function plainFields(problem) {
  const errors = Object.fromEntries(Object.entries(problem.errors).map(([key, messages]) => [key.replace(/^(\$\.)?risk\./i, ''), messages]));
  return { errors, detail: problem.detail, title: problem.title };
}

function save() {
  $('#risk-conflict').hidden = true;
  const risk = readForm();
  return submitWhole({
    button: $('#risk-save'),
    result: $('#risk-form-result'),
    fields: formFields,
    plain: plainFields,
    async send() {
      const saved = editing
        ? await put(`/api/register/${editing.risk.riskId}`, { risk, expectedVersion: editing.version })
        : await post('/api/register', risk);
      // A change that changes nothing is not recorded: the hub answers with the version as it was, at no position.
      const message = editing && saved.position === 0
        ? t('risk.form.unchanged', { code: risk.code, version: saved.version })
        : t('risk.form.saved', { code: risk.code, version: saved.version });
      await hooks.saved(saved.riskId, message);
    },
    onConflict: editing ? () => {
      $('#risk-conflict').hidden = false;
      $('#risk-conflict-reload').focus();
    } : null,
  });
}

/** After a conflict: the risk as it stands now, on the form; the reason given is kept. */
async function reloadLatest() {
  const reason = $('#r-reason').value;
  try {
    const latest = await get(`/api/register/${editing.risk.riskId}`);
    editRisk(latest.current);
    $('#r-reason').value = reason;
    $('#risk-form-result').textContent = t('risk.form.reloaded', { version: latest.current.version });
  } catch (error) {
    $('#risk-form-result').textContent = error instanceof ProblemError ? error.detail || error.title : t('error.network');
  }
}
