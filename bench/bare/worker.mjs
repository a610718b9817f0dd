// The bare runtime's worker: the same import and loadPyodide call as the guide's worker, no engine.
self.onmessage = async (event) => {
  const { pyodide } = event.data || {};
  try {
    const t0 = performance.now();
    const { loadPyodide } = await import(pyodide + "pyodide.mjs");
    const py = await loadPyodide({ indexURL: pyodide, fullStdLib: false });
    const python = py.runPython("import sys; sys.version.split()[0]");
    self.postMessage({ type: "ready", python, bootMs: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: "failed", message: String(err && err.message ? err.message : err) });
  }
};
