// What the register's screens share: a risk's title in the chosen language, its score and band, the mark of an
// overdue review (an icon and words, never colour alone), and who may change a risk.

import { h } from '../dom.js';
import { formatNumber, lang, t } from '../i18n.js';
import { riskBand } from '../vocabulary.js';

/** A risk's (or a heat map entry's) title in the chosen language. */
export const titleOf = (risk) => (lang() === 'ar' ? risk.titleAr : risk.titleEn);

/** "3 — Possible (1–5%)", "5 — Catastrophic". */
export const scoreLabel = (kind, n) => t('score.label', { n: formatNumber(n), label: t(`${kind}.${n}`) });

/** The score (likelihood x overall impact) as a mark in its band's colour, its band named in words. */
export function scoreMark(likelihood, impact) {
  const score = likelihood * impact;
  const band = riskBand(score);
  return h('span', { class: `score band-${band}`, data: { band }, text: t('register.score', { score: formatNumber(score), band: t(`band.${band}`) }) });
}

/** The mark of a review whose date has passed. */
export const overdueMark = () => h('span', { class: 'overdue-mark' },
  h('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', t('register.overdue'));

/** A code (a risk's, a plan's, a field's): always left to right, also inside Arabic text. */
export const code = (text) => h('bdi', { class: 'code', text, attrs: { dir: 'ltr' } });

/**
 * Whether the signed-in person may change this risk (the hub decides; this only spares them a button it would refuse):
 * administrators any risk, liaisons those their agency leads.
 */
export const mayChange = (session, risk) => session.role === 'Administrator' || (session.role === 'Liaison' && risk.leadAgency === session.agency);

/** Whether the signed-in person may enter or import risks at all. */
export const mayEnter = (session) => session.role === 'Administrator' || session.role === 'Liaison';
