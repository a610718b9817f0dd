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
        reject(new Error("Python-kjøretiden (WebAssembly) kunne ikke lastes"));
      }
    };
  });
}

async function boot({ pyodide, wheel }) {
  const t0 = performance.now();
  // Fetch the wheel while Pyodide boots: the two do not depend on each other.
  const wheelBytes = fetch(wheel).then((r) => {
    if (!r.ok) throw new Error(`Fant ikke motoren (${r.status} ${wheel})`);
    return r.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // reported below, where it is awaited
  const { loadPyodide } = await import(pyodide + "pyodide.mjs");
  const py = await Promise.race([loadPyodide({ indexURL: pyodide, fullStdLib: false }), wasmFailure()]);
  py.unpackArchive(await wheelBytes, "wheel");
  bridge = py.pyimport("guide_engine.bridge");
  const ping = JSON.parse(bridge.handle(JSON.stringify({ op: "ping" })));
  if (!ping.ok) throw new Error(ping.error);
  self.postMessage({ type: "ready", python: ping.result.python, bootMs: performance.now() - t0 });
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
