// The queue page's script (/prioritering/). A list of participants (a CSV file or text pasted from
// a spreadsheet) goes to the engine in the guide's Web Worker in ONE message; the worker evaluates
// and ranks every row and sends back the rows, the export CSV and the calendar file. Nothing is
// stored or sent anywhere: the list lives in this page's memory only.
//
// The worker protocol is the guide's (site_build/assets/guide/worker.mjs):
//   {type: "init", pyodide, wheel, snapshot} -> {type: "ready"} | {type: "failed", message}
//   {type: "call", id, payload: {op, ...}}  -> {type: "reply", id, reply}

const root = document.getElementById("queue");
const boot = JSON.parse(document.getElementById("engine-boot").textContent);
const main = document.getElementById("queue-main");
const engineStatus = document.getElementById("queue-engine-status");
const siteBase = new URL(root.dataset.base.replace(/\/?$/, "/"), location.href);
const BOOT_TIMEOUT_MS = 60000;
const MAX_BYTES = 5 * 1024 * 1024;

// ---- the engine in the worker ------------------------------------------------------------------

class Engine {
  constructor() {
    this.pending = new Map();
    this.seq = 0;
    this.state = "starting";
    this.ready = new Promise((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
    this.ready.catch(() => {});
  }

  start() {
    try {
      if (typeof WebAssembly !== "object") throw new Error("Nettleseren din kjører ikke WebAssembly.");
      this.worker = new Worker(new URL(boot.worker, siteBase), { type: "module" });
    } catch (err) {
      this.fail(err.message || String(err));
      return this;
    }
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.fail(e.message || "Arbeidstråden kunne ikke lastes.");
    };
    this.timer = setTimeout(() => this.fail("Oppstarten tok for lang tid."), BOOT_TIMEOUT_MS);
    this.worker.postMessage({
      type: "init",
      pyodide: new URL(boot.pyodide, siteBase).href,
      wheel: new URL(boot.wheel, siteBase).href,
      snapshot: boot.snapshot ? new URL(boot.snapshot, siteBase).href : null,
    });
    return this;
  }

  receive(msg) {
    if (msg.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this._resolve();
      this.onReady && this.onReady();
    } else if (msg.type === "failed") {
      this.fail(msg.message || msg.detail || msg.code || "ukjent feil");
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

// ---- small DOM helpers (text is always set as text, never parsed as HTML) ----------------------

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

function refLinks(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const span = el("span", { class: "guide-refs" }, "Grunnlag: ");
  list.forEach((id, i) => {
    if (i) span.append(", ");
    const ref = (boot.references || {})[id];
    span.append(el("a", { href: new URL("lovgrunnlag/#" + id, siteBase).href, text: ref ? ref.label : id }));
  });
  return span;
}

function sourceText(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  return el("span", { class: "guide-sources", text: "Kilde: " + list.map((id) => (boot.sources || {})[id] || id).join("; ") });
}

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function readFile(file) {
  const buf = await file.arrayBuffer();
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), note: null };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(buf),
      note: "Filen var ikke lagret som UTF-8 og er lest som Windows-1252 (eldre Excel). Sjekk at æ, ø og å ser riktige ut.",
    };
  }
}

const FIELD_INPUT = { on: "queue-on", capacity: "queue-per-week", from: "queue-from", _file: "queue-paste", input: "queue-paste" };

// ---- the page ----------------------------------------------------------------------------------

const COLUMNS = [
  { key: "rank", label: "Rang", value: (r) => (r.rank === null ? Infinity : r.rank) },
  { key: "label", label: "Deltaker", value: (r) => r.label.toLocaleLowerCase("nb") },
  { key: "county", label: "Fylke", value: (r) => (r.county_name || "").toLocaleLowerCase("nb") },
  { key: "guidance_by", label: "Siste dag for veiledningen", value: (r) => r.guidance_by || "9999" },
  { key: "projected", label: "Planlagt time", value: (r) => r.projected || "9999", capacity: true },
  { key: "rule", label: "Plassert etter", value: (r) => (r.rule ? r.rule.id : "") },
];

