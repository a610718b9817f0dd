// The bare runtime: boots the site's own Pyodide in a module Web Worker, exactly as the guide's
// worker does (same files, same options), and nothing else. Copied into the benchmark's temporary
// site at run time (never published).
const root = document.documentElement;
const pyodide = new URL(root.dataset.pyodide, location.href).href;
const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.type === "ready") {
    performance.mark("bare:ready");
    window.__bare = { bootMs: msg.bootMs, python: msg.python };
    root.dataset.state = "ready";
  } else {
    window.__bare = { error: msg.message };
    root.dataset.state = "failed";
  }
};
worker.onerror = (e) => {
  window.__bare = { error: e.message || "worker error" };
  root.dataset.state = "failed";
};
worker.postMessage({ type: "init", pyodide });
