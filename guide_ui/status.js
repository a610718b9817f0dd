// The engine's status line (a polite live region): waiting, honest download progress, ready.
// Progress is written at most every few seconds, so a screen reader is not flooded.

import { el } from "./dom.js";
import { megabytes } from "./format.js";
import { READY, WAITING } from "./messages.js";

const ANNOUNCE_EVERY_MS = 3000;

/** "Laster veiviseren … 3,1 av 5,2 MB" (or "… 3,1 MB" when the total is unknown). */
export function progressText(p) {
  if (!p) return WAITING;
  const of = p.total ? ` av ${megabytes(p.total)} MB` : " MB";
  return `${WAITING} Laster veiviseren … ${megabytes(Math.min(p.loaded, p.total || Infinity))}${of}`;
}

export class StatusLine {
  constructor(node) {
    this.node = node; // role="status" aria-live="polite"
    this.bar = el("progress", { id: "guide-progress-bar", class: "guide-progress-bar", max: "1", "aria-hidden": "true" });
    this.text = el("span", { id: "guide-engine-progress" });
    this.last = 0;
    this.waiting = false;
  }

  /** The user waits for the engine: say so, with the download's progress when known. */
  wait(progress) {
    if (!this.waiting) {
      this.waiting = true;
      this.node.replaceChildren(this.text, this.bar);
      this.last = 0;
    }
    this.progress(progress);
  }

  /** New progress from the worker: the bar follows every message, the text every few seconds. */
  progress(p) {
    if (!this.waiting) return;
    if (p && p.total) this.bar.value = Math.min(1, p.loaded / p.total);
    else this.bar.removeAttribute("value");
    const now = performance.now();
    if (this.last && now - this.last < ANNOUNCE_EVERY_MS) return;
    this.last = now;
    this.text.textContent = progressText(p);
  }

  /** The engine became ready: say so if the user was waiting, else say nothing. */
  ready() {
    const was = this.waiting;
    this.clear();
    if (was) this.node.textContent = READY;
  }

  say(text) {
    this.waiting = false;
    this.node.textContent = text;
  }

  clear() {
    this.waiting = false;
    this.node.textContent = "";
  }
}

/** Mark the guide busy while a reply is awaited (`on`), or no longer; while the engine is still
 * loading, the root says "waiting" and the status line shows the download. `g`: {main, root, status, engine}. */
export function showBusy(g, on) {
  const form = g.main.firstElementChild;
  if (on) {
    if (form) form.setAttribute("aria-busy", "true");
    if (g.engine.state !== "ready") {
      g.root.dataset.state = "waiting";
      g.status.wait(g.engine.progress);
    }
  } else {
    if (form) form.removeAttribute("aria-busy");
    if (g.root.dataset.state === "waiting") g.root.dataset.state = g.engine.state;
    if (g.status.waiting) g.status.clear();
  }
}
