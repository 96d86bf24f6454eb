// Asking before an action that cannot be undone from the console (disabling a user, dropping unsaved
// edits): the page's one modal <dialog>, which keeps focus inside, closes on Escape as a "no", and
// starts on Cancel so a stray Enter does nothing harmful.

import { $ } from './dom.js';
import { t } from './i18n.js';

/**
 * Resolves true when the person confirms, false when they cancel or press Escape. The buttons say Confirm and
 * Cancel unless `labels` names what each does ({ confirm, cancel }).
 */
export function confirmAction(text, labels = {}) {
  const dialog = $('#confirm-dialog');
  $('#confirm-text').textContent = text;
  dialog.querySelector('button[value="confirm"]').textContent = labels.confirm ?? t('confirm.ok');
  dialog.querySelector('button[value="cancel"]').textContent = labels.cancel ?? t('confirm.cancel');
  dialog.returnValue = '';
  const back = document.activeElement;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      // Focus returns to where the question was asked from (the browser does not always do it).
      if (back?.isConnected) back.focus();
      resolve(dialog.returnValue === 'confirm');
    }, { once: true });
    dialog.showModal();
  });
}
