// Libya's outline, simplified to a few dozen points (longitude, latitude): the coast from Ras Ajdir
// to Sallum, then the land borders with Egypt, Sudan, Chad, Niger, Algeria and Tunisia. Drawn from
// the country's well-known border lines and coastal towns; accurate to a few kilometres, which is
// what a coordination overview needs. It ships with the console, so the map works with no network.
export const outline = [
  [11.56, 33.17], // Ras Ajdir, Tunisian border on the coast
  [12.08, 32.93], // Zuwara
  [12.73, 32.80], // Zawiya
  [13.19, 32.90], // Tripoli
  [13.80, 32.80],
  [14.26, 32.65], // Khoms
  [14.57, 32.48], // Zliten
  [15.09, 32.38], // Misrata
  [15.30, 32.15],
  [15.72, 31.55], // Buerat
  [16.59, 31.21], // Sirte
  [17.40, 31.08],
  [18.10, 30.80], // Bin Jawad
  [18.55, 30.45], // Ras Lanuf
  [19.20, 30.27],
  [19.58, 30.40], // Brega
  [20.00, 30.90],
  [20.07, 32.12], // Benghazi
  [20.55, 32.50],
  [20.95, 32.72], // Tolmeita
  [21.55, 32.92],
  [21.97, 32.92], // Susa
  [22.64, 32.76], // Derna
  [23.10, 32.60],
  [23.20, 32.25],
  [23.96, 32.08], // Tobruk
  [24.60, 31.95],
  [25.15, 31.65], // Sallum, Egyptian border on the coast
  [24.88, 31.00],
  [24.99, 29.25],
  [25.00, 22.00], // Egypt, Sudan, Libya
  [25.00, 20.00],
  [24.00, 20.00],
  [24.00, 19.50], // Sudan, Chad, Libya
  [15.98, 23.45], // Chad, Niger, Libya
  [14.98, 23.00],
  [13.55, 23.15],
  [11.99, 23.52], // Niger, Algeria, Libya
  [10.75, 24.55],
  [10.30, 24.60],
  [10.02, 25.33], // near Ghat
  [9.95, 26.50],
  [9.40, 26.90],
  [9.75, 27.80],
  [9.72, 29.00],
  [9.55, 30.23], // Algeria, Tunisia, Libya near Ghadames
  [10.22, 30.50],
  [10.30, 31.50],
  [10.95, 32.10],
  [11.50, 32.40],
  [11.56, 33.17],
];

/** Web Mercator at zoom 6 in pixels: the same plane map tiles use, so optional tiles line up. */
const ZOOM_PIXELS = 256 * 2 ** 6;

export function project(longitude, latitude) {
  const x = ((longitude + 180) / 360) * ZOOM_PIXELS;
  const sin = Math.sin((latitude * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * ZOOM_PIXELS;
  return [x, y];
}

export function unproject(x, y) {
  const longitude = (x / ZOOM_PIXELS) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / ZOOM_PIXELS;
  const latitude = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return [longitude, latitude];
}

export const TILE_ZOOM = 6;

/** The map's frame: Libya with a margin, as [minLon, minLat, maxLon, maxLat]. */
export const bounds = [8.8, 18.8, 26.2, 34.2];
