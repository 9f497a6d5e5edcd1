// The service worker of the served page (registered by web/offline.js):
// keeps the page's own files in a cache, so that after the first visit
// Fördela opens and computes with no network.
//
// Cache first: a file in the cache is answered from it at once, and
// fetched again in the background so the next visit has the newest. The
// files are those index.html names (scripts, styles, icon), read from it
// when the worker installs so the list never drifts from the page, and
// the manifest with its icons. The cache name carries a version; a new version drops the
// caches of older ones.
'use strict';

const CACHE = 'fordela-v1';
const PAGE = 'index.html';
const MANIFEST = 'manifest.webmanifest'; // linked by web/offline.js

// Same-origin files a page or manifest refers to by a relative address.
function references(text) {
  const out = new Set();
  const pattern = /(?:src|href)="([^"#?:]+)"|"src"\s*:\s*"([^"#?:]+)"/g;
  for (let m; (m = pattern.exec(text));) out.add(m[1] || m[2]);
  return [...out];
}

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(PAGE, { cache: 'no-cache' });
  if (!page.ok) throw new Error(PAGE + ': ' + page.status);
  const files = references(await page.clone().text()).concat(MANIFEST);
  await cache.put(PAGE, page);
  await cache.put('./', await fetch(PAGE, { cache: 'no-cache' }));
  await cache.addAll(files.map((f) => new Request(f, { cache: 'no-cache' })));
  const icons = references(await (await cache.match(MANIFEST)).text());
  await cache.addAll(icons.map((f) => new Request(new URL(f, new URL(MANIFEST, self.location)).href, { cache: 'no-cache' })));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('fordela-') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreSearch: true });
    const fresh = fetch(request).then((response) => {
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    });
    if (!cached) return fresh;
    event.waitUntil(fresh.catch(() => {})); // offline: the cached copy stands
    return cached;
  })());
});
