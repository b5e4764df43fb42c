// The educator page's service worker: once the page has been loaded, it opens again without a
// network. It only ever answers from its own cache or passes a request on; it sends nothing
// anywhere by itself.
//
// `./build.sh www` writes VERSION (a hash of the built files) and FILES (every built file) below.
// A new build therefore changes this script; the browser then installs the new copy beside the old,
// which fills a fresh cache, takes over and deletes the old cache. A page already open keeps the
// files it started with until it is reloaded.
const VERSION = 'unbuilt';
const FILES = [];
const CACHE = `provenance-www-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const stale = (key) => key.startsWith('provenance-www-') && key !== CACHE;
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter(stale).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

// Cache first: every file of a build is cached whole at install, so the cache is never partly stale.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
