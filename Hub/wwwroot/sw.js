// The console's service worker: it keeps the console's shell (the page, its scripts, styles, pictures and map
// outlines) so a console reloaded without a link still opens, and it keeps nothing else. Answers of the API, the
// live feed, health and OpenAPI are never touched: they carry incident data for one user and go straight to the hub.
//
// Network first: with a link every file comes from the hub (revalidated, cheap with ETags), so an upgraded hub's
// console is what opens, and the copy kept is refreshed; only when the hub cannot be reached is the kept copy used.
// The cache's name carries a version: a new worker deletes every other, so no console outlives its upgrade.

const VERSION = 1;
const SHELL = `coordination-shell-v${VERSION}`;
const NEVER = ['/api/', '/hubs/', '/health/', '/openapi/'];

const isShell = (url) => url.origin === self.location.origin && !NEVER.some((prefix) => url.pathname.startsWith(prefix));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['/', '/index.html'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('coordination-') && name !== SHELL).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The page names what it loaded before this worker could see it (the first visit), so all of it is kept.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  const urls = [...new Set(event.data.urls)].map((href) => new URL(href, self.location.origin)).filter(isShell);
  event.waitUntil(caches.open(SHELL).then((cache) => Promise.all(urls.map((url) => fetch(url, { cache: 'no-cache' })
    .then((response) => (response.ok && response.type === 'basic' ? cache.put(url, response) : undefined))
    .catch(() => undefined)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !isShell(url)) return;
  event.respondWith(fromHub(request).catch(() => kept(request)));
});

async function fromHub(request) {
  const response = await fetch(request);
  // A proxy's answer that the hub is out of reach is a lost link too.
  if (response.status >= 502 && response.status <= 504) throw new Error(`HTTP ${response.status}`);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

async function kept(request) {
  const cache = await caches.open(SHELL);
  // A page opened at any address of the console is the console's one page.
  const match = await cache.match(request, { ignoreSearch: request.mode === 'navigate' })
    ?? (request.mode === 'navigate' ? (await cache.match('/')) ?? (await cache.match('/index.html')) : undefined);
  return match ?? Response.error();
}
