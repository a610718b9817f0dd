// The messages between a page and the engine's Web Worker (worker.js), defined once: every type,
// how each is made, and the start message every engine page sends the same way.
//
//   page -> worker  {type: "init", pyodide, wheel, snapshot, prepare, pageFirstByteMs}    start the
//                       engine; prepare: a bridge message run before "ready" (the queue's modules), or null
//                   {type: "call", id, payload}      payload: the bridge's message {op, ...}
//   worker -> page  {type: "progress", loaded, total}  bytes received and expected in all (as sent
//                       on the wire; total null when unknown) while the runtime downloads
//                   {type: "ready", python, fromSnapshot, bootMs, prepared}   prepared: the op of
//                       the init's prepare message, run before this (or null)
//                   {type: "failed", code, detail}   code: why (below); detail: technical,
//                       for the console only (the page shows the code's fixed sentence)
//                   {type: "reply", id, reply}       reply: the bridge's {ok, result | error}, or
//                   {type: "reply", id, text}        the same as the bridge's JSON text (the page parses it)
//                   {type: "call-progress", id, done, total}   how far a long call has come (the
//                       queue's rows; guide_engine/progress.py), before its reply
// Every call gets exactly one reply.

export const INIT = "init";
export const CALL = "call";
export const PROGRESS = "progress";
export const READY = "ready";
export const FAILED = "failed";
export const REPLY = "reply";
export const CALL_PROGRESS = "call-progress";

// The failure codes. From the worker: "wasm" (WebAssembly cannot run), "network" (a file could
// not be fetched), "stall" (no byte arrived for too long while a download was pending), "engine"
// (Python started but the engine did not). From the page's client: "timeout" (no reply within the
// call's time limit), "too_large" (a message over the call's size limit, refused before sending).

/** A failure with its code (above), and a technical detail for the console. */
export class EngineError extends Error {
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
  }
}

export const call = (id, payload) => ({ type: CALL, id, payload });
export const progress = (loaded, total) => ({ type: PROGRESS, loaded, total });
export const ready = (python, fromSnapshot, bootMs, prepared = null) => ({ type: READY, python, fromSnapshot, bootMs, prepared });
export const failed = (code, detail) => ({ type: FAILED, code, detail });
export const reply = (id, answer) => ({ type: REPLY, id, reply: answer });
export const replyText = (id, text) => ({ type: REPLY, id, text });
/** A reply message's answer, whichever of the two forms it came in. */
export const answerOf = (m) => (typeof m.text === "string" ? JSON.parse(m.text) : m.reply);
export const callProgress = (id, done, total) => ({ type: CALL_PROGRESS, id, done, total });

/** The runtime's absolute URLs from a page's boot data, whose paths are relative to the site's base. */
export function runtimeUrls(boot, siteBase) {
  const url = (path) => new URL(path, siteBase).href;
  return { worker: url(boot.worker), pyodide: url(boot.pyodide), wheel: url(boot.wheel), snapshot: boot.snapshot ? url(boot.snapshot) : null,
    prepare: boot.prepare || null };
}

// A server on the local network: a file's first byte comes within this long of its request (a
// loaded loopback can miss it, and is then treated as a real link). There the device, not the
// link, is the bottleneck: the worker takes the snapshot (snapshot-choice.js) and fetches its files
// all at once (worker.js), and the guide's head starts it after the first frame (early.js).
const LOCAL_FIRST_BYTE_MS = 15;

/** Whether a first byte `ms` after its request (null: not known) came from a local server. */
export function fromLocalServer(ms) {
  return Number.isFinite(ms) && ms <= LOCAL_FIRST_BYTE_MS;
}

/** How long the page's own first byte took (ms), which tells the worker whether the server is local;
 * null for a page its service worker answered (a repeat visit: that time is the device's, not the link's). */
export function pageFirstByteMs() {
  const nav = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  return nav && nav.responseStart > 0 && !(nav.workerStart > 0) ? nav.responseStart - nav.requestStart : null;
}

/** The init message for the runtime at `urls` (runtimeUrls). */
export function startMessage(urls) {
  return { type: INIT, pyodide: urls.pyodide, wheel: urls.wheel, snapshot: urls.snapshot, prepare: urls.prepare || null,
    pageFirstByteMs: pageFirstByteMs() };
}

/** Whether two init messages start the same runtime. */
export function sameRuntime(a, b) {
  return ["pyodide", "wheel", "snapshot"].every((k) => a[k] === b[k]);
}
