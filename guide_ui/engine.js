// The engine in its Web Worker: start it, follow its download, send it messages, and give up
// cleanly. Used by the guide and by any other page that runs the engine (practice, queue).
//
// Worker protocol (site_build/assets/guide/worker.mjs):
//   page -> worker  {type: "init", pyodide, wheel, snapshot, pageFirstByteMs?}   {type: "call", id, payload}
//   worker -> page  {type: "progress", loaded, total|null}     {type: "ready", bootMs, fromSnapshot}
//                   {type: "failed", code, detail}             {type: "reply", id, reply}
// An older worker sends {type: "failed", message} and no progress; both are understood.

const STALL_MS = 20_000; // no sign of life for this long while booting: the download has stalled
const BOOT_LIMIT_MS = 60_000; // a worker that never reports progress gets this long in total
const CALL_TIMEOUT_MS = 15_000; // one answer takes milliseconds; this long means the worker is stuck
const MAX_CHARS = 200_000; // a message to the engine is at most this long as JSON ...
const MAX_DEPTH = 16; // ... and nested at most this deep

/** A failure with a code the page maps to a fixed sentence (messages.js) and a detail for the console. */
export class EngineError extends Error {
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
  }
}

function depth(value) {
  let max = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Why an older worker's free-text failure message happened, as a code. */
function legacyCode(message) {
  if (/WebAssembly/i.test(message)) return "wasm";
  if (/Fant ikke|fetch|network|NetworkError/i.test(message)) return "network";
  return "engine";
}

export class EngineClient {
  /** `workerUrl`: the worker script; `init`: the init message's URLs; handlers: onProgress, onReady, onFailed. */
  constructor({ workerUrl, init, stallMs = STALL_MS, bootLimitMs = BOOT_LIMIT_MS, callTimeoutMs = CALL_TIMEOUT_MS }) {
    Object.assign(this, { workerUrl, init, stallMs, bootLimitMs, callTimeoutMs });
    this.onProgress = this.onReady = this.onFailed = null;
    this.seq = 0;
    this.reset();
  }

  reset() {
    this.pending = new Map();
    this.state = "starting";
    this.progress = null;
    this.failure = null;
    this.ready = new Promise((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
    this.ready.catch(() => {}); // a failure is reported through onFailed
  }

  start() {
    let early = null;
    try {
      if (typeof WebAssembly !== "object") throw new EngineError("wasm", "WebAssembly is not available");
      early = takeEarlyWorker(this.workerUrl, this.init);
      this.worker = early ? early.worker : new Worker(this.workerUrl, { type: "module" });
    } catch (err) {
      this.fail(err.code || "engine", err.message || String(err));
      return this;
    }
    this.worker.onmessage = (e) => this.receive(e.data || {});
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.fail("engine", e.message || "the worker script could not be loaded");
    };
    this.bootStarted = early ? early.started : performance.now();
    this.watch();
    if (early) {
      for (const msg of early.queue.splice(0)) this.receive(msg); // what it said before this page's script ran
    } else {
      this.worker.postMessage({ type: "init", ...this.init });
    }
    return this;
  }

  /** Start again after a failure: a new worker, the same handlers. */
  restart() {
    if (this.worker) this.worker.terminate();
    clearTimeout(this.timer);
    this.reset();
    return this.start();
  }

  // While booting, the timer measures a stall (no message for stallMs) once the worker reports
  // progress; a worker that never does gets bootLimitMs in total, and so does Python's start
  // once every byte has arrived (that part is the device's work, not the network's).
  watch() {
    clearTimeout(this.timer);
    if (this.state !== "starting") return;
    const p = this.progress;
    if (p && p.total && p.loaded >= p.total) {
      this.timer = setTimeout(() => this.fail("engine", `not ready ${this.bootLimitMs} ms after the download`), this.bootLimitMs);
    } else if (p) {
      this.timer = setTimeout(() => this.fail("stall", `no progress for ${this.stallMs} ms`), this.stallMs);
    } else {
      const left = this.bootLimitMs - (performance.now() - this.bootStarted);
      this.timer = setTimeout(() => this.fail("stall", `not ready after ${this.bootLimitMs} ms`), Math.max(0, left));
    }
  }

  receive(msg) {
    if (msg.type === "progress") {
      if (this.state !== "starting") return;
      this.progress = { loaded: Number(msg.loaded) || 0, total: Number(msg.total) > 0 ? Number(msg.total) : null };
      this.watch();
      this.onProgress && this.onProgress(this.progress);
    } else if (msg.type === "ready") {
      if (this.state !== "starting") return;
      clearTimeout(this.timer);
      this.state = "ready";
      this.bootMs = msg.bootMs;
      this.fromSnapshot = msg.fromSnapshot;
      this._resolve();
      this.onReady && this.onReady(msg);
    } else if (msg.type === "failed") {
      const detail = msg.detail || msg.message || "";
      this.fail(msg.code || legacyCode(detail), detail);
    } else if (msg.type === "reply") {
      const p = this.pending.get(msg.id);
      if (!p) return; // a reply to a call already given up on
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve(msg.reply);
    }
  }

  fail(code, detail) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    console.warn(`Veiviseren: ${code}: ${detail}`); // the detail is for developers, not the page
    this.state = "failed";
    this.failure = { code, detail };
    if (this.worker) this.worker.terminate();
    const err = new EngineError(code, detail);
    this._reject(err);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    this.onFailed && this.onFailed(this.failure);
  }

  /** Send one payload to the engine once it is ready; the bridge's reply ({ok, result|error}). */
  async call(payload) {
    const json = JSON.stringify(payload);
    if (json === undefined || json.length > MAX_CHARS || depth(payload) > MAX_DEPTH) {
      throw new EngineError("too_large", `message of ${json ? json.length : 0} characters refused before sending`);
    }
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.fail("timeout", `no reply to call ${id} (${payload.op}) within ${this.callTimeoutMs} ms`);
        reject(new EngineError("timeout", "no reply"));
      }, this.callTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "call", id, payload });
    });
  }
}

/** The worker the page's head started already (site_build/overrides/guide.html), if it is the
 * same worker with the same runtime files; taken once, so a restart after a failure starts a new one. */
function takeEarlyWorker(workerUrl, init) {
  const early = typeof window === "object" ? window.__guideEarly : null;
  const same = early && early.url === workerUrl && ["pyodide", "wheel", "snapshot"].every((k) => early.init[k] === init[k]);
  if (!same) return null;
  delete window.__guideEarly;
  return early;
}

/** The guide's engine from the page's boot data (URLs relative to the site's base). */
export function engineFromBoot(boot, siteBase) {
  const url = (path) => new URL(path, siteBase).href;
  return new EngineClient({
    workerUrl: url(boot.worker),
    init: { pyodide: url(boot.pyodide), wheel: url(boot.wheel), snapshot: boot.snapshot ? url(boot.snapshot) : null },
  });
}
