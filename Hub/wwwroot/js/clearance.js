// Who is cleared for a restricted incident: a checkbox per agency (ticked: cleared) and a reason, as one form, for the
// duty office on the incident and for administrators on their clearances screen. The ticks are compared with the
// clearance as read, so the hub is sent what to grant and what to revoke; the hub's messages appear beside the boxes
// or the reason.

import { ProblemError, newId, post } from './api.js';
import { h } from './dom.js';
import { errorsByField } from './forms.js';
import { nameOf, t } from './i18n.js';
import { agencyName, alertableAgencies } from './reference.js';

/** Checkboxes of every agency that can be cleared in a fieldset, `checked` ticked; the boxes are named `name`. */
export function agencyChecks({ id, legend, name, checked, describedBy }) {
  return h('fieldset', { class: 'check-group', attrs: { id, 'aria-describedby': describedBy } },
    h('legend', { text: legend }),
    h('div', { class: 'check-grid' }, alertableAgencies(checked).map((agency) => h('label', {},
      h('input', { attrs: { type: 'checkbox', name, value: agency.code, checked: checked.includes(agency.code) } }),
      h('span', { text: nameOf(agency) })))));
}

/** The codes ticked in a fieldset made by agencyChecks. */
export const tickedIn = (fieldset) => [...fieldset.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);

/**
 * Fills `form` with the editor for an incident's clearance. incident: { incidentId, reference, clearedAgencies };
 * path: where the change is posted; onSaved(answer) once the hub took it. No expected version is sent: any entry on
 * the incident moves it, and the change is checked against the clearance as it stands (an agency granted that is
 * already cleared, or revoked that is not, is named by the hub).
 */
export function clearanceForm(form, { idPrefix, incident, path, onSaved }) {
  const agenciesId = `${idPrefix}-agencies`;
  const reasonId = `${idPrefix}-reason`;
  const checks = agencyChecks({ id: agenciesId, legend: t('clearance.agencies'), name: `${idPrefix}-agency`, checked: incident.clearedAgencies, describedBy: `err-${agenciesId}` });
  const reason = h('textarea', { attrs: { id: reasonId, rows: 2, maxlength: 1000, dir: 'auto', 'aria-describedby': `err-${reasonId}` } });
  const agenciesError = h('p', { class: 'field-error', attrs: { id: `err-${agenciesId}` } });
  const reasonError = h('p', { class: 'field-error', attrs: { id: `err-${reasonId}` } });
  const result = h('p', { class: 'result', attrs: { id: `${idPrefix}-result`, role: 'status' } });
  const button = h('button', { text: t('clearance.save'), class: 'primary', attrs: { type: 'submit', id: `${idPrefix}-save` } });
  form.replaceChildren(checks, agenciesError,
    h('div', { class: 'field' }, h('label', { text: t('clearance.reason'), attrs: { for: reasonId } }), reason, reasonError),
    result, h('div', { class: 'actions' }, button));
  // The same key while the same change is retried, a new one once it changes.
  let pending = null;
  form.onsubmit = async (event) => {
    event.preventDefault();
    const ticked = tickedIn(checks);
    const body = {
      grant: ticked.filter((code) => !incident.clearedAgencies.includes(code)),
      revoke: incident.clearedAgencies.filter((code) => !ticked.includes(code)),
      reason: reason.value.trim() || null,
    };
    const json = JSON.stringify(body);
    pending = pending?.json === json ? pending : { json, eventId: newId() };
    for (const [control, error] of [[checks, agenciesError], [reason, reasonError]]) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    }
    checks.classList.remove('invalid');
    result.textContent = '';
    button.disabled = true;
    try {
      const answer = await post(path, { ...body, eventId: pending.eventId });
      pending = null;
      result.textContent = t('clearance.saved', { ref: incident.reference, agencies: ticked.map(agencyName).join(document.documentElement.lang === 'ar' ? '، ' : ', ') });
      await onSaved(answer);
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        result.textContent = t('error.network');
        return;
      }
      // grant and revoke are both the boxes; what names neither field is said in the result line.
      const byField = errorsByField(error);
      const onBoxes = [...(byField.get('grant') ?? []), ...(byField.get('revoke') ?? [])];
      const onReason = byField.get('reason') ?? [];
      if (onBoxes.length) {
        agenciesError.textContent = onBoxes.join(' ');
        checks.classList.add('invalid');
      }
      if (onReason.length) {
        reasonError.textContent = onReason.join(' ');
        reason.setAttribute('aria-invalid', 'true');
      }
      result.textContent = onBoxes.length || onReason.length ? t('form.invalid') : (error.detail || error.title);
      (onBoxes.length ? checks.querySelector('input') : onReason.length ? reason : null)?.focus();
    } finally {
      button.disabled = false;
    }
  };
}
