// The service worker of a page that works offline (the guide's, scope /veiviser/; the queue's,
// scope /prioritering/; the practice page's, scope /ovelser/) and the site's (scope /, every other
// page: what a result links to): a second visit and an offline visit start from the files of the
// build the user last saw, kept in one versioned cache per worker.
//
// - install: the page's files (the page, its scripts and styles: FILES, made by
//   site_build/browser/offline.py) go into the cache named for this build. The page registers this
//   worker only once the engine is ready, so every file is in the HTTP cache by then and the install
//   costs no download. (The site's worker lists the other pages, which the guide has not loaded: it
//   downloads them once, after the engine is ready. It also keeps the engine's runtime, since the
//   engine's worker, guide/worker.mjs, lies in its scope and not in a page's; and the snapshot,
//   OPTIONAL, if the page took it: from the HTTP cache alone, never downloaded for this.)
// - activate: every older build's cache is deleted; the new files take over at once.
// - fetch (same-origin GET only; nothing else is touched, and no answer ever passes through here,
//   since answers never leave the page): a file whose URL carries its version (`?v=`, the
//   versioned Pyodide folder, the theme's hashed names) comes from the cache first and is kept
//   when fetched (the snapshot, where the worker took it); anything else (the page itself, the
//   search index) comes from the network first, with the cached copy when the network fails.

/* global VERSION, FILES, OPTIONAL, PREFIX */
// VERSION, FILES, OPTIONAL and PREFIX: the bundle's first lines (site_build/browser/offline.py): the
// build's version, the page's files as URLs relative to this file, the files kept only once the page
// has fetched them (the snapshots, the site's worker only), and the page's cache prefix.
const CACHE = PREFIX + VERSION;
// Only the build's own files are ever kept: a search's words (?h=), a practice hand-over (#sak=) or
// any other address never becomes an entry, so the cache holds files and nothing typed.
const LISTED = new Set([...FILES, ...OPTIONAL].map((f) => new URL(f, self.location.href).href));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((f) => new URL(f, self.location.href).href));
    await Promise.all(OPTIONAL.map(async (f) => {
      const url = new URL(f, self.location.href).href;
      try {
        const r = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
        if (r.ok) await cache.put(url, r);
      } catch {
        // not in the HTTP cache: kept when a page fetches it (keep, below)
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

function versioned(url) {
  return url.searchParams.has("v") || url.pathname.includes("/pyodide/v")
    || /\.[0-9a-f]{8}\.min\.(js|css)$/.test(url.pathname);
}

// What a request is kept and found under: a page by its path alone (its query and fragment are what
// someone typed or searched), a file by its whole URL (its ?v= is the build's).
function key(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  return url.href;
}

// The copy is stored beside the response, not before it: the page reads the body as it arrives
// (the wasm compiles while it streams, the worker counts the bytes for its progress).
function keep(event, cache, k, response) {
  if (response.ok && LISTED.has(k)) event.waitUntil(cache.put(k, response.clone()).catch(() => {}));
  return response;
}

async function cacheFirst(event, request) {
  const cache = await caches.open(CACHE);
  const k = key(request);
  const hit = await cache.match(k);
  if (hit) return hit;
  // A request made "only-if-cached" stays so: the HTTP cache or an error, never a download.
  return keep(event, cache, k, await fetch(request));
}

async function networkFirst(event, request) {
  const cache = await caches.open(CACHE);
  const k = key(request);
  try {
    return keep(event, cache, k, await fetch(request));
  } catch (err) {
    const hit = await cache.match(k);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(versioned(url) ? cacheFirst(event, request) : networkFirst(event, request));
});
