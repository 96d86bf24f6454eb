// The one banner for messages that belong to no single field.

import { NetworkError, ProblemError } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';

let timer = null;

export function showNotice(text, kind = 'info', shownFor = 8_000) {
  const notice = $('#notice');
  notice.textContent = text;
  notice.dataset.kind = kind;
  notice.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => { notice.hidden = true; }, shownFor);
}

export function showError(error) {
  if (error instanceof NetworkError) showNotice(t('error.network'), 'error');
  else if (error instanceof ProblemError) showNotice(error.detail || error.title, 'error');
  else showNotice(t('error.generic', { detail: error?.message ?? String(error) }), 'error');
}
