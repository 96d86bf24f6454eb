// Server validation shown beside its field, for every form: a refusal's `errors` are keyed by field (camelCase
// over REST, a JSON path such as `$.district` when the body could not be read) and their messages are already in
// the chosen language, since every call sends Accept-Language.

import { ProblemError } from './api.js';
import { t } from './i18n.js';

/** The field an `errors` key names: letter case, a JSON path's leading "$." and a trailing index ignored. */
export const fieldKey = (name) => name.replace(/^\$\./, '').replace(/\[\d+\]$/, '').toLowerCase();

/** Each field's messages, by fieldKey. */
export function errorsByField(problem) {
  const byField = new Map();
  for (const [name, messages] of Object.entries(problem.errors ?? {})) {
    const key = fieldKey(name);
    byField.set(key, [...(byField.get(key) ?? []), ...messages]);
  }
  return byField;
}

/** fields: [{ name, control, error }] in the form's order. */
export function clearFieldErrors(fields, result) {
  for (const { control, error } of fields) {
    error.textContent = '';
    control.removeAttribute('aria-invalid');
  }
  if (result) result.textContent = '';
}

/**
 * Writes each field's messages beside it and marks it invalid; focus goes to the first field to fix from the top.
 * What names no field of the form is said in `result`, with the hub's words.
 */
export function showFieldErrors(problem, fields, result) {
  const byField = errorsByField(problem);
  let first = null;
  for (const { name, control, error } of fields) {
    const messages = byField.get(name.toLowerCase());
    if (!messages) continue;
    byField.delete(name.toLowerCase());
    error.textContent = messages.join(' ');
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const rest = [...byField.values()].flat();
  result.textContent = first ? [t('form.invalid'), ...rest].join(' ') : (problem.detail || problem.title);
  first?.focus();
  return first;
}

/**
 * Sends a whole form once (the button held down meanwhile) and says what the hub answered: a refusal's messages
 * beside their fields (`plain` first renames the hub's keys to the form's), a conflict with a version since replaced
 * to `onConflict`, anything else in `result`. `send` does the call and whatever follows a success.
 */
export async function submitWhole({ button, result, fields, send, plain = (problem) => problem, onConflict = null }) {
  clearFieldErrors(fields(), result);
  button.disabled = true;
  try {
    await send();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409 && onConflict) {
      onConflict();
    } else if (error instanceof ProblemError && error.status === 400) {
      showFieldErrors(plain(error), fields(), result);
    } else if (error instanceof ProblemError) {
      result.textContent = error.detail || error.title;
    } else {
      result.textContent = t('error.network');
    }
  } finally {
    button.disabled = false;
  }
}