class Queue {
  constructor(engine) {
    this.engine = engine;
    this.result = null;
    this.sort = { key: "rank", dir: "ascending" };
  }

  start() {
    this.showForm();
    root.dataset.state = this.engine.state;
  }

  engineReady() {
    engineStatus.textContent = this.waiting ? "Motoren er klar; regner ut listen …" : "";
    // Warm the engine up on example rows while the user picks a file: the first real list then
    // does not pay for imports and a runtime that has not compiled its hot paths yet. A list
    // submitted meanwhile simply waits its turn in the worker.
    performance.mark("queue:engine-ready");
    this.engine
      .call({ op: "queue_warm", rows: 100 })
      .catch(() => {})
      .finally(() => {
        performance.mark("queue:warm");
        performance.measure("queue:warm-up", "queue:engine-ready", "queue:warm"); // read by bench/
        if (!this.busy && root.dataset.state !== "done") root.dataset.state = "ready";
      });
  }

  engineFailed(message) {
    console.warn("Prioriteringen:", message); // the technical detail is for the console, not the page
    root.dataset.state = "failed";
    engineStatus.textContent = "";
    const box = el(
      "div",
      { class: "admonition failure guide-failure", role: "alert", id: "queue-failure" },
      el("p", { class: "admonition-title", text: "Prioriteringen kunne ikke starte" }),
      el("p", {
        text: "Nettleseren din fikk ikke startet motoren som regner ut listen. Last inn siden på nytt for å prøve igjen. Fristene for én deltaker finner du også på fylkessidene.",
      }),
      el("p", {}, el("a", { href: new URL("counties/", siteBase).href, text: "Fylkenes rutiner" })),
    );
    this.resultArea().replaceChildren(box);
  }

  field(id, label, input, help) {
    return el(
      "div",
      { class: "queue-field" },
      el("label", { for: id, text: label }),
      help ? el("p", { id: `${id}-help`, class: "guide-help", text: help }) : null,
      input,
    );
  }

