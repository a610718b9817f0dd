// The guide's Web Worker: boots the site's own Pyodide, unpacks the engine wheel, answers messages.
// Every message gets exactly one reply; any failure to start is reported, never swallowed.
//
// Messages to the page while it starts:
//   {type: "progress", loaded, total}  bytes of the runtime files received so far and expected in
//       all (as sent on the wire; total null when unknown), at most every PROGRESS_MS while bytes
//       arrive, and once when the downloads are done.
//   {type: "ready", python, fromSnapshot, bootMs}
//   {type: "failed", code, detail, message}  code: "wasm" (WebAssembly cannot run), "network" (a
//       file could not be fetched), "stall" (no byte arrived for STALL_MS while a download was
//       pending), "engine" (Python started but the engine did not); detail is technical (console).
// The worker, not the page, decides that a download has stalled: it sees every byte arrive.

// The build's facts (site_build/runtime.py fills this line in): the guide's standard-library
// archive, the minimal lock file and the size of each runtime file (stored, brotli, gzip).
const BUILD = null; // filled in by site_build/runtime.py

const PROGRESS_MS = 250;
// No byte for this long while a download is pending: give up (before the page's own 20 s stall
// timer, guide_ui/engine.js, so the page learns which file stalled).
const STALL_MS = 15000;
const SNAPSHOT_STALL_MS = 4000; // the snapshot is optional: drop it for the ordinary boot sooner
// The snapshot saves Python's start-up work (bench/README.md); take it only where its bytes are
// expected to arrive within this time at the link speed measured on the wasm download.
const SNAPSHOT_BUDGET_MS = 1500;
// …and only from a server on the local network: the snapshot saves a fraction of a second of
// Python's start-up (bench, 2 cores: loopback 1.42 s against 1.60 s for the ordinary boot) and
// costs 3.1 MB, which already broke even at 50 Mbit/s with 20 ms round trips (1.78 against
// 1.80 s), where the guide, which can only start it once the wasm has arrived, lost 0.2 s. The
// wasm's rate cannot tell a local server from a 50 Mbit/s link when the CPU is the bottleneck
// (both came to about 6 MB/s here); the round trip can: a file's first byte must come within
// this long of its request (a loaded loopback can miss it, and then boots the ordinary way).
const SNAPSHOT_LOCAL_MS = 15;

let bridge = null;
let booting = true;
let bootFailed = () => {}; // set by boot(): a required download failed or stalled
let downloadError = null; // the first required download that failed

