// The engine in the guide's Web Worker (site/guide/worker.mjs), as the practice page uses it:
//   page -> worker  {type: "init", pyodide, wheel, snapshot}   {type: "call", id, payload}
//   worker -> page  {type: "ready"} | {type: "failed", ...} | {type: "reply", id, reply}
// Kept small on purpose: when the guide's own engine module is shared, this file gives way to it.

const BOOT_LIMIT_MS = 90_000;

export class PracticeEngine {
  constructor(boot, siteBase) {
    const url = (p) => new URL(p, siteBase).href;
    this.workerUrl = url(boot.worker);
    this.init = { pyodide: url(boot.pyodide), wheel: url(boot.wheel), snapshot: boot.snapshot ? url(boot.snapshot) : null };
    this.pending = new Map();
    this.seq = 0;
    this.state = "starting";
    this.onReady = this.onFailed = null;
    this.ready = new Promise((resolve, reject) => Object.assign(this, { _resolve: resolve, _reject: reject }));
    this.ready.catch(() => {}); // reported through onFailed
  }

  start() {
    try {
      if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
      this.worker = new Worker(this.workerUrl, { type: "module" });
    } catch (err) {
      this.fail(err.message || String(err));
      return this;
    }
    this.worker.onmessage = (e) => this.receive(e.data || {});
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.fail(e.message || "the worker could not be loaded");
    };
    this.timer = setTimeout(() => this.fail("not ready in time"), BOOT_LIMIT_MS);
    this.worker.postMessage({ type: "init", ...this.init });
    return this;
  }

  receive(msg) {
    if (msg.type === "ready" && this.state === "starting") {
      clearTimeout(this.timer);
      this.state = "ready";
      this._resolve();
      this.onReady && this.onReady();
    } else if (msg.type === "failed") {
      this.fail(msg.detail || msg.message || msg.code || "failed");
    } else if (msg.type === "reply" && this.pending.has(msg.id)) {
      this.pending.get(msg.id).resolve(msg.reply);
      this.pending.delete(msg.id);
    }
  }

  fail(detail) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    console.warn(`Øvingssakene: ${detail}`);
    this.state = "failed";
    if (this.worker) this.worker.terminate();
    const err = new Error(detail);
    this._reject(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.onFailed && this.onFailed(detail);
  }

  /** The engine's result for a case on a date (throws if the engine cannot answer). */
  async evaluate(answers, on) {
    await this.ready;
    const reply = await new Promise((resolve, reject) => {
      const id = ++this.seq;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "call", id, payload: { op: "evaluate", answers, on } });
    });
    if (!reply || !reply.ok) throw new Error((reply && reply.error) || "no answer");
    return reply.result;
  }
}
