// The worker the guide page's head starts before anything else loads (starter.js; from a local
// server, right after the first frame), so Pyodide's downloads begin one round trip after the page
// instead of after the page's script has arrived and run; the page's engine client (client.js)
// adopts it with everything it said meanwhile (adopt.js, the page's half).

import { whenPainted } from "../shared/painted.js";
import { FAILED, fromLocalServer, pageFirstByteMs, runtimeUrls, startMessage } from "./protocol.js";

/** Start the worker for the runtime in the boot data `boot` and keep it for the page's script: at
 * once, or, from a server on the local network, right after the page's first frame. There the
 * device, not the link, is what everything waits for, and the worker's start (Pyodide's scripts
 * and its wasm compiled) takes the cores the page needs for its first question; started after the
 * first frame it is ready as soon (loopback, alternating runs: 1,207 against 1,222 ms, medians of
 * 12) and the question comes sooner (228 against 301 ms; README, issue 26). Over a real link the downloads must start
 * at once (at 1.6 Mbit/s the later start cost 0.1 s), as they do for a page its service worker
 * answered (no first byte to tell the link by). */
export function startEarly(boot, siteBase) {
  if (firstFrameFirst()) {
    // Should the page's script ask for the engine first (adopt.js takeEarly), it starts the worker itself.
    whenPainted(() => {
      if (!window.__guideEarlyClaimed) start(boot, siteBase);
    });
  } else {
    start(boot, siteBase);
  }
}

/** Whether the worker should wait for the first frame: the page came from a local server
 * (protocol.js fromLocalServer) and is shown (a hidden tab draws no frame). */
function firstFrameFirst() {
  return fromLocalServer(pageFirstByteMs()) && document.visibilityState !== "hidden";
}

function start(boot, siteBase) {
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
