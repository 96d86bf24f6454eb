// An SVG map of Libya: the shipped outline, the district seats, and incidents coloured by severity.
// Optional tiles from a configured tile server sit underneath; without them nothing leaves the hub.

import { TILE_ZOOM, bounds, outline, project, unproject } from '../map/libya.js';
import { nameOf, t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  parent?.appendChild(node);
  return node;
}

/**
 * Draws the map into container. options.districts: reference list; options.tileUrl: optional;
 * options.onPick(lat, lon): makes the map a point picker; options.onSelect(incidentId): incident clicked.
 */
export function createMap(container, options) {
  const [x0, y1] = project(bounds[0], bounds[1]);
  const [x1, y0] = project(bounds[2], bounds[3]);
  const svg = el('svg', { viewBox: `${x0} ${y0} ${x1 - x0} ${y1 - y0}`, class: 'map', role: 'img' });
  svg.dataset.i18nLabel = 'map.label';
  svg.setAttribute('aria-label', t('map.label'));
  const tiles = el('g', { class: 'map-tiles' }, svg);
  el('polygon', { class: 'map-land', points: outline.map(([lon, lat]) => project(lon, lat).join(',')).join(' ') }, svg);
  const districtLayer = el('g', { class: 'map-districts' }, svg);
  const incidentLayer = el('g', { class: 'map-incidents' }, svg);
  const pointLayer = el('g', { class: 'map-point' }, svg);
  container.replaceChildren(svg);

  function drawDistricts() {
    districtLayer.replaceChildren();
    for (const d of options.districts) {
      const [x, y] = project(d.longitude, d.latitude);
      const group = el('g', { class: 'map-district', 'data-district': d.code }, districtLayer);
      el('circle', { cx: x, cy: y, r: 3.5 }, group);
      const label = el('text', { x: x + 5, y: y - 4 }, group);
      label.textContent = nameOf(d);
    }
  }

  if (options.tileUrl) {
    const [tx0, ty0] = [Math.floor(x0 / 256), Math.floor(y0 / 256)];
    const [tx1, ty1] = [Math.floor(x1 / 256), Math.floor(y1 / 256)];
    for (let tx = tx0; tx <= tx1; tx++) {
      for (let ty = ty0; ty <= ty1; ty++) {
        const href = options.tileUrl.replace('{z}', TILE_ZOOM).replace('{x}', tx).replace('{y}', ty);
        el('image', { href, x: tx * 256, y: ty * 256, width: 256, height: 256 }, tiles);
      }
    }
    svg.classList.add('with-tiles');
  }

  if (options.onPick) {
    svg.classList.add('pickable');
    svg.addEventListener('click', (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      const [lon, lat] = unproject(local.x, local.y);
      options.onPick(Math.round(lat * 10000) / 10000, Math.round(lon * 10000) / 10000);
    });
  }

  drawDistricts();

  return {
    redraw: drawDistricts,
    setPoint(lat, lon) {
      pointLayer.replaceChildren();
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        const [x, y] = project(lon, lat);
        el('circle', { cx: x, cy: y, r: 6, class: 'map-pin' }, pointLayer);
      }
    },
    setIncidents(rows, byCode) {
      incidentLayer.replaceChildren();
      for (const row of rows) {
        const seat = byCode.get(row.district);
        const lat = row.latitude ?? seat?.latitude;
        const lon = row.longitude ?? seat?.longitude;
        if (lat == null || lon == null) continue;
        const [x, y] = project(lon, lat);
        const dot = el('circle', { cx: x, cy: y, r: 7, class: `map-incident sev-${row.severity}`, tabindex: 0 }, incidentLayer);
        dot.dataset.incident = row.incidentId;
        const title = el('title', {}, dot);
        title.textContent = `${row.reference} ${row.title} (${t(`Severity.${row.severity}`)})`;
        const select = () => options.onSelect?.(row.incidentId);
        dot.addEventListener('click', select);
        dot.addEventListener('keydown', (event) => { if (event.key === 'Enter') select(); });
      }
    },
  };
}