class BootError extends Error {
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

function fail(err) {
  const code = err && err.code ? err.code : "engine";
  const detail = err && err.message ? err.message : String(err);
  self.postMessage({ type: "failed", code, detail, message: detail });
}

// ---- downloads: every runtime file is fetched once, read eagerly (so all of them download in
// parallel, whoever uses them later), counted for progress, and watched for stalls. Pyodide's own
// fetch calls get a clone of the same response.

const nativeFetch = self.fetch.bind(self);
const downloads = new Map(); // url → {response: Promise<Response>, ...}
let lastByteAt = performance.now();
let progressTimer = null;

function fileKey(url) {
  const name = new URL(url).pathname.split("/").pop();
  return name.endsWith(".whl") ? "wheel" : name;
}

function expectedWire(key) {
  const f = BUILD && BUILD.files[key];
  return f ? f.br : null;
}

// One download at a time where the order matters: a download given `after` starts once that one
// has at most LOOKAHEAD bytes left to arrive (or has ended), so the link never idles for a round
// trip between them and each file gets the whole link. The wasm comes first: it compiles while
// it streams, and while the standard library arrives the runtime is instantiated; downloading
// them side by side would only make both arrive at the end, with all the CPU work after it.
const LOOKAHEAD = 96 * 1024;

function whenNearlyDone(d) {
  return new Promise((resolve) => {
    const check = () => {
      const total = d.wire ?? expectedWire(d.key);
      if (d.done || (total && total - d.loaded <= LOOKAHEAD)) {
        d.waiters.delete(check);
        resolve();
      }
    };
    d.waiters.add(check);
    check();
  });
}

function track(url, { optional = false, cache = "default", after = null } = {}) {
  const known = downloads.get(url);
  if (known) return known;
  const d = {
    url, key: fileKey(url), optional, loaded: 0, decoded: 0, wire: null, done: false, waiters: new Set(),
    lastByteAt: performance.now(), startedAt: performance.now(), controller: new AbortController(),
  };
  const init = { signal: d.controller.signal, cache, ...(cache === "only-if-cached" ? { mode: "same-origin" } : {}) };
  const turn = after ? whenNearlyDone(after) : Promise.resolve();
  d.response = turn.then(() => {
    d.lastByteAt = d.startedAt = performance.now(); // a queued download is not stalled while it waits
    return nativeFetch(url, init);
  }).then(
    (r) => {
      const name = new URL(url).pathname.split("/").pop();
      if (!r.ok) throw new BootError("network", `Fant ikke ${d.key === "wheel" ? "motoren, " : ""}${name} (HTTP ${r.status})`);
      const length = Number(r.headers.get("content-length")) || null;
      const f = BUILD && BUILD.files[d.key];
      // Bytes on the wire per decoded byte: from Content-Length and the build's stored size.
      d.wire = length;
      d.ratio = length && f && r.headers.get("content-encoding") ? length / f.size : 1;
      count(d, r.clone());
      return r;
    },
    (err) => {
      d.done = true;
      for (const w of [...d.waiters]) w();
      if (err instanceof BootError) throw err;
      // An optional download (the snapshot) that fails only means the ordinary boot.
      const code = optional ? "optional" : d.stalled ? "stall" : "network";
      throw new BootError(code, `${url.split("?")[0]}: ${d.stalled ? "stanset" : err && err.message}`);
    },
  );
  d.response.catch((err) => {
    if (optional) return;
    downloadError ||= err;
    bootFailed(err);
  });
  downloads.set(url, d);
  return d;
}

async function count(d, response) {
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      d.decoded += value.byteLength;
      d.loaded = Math.round(d.decoded * d.ratio);
      d.lastByteAt = lastByteAt = performance.now();
      for (const w of [...d.waiters]) w();
      progressSoon();
    }
    if (d.wire) d.loaded = d.wire;
    d.doneAt = performance.now();
  } catch {
    // the consumer sees the same error on its own clone
  }
  d.done = true;
  for (const w of [...d.waiters]) w();
  progressSoon();
}

function progress() {
  progressTimer = null;
  if (!booting) return;
  let loaded = 0;
  let total = 0;
  for (const d of downloads.values()) {
    if (d.controller.signal.aborted) continue;
    loaded += d.loaded;
    const t = d.wire ?? expectedWire(d.key);
    total = total === null || t === null ? null : total + t;
  }
  self.postMessage({ type: "progress", loaded, total: total === null ? null : Math.max(total, loaded) });
}

function progressSoon() {
  if (progressTimer === null) progressTimer = setTimeout(progress, PROGRESS_MS);
}

// Pyodide fetches the wasm and the stdlib archive (and, without build facts, its lock file) with fetch(): give it the
// tracked response (a clone, so each caller reads its own copy).
self.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
  const d = downloads.get(url);
  return d ? d.response.then((r) => r.clone()) : nativeFetch(input, init);
};

// The link probe: the wasm's body (needed by both boots) must arrive within the time in which the
// snapshot's bytes would still pay, scaled by the two sizes. Its times come from Resource Timing
// (the network's own clock, first byte to last), so neither a busy worker thread nor a slow first
// byte makes the link look slow; the wasm shares the link with the other files, so the measured
// rate is if anything too low (the snapshot is skipped rather than taken in doubt).
function firstByteMs(e) {
  return e.responseStart - (e.requestStart || e.startTime);
}

