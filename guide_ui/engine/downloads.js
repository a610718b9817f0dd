// The worker's downloads: every runtime file is fetched once, read eagerly (so each downloads
// whoever uses it later), counted for the page's progress, and watched for stalls. Pyodide's own
// fetch calls get a clone of the same response.

import { EngineError, progress as progressMessage } from "./protocol.js";

const PROGRESS_MS = 250;
// No byte for this long while a download is pending: give up (before the page's own 20 s stall
// timer, client.js, so the page learns which file stalled).
export const STALL_MS = 15000;
const SNAPSHOT_STALL_MS = 4000; // the snapshot is optional: drop it for the ordinary boot sooner
// One download at a time where the order matters: a download given `after` starts once that one
// has at most LOOKAHEAD bytes left to arrive (or has ended), so the link never idles for a round
// trip between them and each file gets the whole link. The wasm comes first: it compiles while
// it streams, and while the standard library arrives the runtime is instantiated; downloading
// them side by side would only make both arrive at the end, with all the CPU work after it.
const LOOKAHEAD = 96 * 1024;

const fileName = (url) => new URL(url).pathname.split("/").pop();

export class Downloads {
  /** `files`: the build's bytes of each runtime file ({key: {size, br, gzip}}, or {}). */
  constructor(files) {
    this.files = files || {};
    this.all = new Map(); // url → download
    this.lastByteAt = performance.now();
    this.progressTimer = null;
    this.active = true; // progress is reported until the engine is ready
    this.failure = null; // the first required download that failed
    this.onFailure = () => {}; // a required download failed or stalled
    this.nativeFetch = self.fetch.bind(self);
    // Pyodide fetches the wasm and the stdlib archive with fetch(): give it the tracked response
    // (a clone, so each caller reads its own copy).
    self.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
      const d = this.all.get(url);
      return d ? d.response.then((r) => r.clone()) : this.nativeFetch(input, init);
    };
  }

  /** The bytes of a runtime file on the wire (brotli), from the build's facts, or null. */
  expected(key) {
    const f = this.files[key];
    return f ? f.br : null;
  }

  get(url) {
    return this.all.get(url);
  }

  whenNearlyDone(d) {
    return new Promise((resolve) => {
      const check = () => {
        const total = d.wire ?? this.expected(d.key);
        if (d.done || (total && total - d.loaded <= LOOKAHEAD)) {
          d.waiters.delete(check);
          resolve();
        }
      };
      d.waiters.add(check);
      check();
    });
  }

  /** Start (or return) the download of `url`; `after`: another download this one waits for. */
  track(url, { optional = false, cache = "default", after = null } = {}) {
    const known = this.all.get(url);
    if (known) return known;
    const name = fileName(url);
    const d = {
      url, key: name.endsWith(".whl") ? "wheel" : name, optional, loaded: 0, decoded: 0, wire: null, done: false,
      waiters: new Set(), lastByteAt: performance.now(), startedAt: performance.now(), controller: new AbortController(),
    };
    const init = { signal: d.controller.signal, cache, ...(cache === "only-if-cached" ? { mode: "same-origin" } : {}) };
    const turn = after ? this.whenNearlyDone(after) : Promise.resolve();
    d.response = turn.then(() => {
      d.lastByteAt = d.startedAt = performance.now(); // a queued download is not stalled while it waits
      return this.nativeFetch(url, init);
    }).then(
      (r) => {
        if (!r.ok) throw new EngineError("network", `Fant ikke ${d.key === "wheel" ? "motoren, " : ""}${name} (HTTP ${r.status})`);
        const length = Number(r.headers.get("content-length")) || null;
        const f = this.files[d.key];
        // Bytes on the wire per decoded byte: from Content-Length and the build's stored size.
        d.wire = length;
        d.ratio = length && f && r.headers.get("content-encoding") ? length / f.size : 1;
        this.count(d, r.clone());
        return r;
      },
      (err) => {
        this.settle(d);
        if (err instanceof EngineError) throw err;
        // An optional download (the snapshot) that fails only means the ordinary boot.
        const code = optional ? "optional" : d.stalled ? "stall" : "network";
        throw new EngineError(code, `${url.split("?")[0]}: ${d.stalled ? "stanset" : err && err.message}`);
      },
    );
    d.response.catch((err) => {
      if (optional) return;
      this.failure ||= err;
      this.onFailure(err);
    });
    this.all.set(url, d);
    return d;
  }

  settle(d) {
    d.done = true;
    for (const w of [...d.waiters]) w();
  }

  async count(d, response) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        d.decoded += value.byteLength;
        d.loaded = Math.round(d.decoded * d.ratio);
        d.lastByteAt = this.lastByteAt = performance.now();
        for (const w of [...d.waiters]) w();
        this.progressSoon();
      }
      if (d.wire) d.loaded = d.wire;
      d.doneAt = performance.now();
    } catch {
      // the consumer sees the same error on its own clone
    }
    this.settle(d);
    this.progressSoon();
  }

  /** Post the bytes received so far and expected in all to the page. */
  progress() {
    this.progressTimer = null;
    if (!this.active) return;
    let loaded = 0;
    let total = 0;
    for (const d of this.all.values()) {
      if (d.controller.signal.aborted) continue;
      loaded += d.loaded;
      const t = d.wire ?? this.expected(d.key);
      total = total === null || t === null ? null : total + t;
    }
    self.postMessage(progressMessage(loaded, total === null ? null : Math.max(total, loaded)));
  }

  progressSoon() {
    if (this.progressTimer === null) this.progressTimer = setTimeout(() => this.progress(), PROGRESS_MS);
  }

  // A download that stops delivering bytes: the snapshot is dropped after SNAPSHOT_STALL_MS (the
  // ordinary boot goes on), anything else fails the boot after STALL_MS.
  watchStalls(onStall) {
    const timer = setInterval(() => {
      const now = performance.now();
      for (const d of this.all.values()) {
        if (d.done || d.controller.signal.aborted) continue;
        if (d.optional && now - d.lastByteAt > SNAPSHOT_STALL_MS) {
          d.stalled = true;
          d.controller.abort();
          console.info(`Øyeblikksbildet kom ikke fram (ingen byte på ${SNAPSHOT_STALL_MS} ms); starter Python på vanlig måte.`);
        } else if (!d.optional && now - this.lastByteAt > STALL_MS) {
          d.stalled = true;
          d.controller.abort();
          onStall(new EngineError("stall", `${d.url.split("?")[0]}: ingen byte på ${STALL_MS} ms`));
        }
      }
    }, 250);
    return () => clearInterval(timer);
  }

  /** The downloaded bytes of `d`. */
  async bytes(d) {
    const r = await d.response;
    return new Uint8Array(await r.clone().arrayBuffer());
  }

  /** The boot is over: no more progress, the responses kept for Pyodide can go, fetch is itself again. */
  close() {
    this.active = false;
    this.all.clear();
    self.fetch = this.nativeFetch;
  }
}
