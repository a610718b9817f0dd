// The guide's Web Worker: boots the site's own Pyodide, unpacks the engine wheel, answers messages.
// Every message gets exactly one reply; any failure to start is reported, never swallowed.
let bridge = null;

function fail(err) {
  const message = err && err.message ? err.message : String(err);
  self.postMessage({ type: "failed", message });
}

// Pyodide 314 reports a failed WebAssembly instantiation (a missing or blocked .wasm) only with
// console.warn("wasm instantiation failed!") and then never settles; turn that into a failure.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (args[0] === "wasm instantiation failed!") {
        const err = new Error("Python-kjøretiden (WebAssembly) kunne ikke lastes");
        err.wasm = true;
        reject(err);
      }
    };
  });
}

function get(url) {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`Fant ikke ${url.split("?")[0].split("/").pop()} (${r.status})`);
    return r.arrayBuffer();
  });
}

// Restore Pyodide from the build-time memory snapshot (the engine already imported); if that
// fails for any reason, boot it the ordinary way. A missing .wasm fails both, and is reported.
async function startPython(loadPyodide, indexURL, snapshotURL, wasmFailed) {
  const options = { indexURL, fullStdLib: false };
  if (snapshotURL) {
    try {
      const snapshot = get(snapshotURL);
      snapshot.catch(() => {});
      const py = await Promise.race([loadPyodide({ ...options, _loadSnapshot: snapshot }), wasmFailed]);
      return { py, fromSnapshot: true };
    } catch (err) {
      if (err && err.wasm) throw err;
      console.info("Øyeblikksbildet kunne ikke brukes; starter Python på vanlig måte.", err && err.message);
    }
  }
  return { py: await Promise.race([loadPyodide(options), wasmFailed]), fromSnapshot: false };
}

async function boot({ pyodide, wheel, snapshot }) {
  const t0 = performance.now();
  const wasmFailed = wasmFailure();
  wasmFailed.catch(() => {});
  // Fetch the wheel while Pyodide starts: the two do not depend on each other.
  const wheelBytes = get(wheel).catch((err) => {
    throw new Error(`Fant ikke motoren (${err.message})`);
  });
  wheelBytes.catch(() => {}); // reported below, where it is awaited
  const { loadPyodide } = await import(pyodide + "pyodide.mjs");
  const { py, fromSnapshot } = await startPython(loadPyodide, pyodide, snapshot, wasmFailed);
  // The snapshot holds memory, not files: the engine's data files come from the wheel.
  py.unpackArchive(await wheelBytes, "wheel");
  bridge = py.pyimport("guide_engine.bridge");
  const ping = JSON.parse(bridge.handle(JSON.stringify({ op: "ping" })));
  if (!ping.ok) throw new Error(ping.error);
  self.postMessage({ type: "ready", python: ping.result.python, fromSnapshot, bootMs: performance.now() - t0 });
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