async function wasmArrivesInTime(wasmURL, snapshotBytes, pageFirstByteMs) {
  const wasmBytes = expectedWire("pyodide.asm.wasm");
  if (!wasmBytes || !snapshotBytes) return true;
  // The page's own first byte (from the page's head) and Pyodide's two script files (imported
  // before this runs) tell the round trip at once: from a server that is not local, boot the
  // ordinary way without waiting for the wasm's last byte. The fastest of them counts, so one
  // answer delayed by a busy server or CPU does not decide.
  const firstBytes = ["pyodide.mjs", "pyodide.asm.mjs"]
    .map((name) => performance.getEntriesByName(new URL(name, wasmURL).href, "resource")[0])
    .filter((e) => e && e.transferSize > 0)
    .map(firstByteMs)
    .concat(Number.isFinite(pageFirstByteMs) ? [pageFirstByteMs] : []);
  if (firstBytes.length && Math.min(...firstBytes) > SNAPSHOT_LOCAL_MS) return false;
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

async function useSnapshot(snapshotURL, wasmURL, pageFirstByteMs) {
  if (!snapshotURL) return false;
  if (new URL(snapshotURL).hash === "#always") return true; // the benchmark's forced variant
  const c = self.navigator && navigator.connection;
  if (c && (c.saveData || /(^|-)(2g|3g)$/.test(c.effectiveType || ""))) return false;
  return wasmArrivesInTime(wasmURL, expectedWire("engine.snap"), pageFirstByteMs);
}

// A download that stops delivering bytes: the snapshot is dropped after SNAPSHOT_STALL_MS (the
// ordinary boot goes on), anything else fails the boot after STALL_MS.
function watchStalls(onStall) {
  const timer = setInterval(() => {
    const now = performance.now();
    for (const d of downloads.values()) {
      if (d.done || d.controller.signal.aborted) continue;
      if (d.optional && now - d.lastByteAt > SNAPSHOT_STALL_MS) {
        d.stalled = true;
        d.controller.abort();
        console.info(`Øyeblikksbildet kom ikke fram (ingen byte på ${SNAPSHOT_STALL_MS} ms); starter Python på vanlig måte.`);
      } else if (!d.optional && now - lastByteAt > STALL_MS) {
        d.stalled = true;
        d.controller.abort();
        onStall(new BootError("stall", `${d.url.split("?")[0]}: ingen byte på ${STALL_MS} ms`));
      }
    }
  }, 250);
  return () => clearInterval(timer);
}

// Pyodide 314 reports a failed WebAssembly instantiation (a missing or blocked .wasm) only with
// console.warn("wasm instantiation failed!") and then never settles; turn that into a failure.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (args[0] === "wasm instantiation failed!") {
        // A wasm file that never arrived is a network failure, not a WebAssembly one.
        reject(downloadError || new BootError("wasm", "Python-kjøretiden (WebAssembly) kunne ikke lastes"));
      }
    };
  });
}

async function bytesOf(d) {
  const r = await d.response;
  return new Uint8Array(await r.clone().arrayBuffer());
}

// Restore Pyodide from the build-time memory snapshot (the engine already imported) where the
// link is fast enough; if that fails or stalls, or the link is slow, boot it the ordinary way.
async function startPython(loadPyodide, options, snapshotURL, wasmURL, stop, pageFirstByteMs) {
  const use = await useSnapshot(snapshotURL, wasmURL, pageFirstByteMs);
  if (use) {
    try {
      const snap = track(snapshotURL, { optional: true, cache: use === "if-cached" ? "only-if-cached" : "default" });
      const snapshot = bytesOf(snap);
      snapshot.catch(() => {});
      const py = await Promise.race([loadPyodide({ ...options, _loadSnapshot: snapshot }), stop]);
      return { py, fromSnapshot: true };
    } catch (err) {
      if (err && (err.code === "wasm" || err.code === "stall")) throw err;
      console.info("Øyeblikksbildet kunne ikke brukes; starter Python på vanlig måte.", err && err.message);
    }
  }
  return { py: await Promise.race([loadPyodide(options), stop]), fromSnapshot: false };
}

