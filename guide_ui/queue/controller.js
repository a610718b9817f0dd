// The queue page's state and what the user can do. The whole list goes to the engine in ONE call;
// the engine evaluates and ranks every row and answers with the rows, the summary and the
// capacity projection. The page's root says where it is (data-state): starting, ready, busy
// (a list is being worked out, or waits for the engine), done, failed.

import { el } from "../shared/dom.js";
import { download } from "../shared/download.js";
import { failureBox } from "../shared/failure.js";
import { MAX_BYTES, queueForm, readForm, showFormErrors } from "./form.js";
import { resultView, table } from "./table.js";

// A whole list is one call: larger and slower than one of the guide's answers (up to 2,000 rows,
// some seconds on a slow device). A 5 MB file can come to twice its size as JSON.
export const QUEUE_CALL = { timeoutMs: 120_000, maxChars: 2 * MAX_BYTES + 10_000 };
export const QUEUE_STATUS = {
  waiting: "Prioriteringen gjør seg klar. Listen regnes ut så snart den er klar …",
  loading: "Laster ned motoren",
  ready: "Prioriteringen er klar; regner ut listen …",
};
const KEPT = "Listen du har lagt inn, er tatt vare på i denne fanen.";

export class Queue {
  /** `engine`: an EngineClient; `status`: a StatusLine; `cite`: the labels for provisions and sources. */
  constructor({ engine, status, root, main, cite, siteBase }) {
    Object.assign(this, { engine, status, root, main, cite, siteBase });
    this.result = null;
    this.sort = { key: "rank", dir: "ascending" };
    this.busy = false;
    this.idleTasks = []; // run once no list is being worked out (whenIdle)
  }

  start() {
    this.resultArea = el("div", { id: "queue-result", "aria-live": "off" });
    this.main.replaceChildren(queueForm(() => this.run()), this.resultArea);
    this.root.dataset.state = this.engine.state;
  }

  /** The engine is ready: the worker has loaded the queue's own modules and data already (the
   * page's `prepare`, docs/prioritering.md), so a list runs at once. (The page boots the ordinary
   * way, never from the snapshot: docs/prioritering.md says why.) */
  engineReady() {
    this.status.ready();
    performance.mark("queue:engine-ready"); // read by bench/
    if (!this.busy && this.root.dataset.state === "starting") this.root.dataset.state = "ready";
  }

  /** Run `task` now if no list is being worked out, else once the current one is drawn (or stopped). */
  whenIdle(task) {
    if (this.busy) this.idleTasks.push(task);
    else task();
  }

  idle() {
    for (const task of this.idleTasks.splice(0)) setTimeout(task, 0);
  }

  /** The engine failed: its fixed sentence where the list would be; the form keeps what was typed. */
  engineFailed(failure) {
    this.interrupted = this.busy;
    this.busy = false;
    this.root.dataset.state = "failed";
    this.status.clear();
    const box = failureBox({
      prefix: "queue", code: failure.code, name: "prioriteringen", note: KEPT, siteBase: this.siteBase, retry: () => this.retry(),
    });
    this.resultArea.replaceChildren(box);
  }

  /** "Prøv igjen": a new worker, and the list the user asked for, if the failure cut it off. */
  retry() {
    this.resultArea.replaceChildren();
    this.root.dataset.state = "starting";
    this.engine.restart();
    if (this.interrupted && this.engine.state !== "failed") this.run();
  }

  /** "Lag prioritert liste": the form's list, ranked by the engine. */
  async run() {
    if (this.busy) return;
    if (this.engine.state === "failed") {
      this.interrupted = true;
      return this.retry(); // the failure box offers the same
    }
    const form = await readForm();
    if (form.errors) return showFormErrors(form.errors);
    showFormErrors([]);
    this.busy = true;
    this.root.dataset.state = "busy";
    performance.mark("queue:submit"); // read by bench/
    if (this.engine.state === "ready") this.status.say("Regner ut listen …");
    else this.status.wait(this.engine.progress);
    this.resultArea.replaceChildren(this.working());
    let reply;
    try {
      reply = await this.engine.call({ ...form.request, op: "queue" }, { ...QUEUE_CALL, onProgress: (done, total) => this.rowsDone(done, total) });
    } catch (err) {
      this.busy = false;
      this.idle();
      if (err.code === "stopped") return; // stop() has said so
      if (err.code !== "too_large") return; // an engine failure shows its own state (engineFailed)
      reply = { ok: false, error: "Listen er for stor. Del den i flere filer." };
    }
    performance.mark("queue:reply"); // read by bench/: the engine's part ends here
    this.busy = false;
    this.status.clear();
    this.show(form, reply);
    this.idle();
  }

