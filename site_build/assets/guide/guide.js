// The guide page's script. The first question works from the boot data at once; Pyodide starts
// in a Web Worker meanwhile, and every answer after that is a message to the engine there.
// Nothing typed is stored anywhere: answers live in this page's memory only.

const root = document.getElementById("guide");
const boot = JSON.parse(document.getElementById("guide-boot").textContent);
const main = document.getElementById("guide-main");
const engineStatus = document.getElementById("guide-engine-status");
const siteBase = new URL(root.dataset.base.replace(/\/?$/, "/"), location.href);
const BOOT_TIMEOUT_MS = 60000;

// ---- the engine in the worker ---------------------------------------------------------------

class Engine {
  constructor() {
    this.pending = new Map();
    this.seq = 0;
    this.state = "starting";
    this.ready = new Promise((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
    this.ready.catch(() => {}); // failure is shown through onFailed
  }

  start() {
    let worker;
    try {
      if (typeof WebAssembly !== "object") throw new Error("Nettleseren din kjører ikke WebAssembly.");
      worker = new Worker(new URL(boot.worker, siteBase), { type: "module" });
    } catch (err) {
      this.fail(err.message || String(err));
      return this;
    }
    this.worker = worker;
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(e.message || "Veiviserens arbeidstråd kunne ikke lastes.");
    };
    this.timer = setTimeout(() => this.fail("Oppstarten tok for lang tid."), BOOT_TIMEOUT_MS);
    worker.postMessage({
      type: "init",
      pyodide: new URL(boot.pyodide, siteBase).href,
      wheel: new URL(boot.wheel, siteBase).href,
    });
    return this;
  }

  receive(msg) {
    if (msg.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.bootMs = msg.bootMs;
      this._resolve();
      this.onReady && this.onReady(msg);
    } else if (msg.type === "failed") {
      this.fail(msg.message);
    } else if (msg.type === "reply") {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg.reply);
      }
    }
  }

  fail(message) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    this.state = "failed";
    this.failure = message;
    if (this.worker) this.worker.terminate();
    this._reject(new Error(message));
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.onFailed && this.onFailed(message);
  }

  async call(payload) {
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "call", id, payload });
    });
  }
}

// ---- small DOM helpers (text is always set as text, never parsed as HTML) ---------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function setRootState(state) {
  root.dataset.state = state;
}

// ---- engine status and failure ---------------------------------------------------------------

function showFailure(message) {
  setRootState("failed");
  engineStatus.textContent = "";
  const box = el(
    "div",
    { class: "admonition failure guide-failure", role: "alert", id: "guide-failure" },
    el("p", { class: "admonition-title", text: "Veiviseren kunne ikke starte" }),
    el("p", {
      text:
        "Nettleseren din fikk ikke startet veiviseren (" +
        message +
        "). Du kan fortsatt finne alt du trenger på fylkessidene og i den generelle sjekklisten.",
    }),
    el(
      "ul",
      {},
      el("li", {}, el("a", { href: new URL("counties/", siteBase).href, text: "Fylkenes rutiner" })),
      el("li", {}, el("a", { href: new URL("sjekkliste/", siteBase).href, text: "Generell sjekkliste (kan skrives ut)" })),
    ),
  );
  main.replaceChildren(box);
}

// ---- the first round trip: which county? -----------------------------------------------------

function countiesOn(date) {
  return boot.counties.filter((c) => (!c.valid_from || c.valid_from <= date) && (!c.valid_to || date <= c.valid_to));
}

function renderCountyQuestion(engine) {
  const on = today();
  const select = el(
    "select",
    { id: "q-county", name: "county", "aria-describedby": "q-county-help" },
    el("option", { value: "", text: "Velg fylke" }),
    countiesOn(on).map((c) => el("option", { value: c.id, text: c.name })),
  );
  const answer = el("div", { id: "guide-answer", "aria-live": "polite" });
  const form = el(
    "form",
    { id: "guide-step", novalidate: true },
    el("label", { for: "q-county", class: "guide-question", text: "Hvilket fylke er deltakeren bosatt i?" }),
    el("p", { id: "q-county-help", class: "guide-help", text: "Fylkeskommunen der deltakeren er bosatt, sørger for karriereveiledningen." }),
    select,
    el("div", { class: "guide-actions" }, el("button", { type: "submit", class: "md-button md-button--primary", text: "Neste" })),
    answer,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (engine.state !== "ready") engineStatus.textContent = "Veiviseren gjør seg klar …";
    const reply = await engine.call({ op: "county", id: select.value, on }).catch(() => null);
    if (!reply) return;
    const r = reply.ok ? reply.result : { ok: false, message: reply.error };
    answer.replaceChildren(
      r.ok
        ? el("p", { id: "guide-county-answer", text: `${r.name}: ${r.routine ? "rutine: " + r.routine : "ingen rutine registrert"}${r.booking_mailbox ? ". Bestilling: " + r.booking_mailbox : ""}` })
        : el("p", { class: "guide-error", id: "q-county-error", text: r.message }),
    );
  });
  main.replaceChildren(form);
}

// ---- start -----------------------------------------------------------------------------------

const engine = new Engine();
engine.onReady = () => {
  setRootState("ready");
  engineStatus.textContent = "";
};
engine.onFailed = showFailure;
renderCountyQuestion(engine);
setRootState("starting");
engine.start();
window.__guide = { engine }; // for tests and the benchmark
