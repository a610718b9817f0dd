// Keeps a page's files for the next visit, and for a visit without a network: the service
// worker sw.js beside this file (built into the page's folder, veiviser/sw.js, prioritering/sw.js
// or ovelser/sw.js, by site_build/browser/offline.py, with its list of files; folder "" is the
// site's own sw.js, which keeps every other page, the ones a result links to, and the engine's
// runtime). Registered only once the engine is ready, so it never competes with the first visit's
// downloads and finds every file in the HTTP cache. It keeps files only; nothing typed passes
// through it.

export function keepForNextVisit(siteBase, folder = "veiviser/") {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const scope = new URL(folder, siteBase);
  navigator.serviceWorker.register(new URL("sw.js", scope), { scope: scope.href }).catch((err) => {
    console.info("Kunne ikke ta vare på sidens filer til neste besøk.", err && err.message);
  });
}

/** A page that starts the engine: its own worker, and the site's, which keeps the engine's runtime
 * (the engine's worker, guide/worker.mjs, lies in the site's scope, not the page's: offline.py). */
export function keepEngineForNextVisit(siteBase, folder) {
  keepForNextVisit(siteBase, folder);
  keepForNextVisit(siteBase, "");
}
