// Building elements without HTML strings: text from the log is always set as text, never parsed.

/** h('li', { class: 'x', text: 'y', data: { id: 1 }, attrs: { role: 'status' }, on: { click } }, ...children) */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text != null) node.textContent = props.text;
  for (const [key, value] of Object.entries(props.data ?? {})) node.dataset[key] = value;
  for (const [key, value] of Object.entries(props.attrs ?? {})) if (value != null && value !== false) node.setAttribute(key, value === true ? '' : value);
  for (const [event, handler] of Object.entries(props.on ?? {})) node.addEventListener(event, handler);
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Runs fn at most once per delay, after the last call (for live refreshes that come in bursts). */
export function debounce(fn, delay = 250) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), delay); };
}

export const severityBadge = (severity, label) => h('span', { class: `badge sev-${severity}`, text: label });