async function boot({ pyodide, wheel, snapshot, pageFirstByteMs = null }) {
  const t0 = performance.now();
  const stdLibURL = BUILD ? new URL(BUILD.stdlib, import.meta.url).href : undefined;
  // Every file both boots need is tracked now: the wasm starts at once, the stdlib archive and the
  // wheel after it (see LOOKAHEAD), the snapshot once it is chosen (startPython).
  const wasmURL = pyodide + "pyodide.asm.wasm";
  const wasm = track(wasmURL);
  // From a local server (the page's first byte within SNAPSHOT_LOCAL_MS) the link is not the
  // bottleneck, so one at a time would only serialise: everything at once (loopback A/B against
  // the order below, 12 runs each: ready 1.27 s against 1.30 s, first question 249 against 300 ms).
  const local = Number.isFinite(pageFirstByteMs) && pageFirstByteMs <= SNAPSHOT_LOCAL_MS;
  const stdlibFile = stdLibURL ? track(stdLibURL, { after: local ? null : wasm }) : null;
  // The lock file's package list is not needed (the engine loads no package): the build's own
  // minimal lock file saves a request. Without build facts, Pyodide fetches its own.
  if (!BUILD) track(pyodide + "pyodide-lock.json");
  const wheelFile = track(wheel, { after: local ? null : stdlibFile || wasm });
  let stopWatching = () => {};
  const stop = new Promise((_, reject) => {
    bootFailed = reject;
    stopWatching = watchStalls(reject);
  });
  stop.catch(() => {});
  const wasmFailed = wasmFailure();
  wasmFailed.catch(() => {});
  const halt = Promise.race([stop, wasmFailed]);
  halt.catch(() => {});
  try {
    const [{ loadPyodide }] = await Promise.race([
      Promise.all([import(pyodide + "pyodide.mjs"), import(pyodide + "pyodide.asm.mjs")]),
      halt,
    ]).catch((err) => {
      throw err instanceof BootError ? err : new BootError("network", `pyodide.mjs: ${err && err.message}`);
    });
    const options = {
      indexURL: pyodide, fullStdLib: false, ...(stdLibURL ? { stdLibURL } : {}),
      ...(BUILD && BUILD.lock ? { lockFileContents: BUILD.lock } : {}),
    };
    const { py, fromSnapshot } = await startPython(loadPyodide, options, snapshot, wasmURL, halt, pageFirstByteMs);
    let wheelBytes;
    try {
      wheelBytes = await Promise.race([bytesOf(wheelFile), halt]);
    } catch (err) {
      throw new BootError(err.code || "network", `Fant ikke motoren (${err.message})`);
    }
    // The snapshot holds memory, not files: the engine's data files come from the wheel.
    try {
      py.unpackArchive(wheelBytes, "wheel");
      bridge = py.pyimport("guide_engine.bridge");
      const ping = JSON.parse(bridge.handle(JSON.stringify({ op: "ping" })));
      if (!ping.ok) throw new Error(ping.error);
      progress();
      booting = false;
      self.postMessage({ type: "ready", python: ping.result.python, fromSnapshot, bootMs: performance.now() - t0 });
    } catch (err) {
      throw err instanceof BootError ? err : new BootError("engine", err && err.message ? err.message : String(err));
    }
  } finally {
    booting = false;
    stopWatching();
    downloads.clear(); // the responses kept for Pyodide's fetch calls can go
    self.fetch = nativeFetch;
  }
}

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    boot(msg).catch(fail);
  } else if (msg.type === "call") {
    let reply;
    try {
      reply = bridge
        ? JSON.parse(bridge.handle(JSON.stringify(msg.payload)))
        : { ok: false, error: "Motoren er ikke startet." };
    } catch (err) {
      reply = { ok: false, error: String(err && err.message ? err.message : err) };
    }
    self.postMessage({ type: "reply", id: msg.id, reply });
  }
};
