// The worker the guide page's head starts before anything else loads (starter.js), so Pyodide's
// downloads begin one round trip after the page instead of after the page's script has arrived
// and run; the page's engine client (client.js) adopts it with everything it said meanwhile.

import { FAILED, runtimeUrls, sameRuntime, startMessage } from "./protocol.js";

/** Start the worker for the runtime in the boot data `boot` and keep it for the page's script. */
export function startEarly(boot, siteBase) {
  const urls = runtimeUrls(boot, siteBase);
  const worker = new Worker(urls.worker, { type: "module" });
  const queue = [];
  worker.onmessage = (e) => queue.push(e.data || {});
  worker.onerror = (e) => {
    e.preventDefault();
    queue.push({ type: FAILED, code: "engine", detail: e.message || "the worker script could not be loaded" });
  };
  const init = startMessage(urls);
  worker.postMessage(init);
  window.__guideEarly = { url: urls.worker, init, worker, queue, started: performance.now() };
}

/** The worker the head started, if it runs the same script with the same runtime files; taken
 * once, so a restart after a failure starts a new one. */
export function takeEarly(workerUrl, init) {
  const early = typeof window === "object" ? window.__guideEarly : null;
  if (!early || early.url !== workerUrl || !sameRuntime(early.init, init)) return null;
  delete window.__guideEarly;
  return early;
}