  showForm() {
    const form = el("form", { id: "queue-form", novalidate: true, "aria-labelledby": "queue-heading" });
    const file = el("input", { type: "file", id: "queue-file", accept: ".csv,.txt,.tsv,text/csv,text/plain", "aria-describedby": "queue-file-help" });
    const paste = el("textarea", { id: "queue-paste", rows: "6", spellcheck: "false", autocomplete: "off", "aria-describedby": "queue-paste-help" });
    const on = el("input", { type: "date", id: "queue-on", "aria-describedby": "queue-on-help", required: true });
    on.value = today();
    const perWeek = el("input", {
      type: "text", id: "queue-per-week", inputmode: "numeric", autocomplete: "off", class: "guide-input--short", "aria-describedby": "queue-per-week-help",
    });
    const from = el("input", { type: "date", id: "queue-from", "aria-describedby": "queue-from-help" });
    form.append(
      el("div", { id: "queue-form-errors" }),
      el(
        "fieldset",
        { class: "queue-fieldset" },
        el("legend", { text: "Listen over deltakerne" }),
        this.field("queue-file", "Velg en CSV-fil", file, "Lagret fra Excel som «CSV UTF-8» eller «CSV (semikolondelt)», eller fra et annet regneark. Se malen over."),
        this.field("queue-paste", "eller lim inn fra regnearket", paste, "Merk radene med overskriftene i regnearket, kopier og lim inn her. Er det valgt en fil, brukes filen."),
      ),
      el(
        "fieldset",
        { class: "queue-fieldset" },
        el("legend", { text: "Dato og kapasitet" }),
        this.field("queue-on", "Regn ut per dato", on, "Fristene og fylkenes regler regnes ut for denne datoen. Standard er i dag."),
        this.field("queue-per-week", "Samtaler i uka (valgfritt)", perWeek, "Hvor mange veiledninger dere rekker i uka. Da får hver rad en planlagt dato, og siden viser hvem som ikke rekker fristen."),
        this.field("queue-from", "Fra dato (valgfritt)", from, "Første dag kapasiteten gjelder fra. Standard er datoen over."),
      ),
      el("div", { class: "guide-actions" }, el("button", { type: "submit", id: "queue-run", class: "md-button md-button--primary", text: "Lag prioritert liste" })),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.run();
    });
    main.replaceChildren(form, el("div", { id: "queue-result", "aria-live": "off" }));
  }

  resultArea() {
    return document.getElementById("queue-result");
  }

  showFormErrors(errors) {
    const box = document.getElementById("queue-form-errors");
    for (const input of document.querySelectorAll("#queue-form [aria-invalid]")) {
      input.removeAttribute("aria-invalid");
    }
    for (const old of document.querySelectorAll("#queue-form .guide-error")) old.remove();
    if (!errors.length) {
      box.replaceChildren();
      return;
    }
    const list = el("ul", {});
    for (const e of errors) {
      const id = FIELD_INPUT[e.field] || "queue-paste";
      const input = document.getElementById(id);
      const errId = `${id}-error`;
      if (input && !document.getElementById(errId)) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${id}-help ${errId}`);
        input.before(el("p", { class: "guide-error", id: errId, text: e.message }));
      }
      list.append(el("li", {}, el("a", { href: `#${id}`, text: e.message })));
    }
    const summary = el(
      "div",
      { class: "guide-error-summary", id: "queue-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "queue-error-title" },
      el("h3", { id: "queue-error-title", text: "Listen kunne ikke regnes ut" }),
      list,
    );
    box.replaceChildren(summary);
    summary.focus();
  }

  async run() {
    if (this.busy) return;
    const fileInput = document.getElementById("queue-file");
    const paste = document.getElementById("queue-paste").value;
    const on = document.getElementById("queue-on").value;
    const perWeek = document.getElementById("queue-per-week").value.trim();
    const from = document.getElementById("queue-from").value;
    const errors = [];
    let text = paste;
    let note = null;
    const file = fileInput.files && fileInput.files[0];
    if (file) {
      if (file.size > MAX_BYTES) {
        errors.push({ field: "_file", message: "Filen er større enn 5 MB. Del den i flere filer." });
      } else {
        ({ text, note } = await readFile(file));
      }
    } else if (!paste.trim()) {
      errors.push({ field: "input", message: "Velg en fil eller lim inn listen fra regnearket." });
    }
    if (!on) errors.push({ field: "on", message: "Skriv datoen listen skal regnes ut per (DD.MM.ÅÅÅÅ)." });
    if (errors.length) {
      this.showFormErrors(errors);
      return;
    }
    this.showFormErrors([]);
    this.busy = true;
    root.dataset.state = "busy";
    performance.mark("queue:submit"); // read by bench/
    if (this.engine.state !== "ready") {
      this.waiting = true;
      engineStatus.textContent = "Motoren starter. Listen regnes ut så snart den er klar …";
    } else {
      engineStatus.textContent = "Regner ut listen …";
    }
    let reply;
    try {
      this.request = { csv: text, on, per_week: perWeek || null, from: from || null };
      reply = await this.engine.call({ ...this.request, op: "queue" });
    } catch (err) {
      this.busy = false;
      return; // the failure state is on screen
    }
    performance.mark("queue:reply"); // read by bench/: the engine's part ends here
    this.busy = false;
    this.waiting = false;
    if (!reply.ok) {
      root.dataset.state = "ready";
      engineStatus.textContent = "";
      console.warn("Prioriteringen:", reply.detail || reply.error); // the technical detail is for the console
      this.showFormErrors([{ field: "input", message: `Listen kunne ikke regnes ut. ${reply.error}` }]);
      return;
    }
    const result = reply.result;
    if (result.errors.length && !result.rows.length) {
      root.dataset.state = "ready";
      engineStatus.textContent = "";
      this.resultArea().replaceChildren();
      this.showFormErrors(result.errors);
      return;
    }
    if (result.errors.length) this.showFormErrors(result.errors);
    this.result = result;
    this.note = note;
    this.sort = { key: "rank", dir: "ascending" };
    this.showResult({ focus: !result.errors.length });
    engineStatus.textContent = "";
    root.dataset.state = "done";
    performance.mark("queue:rendered");
    performance.measure("queue:run", "queue:submit", "queue:rendered"); // read by bench/
    performance.measure("queue:engine", "queue:submit", "queue:reply");
  }

  showResult({ focus }) {
    const r = this.result;
    const heading = el("h2", { id: "queue-result-heading", tabindex: "-1", text: `Prioritert liste per ${r.on_text}` });
    const parts = [heading];
    if (this.note) parts.push(el("p", { class: "guide-error", text: this.note }));
    for (const w of r.warnings) parts.push(el("p", { class: "guide-help queue-warning", text: w }));
    parts.push(el("p", { id: "queue-summary", text: r.summary }));
    if (r.capacity) {
      parts.push(
        el(
          "div",
          { id: "queue-capacity", class: "guide-status" },
          el("p", { id: "queue-capacity-summary", text: r.capacity.summary }),
          r.capacity.notes.length ? el("ul", {}, r.capacity.notes.map((n) => el("li", { text: n }))) : null,
        ),
      );
    }
    if (r.row_errors.length) parts.push(this.rowErrors(r.row_errors));
    parts.push(this.actions());
    parts.push(this.table());
    this.resultArea().replaceChildren(...parts);
    if (focus) heading.focus();
  }

  rowErrors(errors) {
    const rows = new Set(errors.map((e) => e.row)).size;
    return el(
      "section",
      { id: "queue-row-errors", class: "queue-row-errors", "aria-labelledby": "queue-row-errors-heading" },
      el("h3", { id: "queue-row-errors-heading", text: `Rader med feil (${rows})` }),
      el("p", { text: "Disse radene er ikke med i køen. Rett dem i regnearket og last inn listen på nytt; de andre radene er regnet ut." }),
      el(
        "ul",
        {},
        errors.map((e) => el("li", { "data-row": e.row }, el("strong", { text: `Rad ${e.row}` }), `, kolonne ${e.field}: ${e.message}`)),
      ),
    );
  }

  // The files are made when asked for, from the rows the engine already holds (same message).
  async files() {
    const reply = await this.engine.call({ ...this.request, op: "queue_files" });
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  }

  actions() {
    const r = this.result;
    const get = (key, name, type) => async () => {
      try {
        download((await this.files())[key], name, type);
      } catch (err) {
        engineStatus.textContent = `Filen kunne ikke lages (${err.message}).`;
      }
    };
    return el(
      "div",
      { class: "guide-actions queue-actions" },
      el("button", {
        type: "button", class: "md-button", id: "queue-download-csv", text: "Last ned som CSV (Excel)",
        onclick: get("export_csv", `prioritert-liste-${r.on}.csv`, "text/csv;charset=utf-8"),
      }),
      r.capacity
        ? el("button", {
            type: "button", class: "md-button", id: "queue-download-ics", text: "Last ned planlagte timer (kalender)",
            onclick: get("ics", `planlagte-timer-${r.on}.ics`, "text/calendar;charset=utf-8"),
          })
        : null,
      el("button", { type: "button", class: "md-button", id: "queue-print", text: "Skriv ut", onclick: () => window.print() }),
    );
  }

  sortedRows() {
    const col = COLUMNS.find((c) => c.key === this.sort.key) || COLUMNS[0];
    const sign = this.sort.dir === "ascending" ? 1 : -1;
    const rows = this.result.rows.filter((x) => x.status !== "error");
    return rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => {
        const va = col.value(a.row);
        const vb = col.value(b.row);
        return (va < vb ? -1 : va > vb ? 1 : 0) * sign || a.i - b.i;
      })
      .map((x) => x.row);
  }

  table() {
    const r = this.result;
    const cols = COLUMNS.filter((c) => !c.capacity || r.capacity);
    const head = el(
      "tr",
      {},
      cols.map((c) => {
        const active = this.sort.key === c.key;
        return el(
          "th",
          { scope: "col", "aria-sort": active ? this.sort.dir : null },
          el("button", {
            type: "button", class: "queue-sort", "data-sort": c.key, text: c.label,
            onclick: () => this.sortBy(c.key),
          }),
        );
      }),
    );
    const body = el("tbody");
    const rows = document.createDocumentFragment();
    for (const row of this.sortedRows()) rows.append(this.tableRow(row, cols));
    body.append(rows);
    return el(
      "div",
      { class: "queue-table-wrap" },
      el(
        "table",
        { id: "queue-table", class: "queue-table" },
        el("caption", { text: "Deltakerne i den rekkefølgen de må få veiledning. Velg en kolonneoverskrift for å sortere etter den." }),
        el("thead", {}, head),
        body,
      ),
    );
  }

  tableRow(row, cols) {
    const cells = {
      rank: () => el("td", { text: row.rank === null ? "–" : String(row.rank) }),
      label: () => el("th", { scope: "row", text: row.label }, el("span", { class: "guide-help queue-row-no", text: ` (rad ${row.row})` })),
      county: () => el("td", { text: row.county_name || "" }),
      guidance_by: () =>
        el(
          "td",
          { class: row.overdue ? "queue-overdue" : null },
          row.guidance_by_text ? `${row.guidance_by_text}${row.overdue ? " (passert)" : ""}` : "Ingen frist regnet ut",
          row.status === "not_covered" ? el("span", { class: "guide-help", text: ` ${row.eligibility_label || ""}` }) : null,
        ),
      projected: () =>
        el(
          "td",
          { class: row.misses ? "queue-misses" : null },
          row.projected_text || "–",
          row.misses ? el("strong", { text: " Etter fristen: trenger tidligere time" }) : null,
        ),
      rule: () => {
        const rule = row.rule || { text: "", basis: [] };
        let details = null;
        if (rule.basis.length || (rule.references || []).length) {
          // The basis is drawn when the row is opened: 2,000 rows stay quick to draw.
          details = el("details", {}, el("summary", { text: "Grunnlag" }));
          details.addEventListener("toggle", () => {
            if (!details.open || details.childElementCount > 1) return;
            details.append(el("ul", {}, rule.basis.map((b) => el("li", { text: b }))), refLinks(rule.references) || "", sourceText(rule.sources) || "");
          });
        }
        return el("td", { class: "queue-rule", "data-rule": rule.id }, el("span", { text: rule.text }), details);
      },
    };
    return el("tr", { "data-row": row.row, "data-status": row.status, class: row.misses ? "queue-row--misses" : null }, cols.map((c) => cells[c.key]()));
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? { key, dir: this.sort.dir === "ascending" ? "descending" : "ascending" } : { key, dir: "ascending" };
    const old = document.querySelector("#queue-table")?.closest(".queue-table-wrap");
    if (!old) return;
    old.replaceWith(this.table());
    document.querySelector(`#queue-table button[data-sort="${key}"]`).focus();
  }
}

const engine = new Engine();
const queue = new Queue(engine);
engine.onReady = () => queue.engineReady();
engine.onFailed = (message) => queue.engineFailed(message);
queue.start();
engine.start();
performance.mark("queue:form-ready"); // read by bench/
