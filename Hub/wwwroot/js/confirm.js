// Asking before an action that cannot be undone from the console (disabling a user, dropping unsaved
// edits): the page's one modal <dialog>, which keeps focus inside, closes on Escape as a "no", and
// starts on Cancel so a stray Enter does nothing harmful.

import { $ } from './dom.js';

/** Resolves true when the person confirms, false when they cancel or press Escape. */
export function confirmAction(text) {
  const dialog = $('#confirm-dialog');
  $('#confirm-text').textContent = text;
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
