// EventPipe capture's service worker: the app shell works offline. Pages and built assets are
// served from the cache when the network fails; the device API (/v1/) is never cached: the
// app keeps its own offline queue in IndexedDB.
const CACHE = "eventpipe-shell-v1";
const SHELL = ["/", "/manifest.webmanifest", "/icon.svg", "/icon-192.png"];

// The shell and the build's assets it names (hashed file names, read from the page itself), so
// that the app opens offline from its first visit on.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    const page = await (await cache.match("/")).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/v1/")
      || url.pathname.startsWith("/admin")) {
    return;
  }
  // network first (fresh app when online), the cached copy when offline
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request).then((cached) => cached
    || (event.request.mode === "navigate" ? caches.match("/") : Response.error()))));
});