  /** While the list is worked out: how many rows are done (the engine says so as it goes), and
   * "Stopp utregningen": a long list (a slow device, a huge file) need not be waited for. The bar is
   * not a live region: the status line has said once that the list is being worked out. */
  working() {
    this.bar = el("progress", { id: "queue-progress", "aria-labelledby": "queue-progress-text" }); // no value yet: "working"
    this.barText = el("span", { id: "queue-progress-text", text: "Rader regnet ut" });
    return el("div", { class: "queue-working" },
      el("p", { class: "queue-progress" }, this.barText, " ", this.bar),
      el("p", { class: "queue-stop" }, el("button", {
        type: "button", id: "queue-stop", class: "md-button", text: "Stopp utregningen", onclick: () => this.stop(),
      })));
  }

  rowsDone(done, total) {
    if (!this.busy || !this.bar || !total) return;
    this.bar.max = total;
    this.bar.value = done;
    this.barText.textContent = `Rader regnet ut: ${done.toLocaleString("nb-NO")} av ${total.toLocaleString("nb-NO")}`;
  }

  /** End the engine's worker and start a fresh one; the form keeps the list and the settings. */
  stop() {
    if (!this.busy) return;
    this.busy = false;
    this.engine.stop();
    this.root.dataset.state = "starting";
    this.status.clear();
    const note = el("p", { id: "queue-stopped", class: "queue-warning", tabindex: "-1", role: "status",
      text: `Utregningen er stoppet. ${KEPT} Del gjerne listen i mindre filer og prøv igjen.` });
    this.resultArea.replaceChildren(note);
    note.focus();
  }

  show(form, reply) {
    const result = reply.ok ? reply.result : null;
    if (!result || (result.errors.length && !result.rows.length)) {
      this.root.dataset.state = "ready";
      if (!result) console.warn("Prioriteringen:", reply.detail || reply.error); // the technical detail is for the console
      this.resultArea.replaceChildren();
      return showFormErrors(result ? result.errors : [{ field: "input", message: `Listen kunne ikke regnes ut. ${reply.error}` }]);
    }
    if (result.errors.length) showFormErrors(result.errors);
    Object.assign(this, { result, request: form.request, sort: { key: "rank", dir: "ascending" }, filter: {} });
    const view = this.render();
    if (!result.errors.length) view.heading.focus();
    this.root.dataset.state = "done";
    performance.mark("queue:rendered");
    performance.measure("queue:run", "queue:submit", "queue:rendered"); // read by bench/
    performance.measure("queue:engine", "queue:submit", "queue:reply");
  }

  render() {
    const view = resultView({
      result: this.result, sort: this.sort, filter: this.filter, cite: this.cite, getFile: (...a) => this.file(...a),
      onSort: (key) => this.sortBy(key), onFilter: (f) => this.filterBy(f), onPlan: (id) => this.choosePlan(id),
    });
    this.resultArea.replaceChildren(...view.nodes);
    return view;
  }

  /** The centre picks the other plan: the engine gives the rows that plan's dates (the rows are
   * evaluated once; only the plan is made again), and the downloads follow it. */
  async choosePlan(id) {
    if (this.busy || this.request.plan === id) return;
    this.busy = true;
    this.root.dataset.state = "busy";
    const request = { ...this.request, plan: id };
    let reply;
    try {
      reply = await this.engine.call({ ...request, op: "queue" }, QUEUE_CALL);
    } catch {
      reply = null;
    }
    this.busy = false;
    this.root.dataset.state = "done";
    if (!reply || !reply.ok) return;
    Object.assign(this, { result: reply.result, request });
    this.render();
    document.getElementById(`queue-plan-${id}`)?.focus();
  }

  /** Show only one county or one status; the sort stays. */
  filterBy(filter) {
    this.filter = filter;
    const old = document.querySelector("#queue-table")?.closest(".queue-table-wrap");
    if (!old) return;
    old.replaceWith(table(this.result, this.sort, this.cite, (k) => this.sortBy(k), this.filter));
  }

  /** A download, made when asked for from the rows the engine already holds (the same message). */
  async file(key, name, type) {
    try {
      const reply = await this.engine.call({ ...this.request, op: "queue_files" }, QUEUE_CALL);
      if (!reply.ok) throw new Error(reply.error);
      download(reply.result[key], name, type);
    } catch (err) {
      if (this.engine.state !== "failed") this.status.say(`Filen kunne ikke lages (${err.message}).`);
    }
  }

  sortBy(key) {
    const same = this.sort.key === key;
    this.sort = { key, dir: same && this.sort.dir === "ascending" ? "descending" : "ascending" };
    const old = document.querySelector("#queue-table")?.closest(".queue-table-wrap");
    if (!old) return;
    old.replaceWith(table(this.result, this.sort, this.cite, (k) => this.sortBy(k), this.filter));
    document.querySelector(`#queue-table button[data-sort="${key}"]`).focus();
  }
}
