// The engine in its Web Worker, seen from a page: start it (or adopt the one the page's head
// started, early.js; adopt.js), follow its download, send it calls within their size and time limits, and
// give up cleanly with a failure code. Every engine page uses it: the guide, practice, the queue.
// The messages are protocol.js's.

import { takeEarly } from "./adopt.js";
import * as msg from "./protocol.js";

const STALL_MS = 20_000; // no sign of life for this long while booting: the download has stalled
const BOOT_LIMIT_MS = 60_000; // a worker that never reports progress gets this long in total
// A call's limits unless it is given its own: one answer takes milliseconds, so this long means
// the worker is stuck; a message to the engine is at most this long as JSON and this deep.
const CALL_TIMEOUT_MS = 15_000;
const MAX_CHARS = 200_000;
const MAX_DEPTH = 16;

function depth(value, limit) {
  let max = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export class EngineClient {
  /** `urls`: the runtime's URLs (protocol.runtimeUrls); handlers: onProgress, onReady, onFailed. */
  constructor({ urls, stallMs = STALL_MS, bootLimitMs = BOOT_LIMIT_MS, callTimeoutMs = CALL_TIMEOUT_MS }) {
    Object.assign(this, { urls, stallMs, bootLimitMs, callTimeoutMs });
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
    const init = msg.startMessage(this.urls);
    try {
      if (typeof WebAssembly !== "object") throw new msg.EngineError("wasm", "WebAssembly is not available");
      early = takeEarly(this.urls.worker, init);
      this.worker = early ? early.worker : new Worker(this.urls.worker, { type: "module" });
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
      for (const m of early.queue.splice(0)) this.receive(m); // what it said before this page's script ran
    } else {
      this.worker.postMessage(init);
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

  /** The user stops a long call ("Stopp"): every pending call ends with code "stopped", and a
   *  fresh worker starts (Python cannot be interrupted inside its worker; ending the worker can). */
  stop() {
    const err = new msg.EngineError("stopped", "stopped by the user");
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    return this.restart();
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

  receive(m) {
    if (m.type === msg.PROGRESS) {
      if (this.state !== "starting") return;
      this.progress = { loaded: Number(m.loaded) || 0, total: Number(m.total) > 0 ? Number(m.total) : null };
      this.watch();
      this.onProgress && this.onProgress(this.progress);
    } else if (m.type === msg.READY) {
      if (this.state !== "starting") return;
      clearTimeout(this.timer);
      this.state = "ready";
      this.bootMs = m.bootMs;
      this.fromSnapshot = m.fromSnapshot;
      this.prepared = m.prepared || null;
      this._resolve();
      this.onReady && this.onReady(m);
    } else if (m.type === msg.FAILED) {
      this.fail(m.code || "engine", m.detail || "");
    } else if (m.type === msg.CALL_PROGRESS) {
      const p = this.pending.get(m.id);
      if (p && p.onProgress) p.onProgress(Number(m.done) || 0, Number(m.total) || 0);
    } else if (m.type === msg.REPLY) {
      const p = this.pending.get(m.id);
      if (!p) return; // a reply to a call already given up on
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      try {
        p.resolve(msg.answerOf(m));
      } catch (err) {
        p.resolve({ ok: false, error: "Svaret fra motoren kunne ikke leses.", detail: String(err) });
      }
    }
  }

  fail(code, detail) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    console.warn(`Motoren: ${code}: ${detail}`); // the detail is for developers, not the page
    this.state = "failed";
    this.failure = { code, detail };
    if (this.worker) this.worker.terminate();
    const err = new msg.EngineError(code, detail);
    this._reject(err);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    this.onFailed && this.onFailed(this.failure);
  }

  /**
   * Send one payload to the engine once it is ready; the bridge's reply ({ok, result|error}).
   * `limits`: {timeoutMs, maxChars} for a call that needs others than the defaults (a whole list
   * of participants). A message over the size limit is refused ("too_large") and the engine goes
   * on; no reply within the time limit fails the engine ("timeout": the worker is stuck).
   * `onProgress(done, total)`: told how far a long call has come, where the engine says so.
   */
  async call(payload, { timeoutMs = this.callTimeoutMs, maxChars = MAX_CHARS, onProgress = null } = {}) {
    const json = JSON.stringify(payload);
    if (json === undefined || json.length > maxChars || depth(payload, MAX_DEPTH) > MAX_DEPTH) {
      throw new msg.EngineError("too_large", `message of ${json ? json.length : 0} characters refused before sending`);
    }
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.fail("timeout", `no reply to call ${id} (${payload.op}) within ${timeoutMs} ms`);
        reject(new msg.EngineError("timeout", "no reply"));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, onProgress });
      this.worker.postMessage(msg.call(id, payload));
    });
  }
}

/** The engine for a page's boot data (its runtime's URLs relative to the site's base). */
export function engineFromBoot(boot, siteBase, limits = {}) {
  return new EngineClient({ urls: msg.runtimeUrls(boot, siteBase), ...limits });
}
