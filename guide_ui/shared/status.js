// An engine page's status line (a polite live region): waiting, honest download progress, ready.
// Progress is written at most every few seconds, so a screen reader is not flooded.

import { el } from "./dom.js";
import { megabytes } from "./format.js";

const ANNOUNCE_EVERY_MS = 3000;

/** "<waiting> Laster veiviseren … 3,1 av 5,2 MB" (or "… 3,1 MB" when the total is unknown). */
export function progressText(p, texts) {
  if (!p) return texts.waiting;
  const of = p.total ? ` av ${megabytes(p.total)} MB` : " MB";
  return `${texts.waiting} ${texts.loading} … ${megabytes(Math.min(p.loaded, p.total || Infinity))}${of}`;
}

export class StatusLine {
  /** `node`: the live region; `prefix`: of the ids inside it; `texts`: {waiting, loading, ready}. */
  constructor(node, prefix, texts) {
    this.node = node; // role="status" aria-live="polite"
    this.texts = texts;
    this.bar = el("progress", { id: `${prefix}-progress-bar`, class: "guide-progress-bar", max: "1", "aria-hidden": "true" });
    this.text = el("span", { id: `${prefix}-engine-progress` });
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
    this.text.textContent = progressText(p, this.texts);
  }

  /** The engine became ready: say so if the user was waiting, else say nothing. */
  ready() {
    const was = this.waiting;
    this.clear();
    if (was) this.node.textContent = this.texts.ready;
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
