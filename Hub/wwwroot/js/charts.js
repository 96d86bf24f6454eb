// Charts drawn as plain SVG (no library, nothing fetched) and the printable reports' two ways out, shared by the
// evaluation and an exercise's after-action report.

import { sendFile } from './api.js';
import { h } from './dom.js';
import { formatNumber, lang, t } from './i18n.js';
import { showError } from './notice.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text != null) node.textContent = text;
  return node;
}

/** How long the acknowledged alerts took (the evaluation's spans), as columns in reading order (the first on the right in Arabic). */
export function distributionChart(spans) {
  const rtl = lang() === 'ar';
  const width = 64; const top = 16; const baseline = 100;
  const max = Math.max(1, ...spans.map((s) => s.count));
  const label = (s) => (s.toSeconds == null ? t('evaluation.span.over', { m: formatNumber(s.fromSeconds / 60) }) : t('evaluation.span.upTo', { m: formatNumber(s.toSeconds / 60) }));
  const summary = spans.map((s) => `${label(s)}: ${formatNumber(s.count)}`).join('، ');
  const chart = svg('svg', { viewBox: `0 0 ${spans.length * width} 120`, role: 'img', 'aria-label': `${t('evaluation.chart.distribution')}: ${summary}`, class: 'ev-columns' });
  spans.forEach((s, i) => {
    const x = (rtl ? spans.length - 1 - i : i) * width;
    const tall = ((baseline - top) * s.count) / max;
    chart.append(
      svg('rect', { x: x + 8, y: baseline - tall, width: width - 16, height: tall, class: 'fill' }),
      svg('text', { x: x + width / 2, y: baseline - tall - 3, 'text-anchor': 'middle' }, formatNumber(s.count)),
      svg('text', { x: x + width / 2, y: baseline + 14, 'text-anchor': 'middle' }, label(s)));
  });
  return chart;
}

/** A report's printable page in a window of its own, ready for the browser's print (or save as PDF). */
export function openPrintable(path) {
  // Opened at once, within the click, so no pop-up blocker stops it; filled when the page arrives.
  const view = window.open('', '_blank');
  // The report is the hub's own, encoded page with no script; still, it gets no handle back on the console and its session.
  if (view) view.opener = null;
  sendFile('GET', path).then(async (file) => {
    const html = await file.blob.text();
    if (!view) return;
    view.document.open();
    view.document.write(html);
    view.document.close();
  }).catch((error) => { view?.close(); showError(error); });
}

/** A report's PDF as the hub prints it, saved as a file, with its progress said in <paramref name="status"/>. */
export async function downloadPdf(path, fallbackName, status) {
  status.textContent = t('evaluation.pdf.making');
  try {
    const file = await sendFile('GET', path);
    const name = file.name ?? fallbackName;
    const url = URL.createObjectURL(file.blob);
    const link = h('a', { attrs: { href: url, download: name } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = t('evaluation.pdf.done', { file: name });
  } catch (error) {
    status.textContent = '';
    throw error;
  }
}
