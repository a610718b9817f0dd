// The guide's controller. Its state (answers, path, history, the view shown, the pending reply)
// changes only through the named transitions below, and the page is redrawn only by render().
// Invariants: no user action but "Tilbake" while a reply is pending; a reply that is no longer
// awaited is dropped; the history never holds the view shown nor a result that is out of date.

import { focus } from "../shared/dom.js";
import { REPLY_FAILED, TOO_LARGE } from "../shared/messages.js";
import { showBusy } from "./busy.js";
import { ON, localErrors, localPath, optionsFor, startPath } from "./local.js";
import { draw } from "./views/index.js";
import { readValue } from "./widgets.js";

const same = (a, b) => a && b && a.name === b.name && a.id === b.id;

export class Controller {
  constructor({ boot, engine, main, root, status, siteBase, today }) {
    Object.assign(this, { boot, engine, main, root, status, siteBase });
    this.questions = new Map((boot.questions || []).map((q) => [q.id, q]));
    this.on = today;
    this.answers = {}; // in this page's memory only: never stored, never in the URL
    this.path = startPath(boot);
    this.history = [];
    this.view = null;
    this.result = null;
    this.pending = null; // the token of the reply the user waits for
    this.seq = 0;
  }

  question(id) {
    return id === "on" ? ON : this.questions.get(id);
  }

  options(q) {
    return optionsFor(q, this.boot, this.on);
  }

  hasAnswers() {
    return Object.keys(this.answers).length > 0;
  }

  // ---- transitions ------------------------------------------------------------------------------

  /** The first question (or the failure state, if the engine could not even start). */
  start() {
    if (this.engine.state === "failed") return this.failed(this.engine.failure);
    if (!this.path.length) return;
    this.show({ name: "question", id: this.path[0] }, { push: false, focus: false });
    performance.mark("guide:first-question"); // read by bench/
  }

  /** "Neste" (or "Lagre"): keep the answer, then go where the answers lead. */
  next(form) {
    if (this.pending || this.view.name !== "question") return;
    const q = this.question(this.view.id);
    const v = readValue(q, form, this.options(q));
    const errors = localErrors(q, v, this.options(q));
    if (q.id === "on") {
      if (!errors.length) this.on = v;
    } else if (v === undefined && q.required) delete this.answers[q.id];
    else this.answers[q.id] = v === undefined ? null : v; // a skipped optional question is sent as null
    if (q.type === "municipality" && !errors.length) delete this.answers.county; // the county follows from the municipality (a handed-over one goes)
    this.result = null; // a changed answer makes the result out of date
    if (errors.length) return this.show({ ...this.view, errors }, { push: false });
    if (this.engine.state !== "ready") {
      const local = localPath(this.boot.opening, this.answers);
      const i = local.indexOf(q.id);
      if (q.id === "on") return this.returnFrom();
      if (i >= 0 && i + 1 < local.length) {
        if (!local.every((id, k) => this.path[k] === id)) this.path = [...local];
        return this.advance(q.id, { next: local[i + 1], errors: [] });
      }
    }
    this.request("step", (r) => {
      this.path = r.path;
      this.advance(q.id, r);
    });
  }

  /** Where a step's reply leads from question `qid`: its errors, an earlier error, the next question or the review. */
  advance(qid, { next, errors }) {
    const editing = this.view.editing;
    const at = (id) => this.path.indexOf(id);
    const here = qid === "on" ? this.path.length : at(qid);
    const mine = errors.filter((e) => e.field === qid);
    const other = errors.filter((e) => e.field !== qid && !this.questions.has(e.field));
    const earlier = errors.filter((e) => e.field in this.answers && at(e.field) >= 0 && at(e.field) < here);
    if (mine.length || other.length) return this.show({ ...this.view, errors: [...mine, ...other] }, { push: false });
    if (earlier.length) return this.show({ name: "question", id: earlier[0].field, errors: earlier, editing });
    if (qid === "on") return this.returnFrom();
    if (editing) return next === null || next === undefined || this.answers[next] !== undefined ? this.returnFrom() : this.show({ name: "question", id: next, editing });
    // Onwards along the path (also through questions answered before), unless the engine needs an earlier one.
    const ahead = next !== null && next !== undefined && at(next) <= here ? next : this.path[here + 1];
    this.show(ahead === null || ahead === undefined ? { name: "review" } : { name: "question", id: ahead });
  }

  /** "Tilbake": the previous view; a reply still awaited is given up (and dropped when it comes). */
  back() {
    if (this.pending) this.settle();
    const prev = this.history.pop();
    if (prev) this.show(prev, { push: false });
  }

  /** Back from an edited question to the review, or from the date to the view it was opened from. */
  returnFrom() {
    const i = this.view.id === "on" ? this.history.length - 1 : this.history.map((h) => h.name).lastIndexOf("review");
    const to = this.history[i] || { name: "review" };
    this.history = this.history.slice(0, Math.max(i, 0));
    this.show(to, { push: false });
  }

  /** "Endre" on the review (or a link in an error summary): that question, returning to the review. */
  edit(id) {
    if (this.pending) return;
    this.show({ name: "question", id, editing: this.view.name === "review" || this.view.editing });
  }

  /** "Regn ut per dato" / "Endre dato": the reference date, returning to where the user was. */
  changeOn() {
    if (this.pending) return;
    this.show({ name: "question", id: "on", editing: true });
  }

