// The engine's Web Worker (served as guide/worker.mjs): boots the site's own Pyodide, unpacks the
// engine wheel and answers each call through guide_engine.bridge.handle. The messages are
// protocol.js's; any failure to start is reported with its code, never swallowed. The worker, not
// the page, decides that a download has stalled: it sees every byte arrive (downloads.js).

/* global BUILD */
// BUILD: the build's facts, the bundle's first line (site_build/browser/bundle.py): the guide's
// standard-library archive, the minimal lock file and the size of each runtime file (stored,
// brotli, gzip).

import { Downloads } from "./downloads.js";
import * as msg from "./protocol.js";
import { keptSnapshot, useSnapshot } from "./snapshot-choice.js";

let bridge = null;

function fail(err) {
  const code = err && err.code ? err.code : "engine";
  self.postMessage(msg.failed(code, err && err.message ? err.message : String(err)));
}

// Pyodide 314 reports a failed WebAssembly instantiation (a missing or blocked .wasm) only with
// console.warn("wasm instantiation failed!") and then never settles; turn that into a failure.
function wasmFailure(downloads) {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (args[0] === "wasm instantiation failed!") {
        // A wasm file that never arrived is a network failure, not a WebAssembly one.
        reject(downloads.failure || new msg.EngineError("wasm", "Python-kjøretiden (WebAssembly) kunne ikke lastes"));
      }
    };
  });
}

// Restore Pyodide from the build-time memory snapshot (the engine already imported) where one is
// kept or the link is fast enough; if that fails or stalls, or the link is slow, boot it the
// ordinary way.
async function startPython(downloads, loadPyodide, options, { snapshotURL, wasmURL, halt, pageFirstByteMs, kept }) {
  const keptCopy = await kept;
  const use = keptCopy || await useSnapshot(downloads, snapshotURL, wasmURL, pageFirstByteMs);
  if (use) {
    try {
      const cache = use === "if-cached" ? "only-if-cached" : "default";
      const snapshot = keptCopy ? keptCopy.bytes : downloads.bytes(downloads.track(snapshotURL, { optional: true, cache }));
      snapshot.catch(() => {});
      const py = await Promise.race([loadPyodide({ ...options, _loadSnapshot: snapshot }), halt]);
      return { py, fromSnapshot: true };
    } catch (err) {
      if (err && (err.code === "wasm" || err.code === "stall")) throw err;
      console.info("Øyeblikksbildet kunne ikke brukes; starter Python på vanlig måte.", err && err.message);
    }
  }
  return { py: await Promise.race([loadPyodide(options), halt]), fromSnapshot: false };
}

// What ends a boot early: a required download that failed or stalled, or a wasm that failed.
function haltOn(downloads) {
  let stopWatching = () => {};
  const stop = new Promise((_, reject) => {
    downloads.onFailure = reject;
    stopWatching = downloads.watchStalls(reject);
  });
  const halt = Promise.race([stop, wasmFailure(downloads)]);
  halt.catch(() => {});
  return { halt, stopWatching };
}

async function boot({ pyodide, wheel, snapshot, prepare = null, pageFirstByteMs = null }) {
  const t0 = performance.now();
  const downloads = new Downloads(BUILD.files);
  const stdLibURL = new URL(BUILD.stdlib, import.meta.url).href;
  // Every file both boots need is tracked now: the wasm starts at once, the stdlib archive and the
  // wheel after it (downloads.js, LOOKAHEAD), the snapshot once it is chosen (startPython).
  const wasmURL = pyodide + "pyodide.asm.wasm";
  const wasm = downloads.track(wasmURL);
  const kept = keptSnapshot(snapshot);
  // From a local server (msg.fromLocalServer: the page's first byte within 15 ms) the link is not the
  // bottleneck, so one at a time would only serialise: everything at once (loopback A/B against
  // the order below, 12 runs each: ready 1.27 s against 1.30 s, first question 249 against 300 ms).
  const local = msg.fromLocalServer(pageFirstByteMs);
  const stdlibFile = downloads.track(stdLibURL, { after: local ? null : wasm });
  const wheelFile = downloads.track(wheel, { after: local ? null : stdlibFile });
  const { halt, stopWatching } = haltOn(downloads);
  try {
    const [{ loadPyodide }] = await Promise.race([
      Promise.all([import(pyodide + "pyodide.mjs"), import(pyodide + "pyodide.asm.mjs")]),
      halt,
    ]).catch((err) => {
      throw err instanceof msg.EngineError ? err : new msg.EngineError("network", `pyodide.mjs: ${err && err.message}`);
    });
    // The lock file's package list is not needed (the engine loads no package): the build's own
    // minimal lock file saves a request.
    const options = { indexURL: pyodide, fullStdLib: false, stdLibURL, lockFileContents: BUILD.lock };
    const { py, fromSnapshot } = await startPython(downloads, loadPyodide, options, { snapshotURL: snapshot, wasmURL, halt, pageFirstByteMs, kept });
    let wheelBytes;
    try {
      wheelBytes = await Promise.race([downloads.bytes(wheelFile), halt]);
    } catch (err) {
      throw new msg.EngineError(err.code || "network", `Fant ikke motoren (${err.message})`);
    }
    // The snapshot holds memory, not files: the engine's data files come from the wheel.
    try {
      py.unpackArchive(wheelBytes, "wheel");
      bridge = py.pyimport("guide_engine.bridge");
      const { python } = mustAnswer({ op: "ping" });
      if (prepare) mustAnswer(prepare); // the page's own modules and data, so its first call does not load them
      downloads.progress();
      downloads.active = false;
      self.postMessage(msg.ready(python, fromSnapshot, performance.now() - t0, prepare ? prepare.op : null));
    } catch (err) {
      throw err instanceof msg.EngineError ? err : new msg.EngineError("engine", err && err.message ? err.message : String(err));
    }
  } finally {
    stopWatching();
    downloads.close();
  }
}

// A start-up message to the bridge: its result, or a throw (the engine did not start).
function mustAnswer(message) {
  const r = JSON.parse(bridge.handle(JSON.stringify(message)));
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

// The bridge's reply goes to the page as the JSON text it already is: one string to copy, parsed
// once on the page, instead of parsed here and then cloned object by object (a 2,000-row list is
// some 2 MB of small objects).
function answer(id, payload) {
  const progress = (done, total) => self.postMessage(msg.callProgress(id, done, total));
  try {
    return bridge ? msg.replyText(id, bridge.handle(JSON.stringify(payload), progress)) : msg.reply(id, { ok: false, error: "Motoren er ikke startet." });
  } catch (err) {
    return msg.reply(id, { ok: false, error: String(err && err.message ? err.message : err) });
  }
}

self.onmessage = (event) => {
  const m = event.data || {};
  if (m.type === msg.INIT) boot(m).catch(fail);
  else if (m.type === msg.CALL) self.postMessage(answer(m.id, m.payload));
};
