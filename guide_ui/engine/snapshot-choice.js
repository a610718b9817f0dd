// Whether the worker restores the build-time memory snapshot (the engine already imported) or
// boots Python the ordinary way: only where the snapshot's bytes are expected to pay.

import { fromLocalServer } from "./protocol.js";

// The snapshot saves Python's start-up work (bench/README.md); take it only where its bytes are
// expected to arrive within this time at the link speed measured on the wasm download.
const SNAPSHOT_BUDGET_MS = 1500;
// …and only from a server on the local network (protocol.js, fromLocalServer): the snapshot saves
// a fraction of a second of Python's start-up (bench, 2 cores: loopback 1.42 s against 1.60 s for
// the ordinary boot) and costs 3.1 MB, which already broke even at 50 Mbit/s with 20 ms round trips
// (1.78 against 1.80 s), where the guide, which can only start it once the wasm has arrived, lost
// 0.2 s. The wasm's rate cannot tell a local server from a 50 Mbit/s link when the CPU is the
// bottleneck (both came to about 6 MB/s here); the round trip can.

// The link probe: the wasm's body (needed by both boots) must arrive within the time in which the
// snapshot's bytes would still pay, scaled by the two sizes. Its times come from Resource Timing
// (the network's own clock, first byte to last), so neither a busy worker thread nor a slow first
// byte makes the link look slow; the wasm shares the link with the other files, so the measured
// rate is if anything too low (the snapshot is skipped rather than taken in doubt).
function firstByteMs(e) {
  return e.responseStart - (e.requestStart || e.startTime);
}

async function wasmArrivesInTime(downloads, wasmURL, pageFirstByteMs) {
  const wasmBytes = downloads.expected("pyodide.asm.wasm");
  const snapshotBytes = downloads.expected("engine.snap");
  if (!wasmBytes || !snapshotBytes) return true;
  // The page's own first byte (from the page's head) and Pyodide's two script files (imported
  // before this runs) tell the round trip at once: from a server that is not local, boot the
  // ordinary way without waiting for the wasm's last byte. The fastest of them counts, so one
  // answer delayed by a busy server or CPU does not decide.
  // A file a service worker answered (workerStart) says nothing of the link, only of this device.
  const firstBytes = ["pyodide.mjs", "pyodide.asm.mjs"]
    .map((name) => performance.getEntriesByName(new URL(name, wasmURL).href, "resource")[0])
    .filter((e) => e && e.transferSize > 0 && !(e.workerStart > 0))
    .map(firstByteMs)
    .concat(Number.isFinite(pageFirstByteMs) ? [pageFirstByteMs] : []);
  if (firstBytes.length && !fromLocalServer(Math.min(...firstBytes))) return false;
  const deadline = (SNAPSHOT_BUDGET_MS * wasmBytes) / snapshotBytes;
  const url = new URL(wasmURL).href;
  const started = performance.now();
  for (;;) {
    const e = performance.getEntriesByName(url, "resource")[0];
    // From the HTTP cache or the guide's service worker (a repeat visit): the link is unknown;
    // take the snapshot only if it is cached too.
    if (e && e.responseEnd > 0 && (e.workerStart > 0 || (e.transferSize === 0 && e.decodedBodySize > 0))) return "if-cached";
    if (e && e.responseEnd > 0) return e.responseEnd - (e.responseStart || e.startTime) <= deadline;
    const d = downloads.get(url);
    if (d && d.doneAt) return d.doneAt - d.startedAt <= deadline; // no Resource Timing entry
    if ((d && d.done) || performance.now() - Math.min(started, d ? d.startedAt : started) > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** true, false, or "if-cached" (take it only from the cache). */
export async function useSnapshot(downloads, snapshotURL, wasmURL, pageFirstByteMs) {
  if (!snapshotURL) return false;
  if (new URL(snapshotURL).hash === "#always") return true; // the benchmark's forced variant
  const c = self.navigator && navigator.connection;
  if (c && (c.saveData || /(^|-)(2g|3g)$/.test(c.effectiveType || ""))) return false;
  return wasmArrivesInTime(downloads, wasmURL, pageFirstByteMs);
}

/** A snapshot the site's service worker has kept (a repeat visit: guide_ui/offline/sw.js): read from
 * the cache at once, beside the wasm, instead of after the wasm has shown what the link is like,
 * since reading it costs no link (loopback, warm: ready 0.87 → 0.62 s, README). Resolves to null
 * where none is kept, else to { bytes } (a promise, so Pyodide starts while they are read). */
export function keptSnapshot(snapshotURL) {
  if (!snapshotURL || !self.caches) return Promise.resolve(null);
  return caches.match(snapshotURL).then(
    (r) => (r && r.ok ? { bytes: r.arrayBuffer().then((b) => new Uint8Array(b)) } : null),
    () => null,
  );
}
