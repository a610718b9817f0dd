// The guide's worker (site_build/assets/guide/worker.mjs) with one change: Pyodide is restored from
// a build-time memory snapshot (engine already imported) instead of booting from scratch.
// An experiment of the benchmark, copied into its temporary site only.
let bridge = null;

function fail(err) {
  self.postMessage({ type: "failed", message: err && err.message ? err.message : String(err) });
}

async function boot({ pyodide, wheel }) {
  const t0 = performance.now();
  const get = (url) => fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${url}`);
    return r.arrayBuffer();
  });
  const wheelBytes = get(wheel);
  wheelBytes.catch(() => {});
  const snapshot = get(new URL("engine.snap", import.meta.url).href);
  snapshot.catch(() => {});
  const { loadPyodide } = await import(pyodide + "pyodide.mjs");
  const py = await loadPyodide({ indexURL: pyodide, fullStdLib: false, _loadSnapshot: snapshot });
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
      reply = bridge ? JSON.parse(bridge.handle(JSON.stringify(msg.payload))) : { ok: false, error: "not started" };
    } catch (err) {
      reply = { ok: false, error: String(err && err.message ? err.message : err) };
    }
    self.postMessage({ type: "reply", id: msg.id, reply });
  }
};