  /** "Endre svarene" on the result: the review, from which "Tilbake" returns to the result. */
  editAnswers() {
    if (this.pending) return;
    this.show({ name: "review" });
  }

  /** "Vis resultatet": one evaluation, however often the button is pressed. */
  showResult() {
    if (this.pending || this.view.name !== "review") return;
    const active = {};
    for (const id of this.path) if (this.answers[id] !== undefined) active[id] = this.answers[id];
    this.request("evaluate", (r) => {
      const errors = r.errors || [];
      if (!errors.length) {
        this.result = r;
        return this.show({ name: "result" });
      }
      const first = errors.find((e) => this.questions.has(e.field));
      if (first) return this.show({ name: "question", id: first.field, errors: errors.filter((e) => this.questions.has(e.field)), editing: true });
      this.show({ name: "review", errors }, { push: false });
    }, { answers: active });
  }

  /** A case handed over by the practice page (handover.js): its date and answers, then the review. */
  load({ on, answers }) {
    this.settle();
    Object.assign(this, { on, answers, history: [], result: null });
    this.request("step", (r) => {
      this.path = r.path;
      this.show({ name: "review", errors: r.errors }, { push: false });
    });
  }

  /** "Start på nytt": every answer forgotten. */
  restart() {
    this.settle();
    Object.assign(this, { answers: {}, history: [], result: null, path: startPath(this.boot) });
    this.show({ name: "question", id: this.path[0] }, { push: false });
  }

  /** The engine failed: its fixed sentence, with every answer kept for "Prøv igjen". */
  failed(failure) {
    this.settle();
    if (this.view && this.view.name !== "failed") this.beforeFailure = this.view;
    this.view = { name: "failed", code: (failure && failure.code) || "engine" };
    this.render();
  }

  /** "Prøv igjen": a new worker, and the view the user was on. */
  retry() {
    this.engine.restart();
    if (this.engine.state === "failed") return;
    // The engine can fail before the first view is drawn (the early worker's failure is replayed
    // when the page's script starts): then there is no view to return to but the first question.
    this.view = { errors: [], ...(this.beforeFailure || { name: "question", id: this.path[0] }) };
    this.render();
  }

  /** The engine is ready: it checks every answer given so far; an error sends the user to that question. */
  engineReady() {
    if (this.pending || !this.view || this.view.name !== "question") return;
    const token = ++this.seq;
    this.call("step", { answers: { ...this.answers } }).then((reply) => {
      if (token !== this.seq || this.pending || !reply || !reply.ok || this.view.name !== "question") return;
      this.path = reply.result.path.length >= this.path.length ? reply.result.path : this.path;
      const here = this.view.id === "on" ? -1 : this.path.indexOf(this.view.id);
      const before = (f) => f in this.answers && this.path.indexOf(f) >= 0 && this.path.indexOf(f) < here;
      const errs = reply.result.errors.filter((e) => !this.questions.has(e.field) || before(e.field));
      if (!errs.length) return;
      const q = errs.find((e) => this.questions.has(e.field));
      this.show(q ? { name: "question", id: q.field, errors: errs } : { ...this.view, errors: errs }, { push: !!q });
    }, () => {});
  }

  // ---- machinery ----------------------------------------------------------------------------------

  call(op, payload) {
    return this.engine.call({ op, on: this.on, ...payload });
  }

  /** Send one request the user waits for; `then` gets its result unless it has been given up. */
  async request(op, then, payload = { answers: { ...this.answers } }) {
    const token = (this.pending = ++this.seq);
    showBusy(this, true);
    let reply;
    try {
      reply = await this.call(op, payload);
    } catch (err) {
      if (this.pending !== token) return;
      this.settle();
      if (err.code === "too_large") this.show({ ...this.view, errors: [{ field: "_size", message: TOO_LARGE }] }, { push: false });
      return; // an engine failure shows its own state (onFailed)
    }
    if (this.pending !== token) return; // given up ("Tilbake", "Start på nytt", a failure): dropped
    this.settle();
    if (!reply || !reply.ok) {
      console.warn("Veiviseren:", reply && reply.error);
      this.status.say(REPLY_FAILED);
      return;
    }
    then(reply.result);
  }

  settle() {
    if (this.pending) showBusy(this, false);
    this.pending = null;
  }

  /** Show `view`, remembering the one it replaces (push) for "Tilbake". */
  show(view, { push = true, focus: doFocus = true } = {}) {
    if (push && this.view && this.view.name !== "failed") this.history.push({ name: this.view.name, id: this.view.id, editing: this.view.editing });
    this.view = { errors: [], ...view };
    // The history never holds the view shown on top, nor a result that is no longer valid.
    this.history = this.history.filter((h) => h.name !== "result" || this.result);
    while (same(this.history.at(-1), this.view)) this.history.pop();
    this.render(doFocus);
  }

  render(doFocus = true) {
    if (this.view.name === "failed") this.status.clear();
    this.root.dataset.state = this.view.name === "failed" ? "failed" : this.root.dataset.state === "waiting" ? "waiting" : this.engine.state;
    const out = draw(this);
    this.main.replaceChildren(out.node);
    if (doFocus) focus(out.focus || this.main.querySelector("[tabindex='-1']"));
    performance.mark("guide:step-rendered"); // read by bench/
  }
}
