// The page's half of the hand-over of the worker the guide page's head started (early.js is the
// head's half, and sets window.__guideEarly): the engine client (client.js) adopts it with
// everything it said meanwhile. Apart from early.js so that a page's bundle carries only this half.

import { sameRuntime } from "./protocol.js";

/** The worker the head started, if it runs the same script with the same runtime files; taken
 * once, so a restart after a failure starts a new one. */
export function takeEarly(workerUrl, init) {
  if (typeof window !== "object") return null; // not a page
  window.__guideEarlyClaimed = true; // a deferred start (early.js) stands down
  const early = window.__guideEarly;
  if (!early || early.url !== workerUrl || !sameRuntime(early.init, init)) return null;
  delete window.__guideEarly;
  return early;
}
