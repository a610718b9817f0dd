// Keeps the guide's files for the next visit, and for a visit without a network: the service
// worker sw.js beside this file (built into veiviser/sw.js by site_build/browser/offline.py, with
// its list of files). Registered only once the engine is ready, so it never competes with the first
// visit's downloads and finds every file in the HTTP cache. It keeps files only; nothing typed
// passes through it.

export function keepForNextVisit(siteBase) {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const scope = new URL("veiviser/", siteBase);
  navigator.serviceWorker.register(new URL("sw.js", scope), { scope: scope.href }).catch((err) => {
    console.info("Veiviseren: kunne ikke ta vare på filene til neste besøk.", err && err.message);
  });
}
