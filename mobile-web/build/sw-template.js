// Service worker: keeps the app shell on the phone so the rating page opens (and queues) without a network.
// Generated into dist/sw.js by build/service-worker.ts, which fills in VERSION and SHELL.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = `shell-${VERSION}`;
const DATA_CACHE = 'data-v1';

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== SHELL_CACHE && k !== DATA_CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return; // ratings are POSTed by the page, which keeps its own outbox
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL_CACHE, 3000));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(cacheFirst(request)); // content-hashed: never changes under the same name
  } else if (/^\/api\/(ratings\/links\/|projects|catalogue)/.test(url.pathname) && !request.headers.has('Authorization')) {
    // Public data only: a signed-in answer is never stored on a phone that someone else may use next.
    event.respondWith(networkFirst(request, DATA_CACHE, 0));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

/** Fresh when the network answers (within timeoutMs when given), else the copy kept from last time. */
async function networkFirst(request, cacheName, timeoutMs) {
  const cache = await caches.open(cacheName);
  const network = fetch(request).then(response => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const fallback = async () => {
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit || request.mode !== 'navigate') return hit;
    const path = new URL(request.url).pathname; // rating.html?t=… is served by the cached rating.html
    return cache.match(path.endsWith('/') ? `${path}index.html` : path);
  };
  try {
    if (!timeoutMs) return await network;
    const timer = new Promise(resolve => setTimeout(resolve, timeoutMs));
    const first = await Promise.race([network, timer.then(fallback)]);
    return first ?? await network;
  } catch (error) {
    const hit = await fallback();
    if (hit) return hit;
    throw error;
  }
}
