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
      snapshot: boot.snapshot ? new URL(boot.snapshot, siteBase).href : null,
    });
    return this;
  }

  receive(msg) {
    if (msg.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.bootMs = msg.bootMs;
      this.fromSnapshot = msg.fromSnapshot;
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

// ---- the guide: one question per step, review, result ----------------------------------------

const STATUS_CLASS = {
  right_and_duty: "guide-status--yes",
  right_only: "guide-status--partly",
  assess_need: "guide-status--partly",
  not_covered: "guide-status--no",
};
const WHO = { county: "Fylkeskommunen", municipality: "Kommunen", unknown: "Ikke avklart" };
const OPTION_LIMIT_FOR_RADIOS = 7;

function refLink(id) {
  const ref = (boot.references || {})[id];
  const label = ref ? ref.label : id;
  return el("a", { href: new URL("lovgrunnlag/#" + id, siteBase).href, text: label });
}

function refLinks(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const span = el("span", { class: "guide-refs" }, "Grunnlag: ");
  list.forEach((id, i) => {
    if (i) span.append(", ");
    span.append(refLink(id));
  });
  return span;
}

function sourceText(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const titles = list.map((id) => ((boot.sources || {})[id] ? boot.sources[id] : id));
  return el("span", { class: "guide-sources", text: "Kilde: " + titles.join("; ") });
}

class Guide {
  constructor(engine) {
    this.engine = engine;
    this.on = today();
    this.questions = new Map((boot.questions || []).map((q) => [q.id, q]));
    this.answers = {}; // in memory only: never written to storage, cookies or the URL
    this.path = boot.questions && boot.questions.length ? [boot.questions[0].id] : [];
    this.history = [];
    this.current = null;
    this.mode = "question";
    this.returnToReview = false;
    this.busy = false;
  }

  start() {
    // The engine may already have failed (no WebAssembly): its error state stays on screen.
    if (!this.path.length || this.engine.state === "failed") return;
    this.showQuestion(this.path[0], { focus: false });
    performance.mark("guide:first-question"); // read by bench/
  }

  engineReady() {
    engineStatus.textContent = "";
    if (this.waiting) {
      this.waiting = false;
      engineStatus.textContent = "Veiviseren er klar.";
    }
  }

  engineFailed() {
    this.busy = false;
  }

  // -- the question step ---------------------------------------------------------------------

  options(q) {
    if (q.id === "county") {
      const valid = new Set(countiesOn(this.on).map((c) => c.id));
      return q.options.filter((o) => valid.has(o.value));
    }
    return q.options || [];
  }

  showQuestion(id, { focus = true, errors = [] } = {}) {
    const q = this.questions.get(id);
    if (!q) return;
    this.mode = "question";
    this.current = id;
    setRootState(this.engine.state);
    const fieldErrors = errors.filter((e) => e.field === id);
    const helpId = `q-${id}-help`;
    const errorId = `q-${id}-error`;
    const describedBy = [helpId, fieldErrors.length ? errorId : null].filter(Boolean).join(" ");
    const value = this.answers[id];
    const headingId = "guide-question-heading";
    let field;
    let heading;

    const opts = this.options(q);
    if ((q.type === "choice" && opts.length <= OPTION_LIMIT_FOR_RADIOS) || q.type === "boolean") {
      heading = el("h3", { id: headingId, class: "guide-question", tabindex: "-1", text: q.text });
      field = el(
        "fieldset",
        { class: "guide-field", "aria-describedby": describedBy, "aria-invalid": fieldErrors.length ? "true" : null },
        el("legend", {}, heading),
        el("p", { id: helpId, class: "guide-help", text: q.help }),
        fieldErrors.length ? this.errorText(errorId, fieldErrors) : null,
        el(
          "div",
          { class: "guide-options" },
          opts.map((o, i) =>
            el(
              "div",
              { class: "guide-option" },
              el("input", {
                type: "radio",
                name: `q-${id}`,
                id: i === 0 ? `q-${id}` : `q-${id}-${i}`,
                value: JSON.stringify(o.value),
                checked: value !== undefined && value === o.value,
              }),
              el("label", { for: i === 0 ? `q-${id}` : `q-${id}-${i}`, text: o.label }),
            ),
          ),
        ),
      );
    } else {
      let input;
      const common = {
        id: `q-${id}`,
        name: id,
        "aria-describedby": describedBy,
        "aria-invalid": fieldErrors.length ? "true" : null,
        "aria-required": q.required ? "true" : null,
      };
      if (q.type === "choice") {
        input = el(
          "select",
          common,
          el("option", { value: "", text: "Velg …" }),
          opts.map((o) => el("option", { value: JSON.stringify(o.value), text: o.label, selected: value === o.value })),
        );
      } else if (q.type === "textarea") {
        input = el("textarea", { ...common, rows: "5", maxlength: q.max_length || null });
        input.value = value ?? "";
      } else {
        const type = q.type === "date" ? "date" : "text";
        input = el("input", {
          ...common,
          type,
          inputmode: q.type === "integer" ? "numeric" : null,
          autocomplete: "off",
          maxlength: q.max_length || null,
          class: q.type === "integer" ? "guide-input--short" : null,
        });
        input.value = value === undefined || value === null ? "" : String(value);
      }
      heading = el("h3", { id: headingId, class: "guide-question", tabindex: "-1" }, el("label", { for: `q-${id}`, text: q.text }));
      field = el(
        "div",
        { class: "guide-field" },
        heading,
        el("p", { id: helpId, class: "guide-help", text: q.help + (q.required ? "" : " Du kan hoppe over dette spørsmålet.") }),
        fieldErrors.length ? this.errorText(errorId, fieldErrors) : null,
        input,
      );
    }

    const position = Math.max(1, this.path.indexOf(id) + 1);
    const form = el(
      "form",
      { id: "guide-step", novalidate: true, "data-question": id, "aria-labelledby": headingId },
      errors.length ? this.errorSummary(errors) : null,
      el("p", { class: "guide-progress", id: "guide-progress", text: `Spørsmål ${position} av ${Math.max(position, this.path.length)}${this.path.length > position ? "" : " så langt"}` }),
      field,
      el(
        "div",
        { class: "guide-actions" },
        el("button", { type: "submit", class: "md-button md-button--primary", id: "guide-next", text: this.returnToReview ? "Lagre og gå til oversikten" : "Neste" }),
        this.history.length
          ? el("button", { type: "button", class: "md-button", id: "guide-back", text: "Tilbake", onclick: () => this.back() })
          : null,
      ),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    main.replaceChildren(form);
    if (errors.length) document.getElementById("guide-error-summary").focus();
    else if (focus) heading.focus();
    performance.mark("guide:step-rendered"); // read by bench/
  }

  errorText(id, errs) {
    return el("p", { id, class: "guide-error" }, el("span", { class: "md-visually-hidden", text: "Feil: " }), errs.map((e) => e.message).join(" "));
  }

  errorSummary(errors) {
    return el(
      "div",
      { id: "guide-error-summary", class: "guide-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "guide-error-summary-title" },
      el("h3", { id: "guide-error-summary-title", text: "Noe må rettes" }),
      el(
        "ul",
        {},
        errors.map((e) =>
          el(
            "li",
            {},
            el("a", {
              href: `#q-${e.field}`,
              text: e.message,
              onclick: (ev) => {
                ev.preventDefault();
                if (e.field === this.current) document.getElementById(`q-${e.field}`)?.focus();
                else this.goTo(e.field);
              },
            }),
          ),
        ),
      ),
    );
  }

  readValue(q) {
    if (q.type === "boolean" || (q.type === "choice" && document.querySelector(`input[name="q-${q.id}"]`))) {
      const checked = document.querySelector(`input[name="q-${q.id}"]:checked`);
      return checked ? JSON.parse(checked.value) : undefined;
    }
    const input = document.getElementById(`q-${q.id}`);
    if (!input) return undefined;
    if (q.type === "choice") return input.value ? JSON.parse(input.value) : undefined;
    const raw = input.value;
    if (raw.trim() === "") return undefined;
    if (q.type === "integer" && /^\s*-?\d+\s*$/.test(raw)) return parseInt(raw, 10);
    return raw; // the engine judges it and answers in Norwegian at this question
  }

  activeAnswers() {
    // Only what is on the current path is sent: answers from a path left behind are kept (the
    // user may come back) but do not count.
    const out = {};
    for (const id of this.path) if (this.answers[id] !== undefined) out[id] = this.answers[id];
    return out;
  }

  async submit() {
    if (this.busy) return;
    const q = this.questions.get(this.current);
    const v = this.readValue(q);
    // A skipped optional question is answered with null, so the engine knows it was seen.
    if (v === undefined && q.required) delete this.answers[q.id];
    else this.answers[q.id] = v === undefined ? null : v;
    if (q.required && v === undefined) {
      this.showQuestion(q.id, { errors: [{ field: q.id, message: q.type === "choice" || q.type === "boolean" ? "Velg et svar." : "Fyll ut dette feltet." }] });
      return;
    }
    const reply = await this.ask("step", { answers: { ...this.answers } });
    if (!reply) return;
    this.path = reply.path;
    const mine = reply.errors.filter((e) => e.field === q.id);
    if (mine.length) {
      this.showQuestion(q.id, { errors: mine });
      return;
    }
    const errorsBefore = reply.errors.filter((e) => this.path.indexOf(e.field) >= 0 && this.path.indexOf(e.field) < this.path.indexOf(q.id));
    if (errorsBefore.length) {
      this.history.push(q.id);
      this.showQuestion(errorsBefore[0].field, { errors: errorsBefore });
      return;
    }
    this.history.push(q.id);
    if (reply.next === null || reply.next === undefined) {
      this.returnToReview = false;
      this.showReview(reply.errors);
    } else if (this.returnToReview && this.answers[reply.next] !== undefined) {
      this.showReview(reply.errors);
    } else {
      this.showQuestion(reply.next);
    }
  }

  async ask(op, payload) {
    this.busy = true;
    const form = document.getElementById("guide-step") || main;
    if (this.engine.state !== "ready") {
      this.waiting = true;
      form.setAttribute("aria-busy", "true");
      setRootState("waiting");
      engineStatus.textContent = "Veiviseren gjør seg klar. Svaret ditt er tatt vare på, og du går videre straks den er klar …";
    }
    try {
      const reply = await this.engine.call({ op, on: this.on, ...payload });
      if (!reply.ok) throw new Error(reply.error || "ukjent feil");
      return reply.result;
    } catch (err) {
      if (this.engine.state !== "failed") {
        engineStatus.textContent = "Noe gikk galt i veiviseren: " + err.message + ". Svarene dine er tatt vare på; prøv igjen.";
      }
      return null;
    } finally {
      this.busy = false;
      form.removeAttribute("aria-busy");
      if (root.dataset.state === "waiting") setRootState(this.engine.state);
    }
  }

  back() {
    const prev = this.history.pop();
    if (prev) this.showQuestion(prev);
  }

  goTo(id) {
    if (this.current && this.current !== id) this.history.push(this.current);
    this.showQuestion(id);
  }

  // -- review ("Se over svarene") ------------------------------------------------------------

  answerLabel(q, v) {
    if (v === undefined || v === null || v === "") return "Ikke besvart";
    const opt = (q.options || []).find((o) => o.value === v);
    if (opt) return opt.label;
    if (q.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return String(v);
  }

  showReview(errors = []) {
    this.mode = "review";
    this.current = null;
    const heading = el("h3", { id: "guide-review-heading", tabindex: "-1", text: "Se over svarene" });
    const rows = this.path.map((id) => {
      const q = this.questions.get(id);
      return el(
        "div",
        { class: "guide-review-row" },
        el("dt", { text: q.text }),
        el("dd", {}, el("span", { class: "guide-review-answer", text: this.answerLabel(q, this.answers[id]) }), " ",
          el("button", {
            type: "button",
            class: "guide-link-button",
            "data-edit": id,
            onclick: () => {
              this.returnToReview = true;
              this.history = [];
              this.showQuestion(id);
            },
          }, "Endre", el("span", { class: "md-visually-hidden", text: ": " + q.text })),
        ),
      );
    });
    const view = el(
      "div",
      { id: "guide-review" },
      errors.length ? this.errorSummary(errors) : null,
      heading,
      el("p", { text: "Sjekk svarene før du ser resultatet. Velg «Endre» for å rette et svar." }),
      el("dl", { class: "guide-review-list" }, rows),
      el(
        "div",
        { class: "guide-actions" },
        el("button", { type: "button", class: "md-button md-button--primary", id: "guide-show-result", text: "Vis resultatet", onclick: () => this.showResult() }),
        el("button", { type: "button", class: "md-button", id: "guide-back", text: "Tilbake", onclick: () => this.back() }),
      ),
    );
    main.replaceChildren(view);
    if (errors.length) document.getElementById("guide-error-summary").focus();
    else heading.focus();
    performance.mark("guide:step-rendered"); // read by bench/
  }

  // -- result ----------------------------------------------------------------------------------

  async showResult() {
    const result = await this.ask("evaluate", { answers: this.activeAnswers() });
    if (!result) return;
    if (result.errors && result.errors.length) {
      const first = result.errors[0].field;
      if (this.questions.has(first)) this.showQuestion(first, { errors: result.errors.filter((e) => this.questions.has(e.field)) });
      else this.showReview(result.errors);
      return;
    }
    this.mode = "result";
    this.history.push(null);
    main.replaceChildren(renderResult(result, this));
    document.getElementById("guide-result-heading").focus();
  }

  restart() {
    this.answers = {};
    this.history = [];
    this.path = [boot.questions[0].id];
    this.returnToReview = false;
    this.showQuestion(this.path[0]);
  }
}

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
function formatDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

function section(id, title, ...children) {
  return el("section", { class: "guide-result-section", id, "aria-labelledby": id + "-h" }, el("h4", { id: id + "-h", text: title }), ...children);
}

function reasonList(reasons) {
  const list = (reasons || []).map((r) => (typeof r === "string" ? r : r.text));
  return list.length ? el("ul", {}, list.map((t) => el("li", { text: t }))) : null;
}

function renderResult(r, guide) {
  const e = r.eligibility || {};
  const out = el("div", { id: "guide-result" });
  out.append(
    el("h3", { id: "guide-result-heading", tabindex: "-1", text: "Resultat" }),
    el("p", { class: "guide-result-meta", text: `Regnet ut per ${formatDate(r.on || guide.on)}. Resultatet er veiledende; sjekk alltid kildene.` }),
  );

  // The county's routine the result rests on, with a link to its page
  const c = r.county || {};
  if (c.id) {
    out.append(
      el("p", { class: "guide-routine", id: "guide-routine" },
        c.routine ? `${c.name}: rutinen «${c.routine.title}» er brukt. ` : `${c.name}: ingen rutine registrert; resultatet bygger på lovens minimum. `,
        el("a", { href: new URL(`counties/${c.id}/`, siteBase).href, text: `Se ${c.name} sin side` })),
    );
  }
  const notes = [...(r.warnings || []), ...(r.data_notes || []).map((n) => n.note), ...(r.deadline_notes || []).map((n) => (typeof n === "string" ? n : n.text || n.note))].filter(Boolean);
  if (notes.length) {
    out.append(el("div", { class: "admonition note", id: "guide-notes" }, el("p", { class: "admonition-title", text: "Merk" }), el("ul", {}, notes.map((t) => el("li", { text: t })))));
  }

  // Eligibility
  const elig = section(
    "guide-eligibility",
    "Rett og plikt",
    el("p", { class: `guide-status ${STATUS_CLASS[e.status] || ""}`, "data-status": e.status, text: e.label || e.status }),
    reasonList(e.reasons),
    refLinks(e.references),
  );
  if (e.unconfirmed && e.unconfirmed.length) {
    elig.append(
      el("div", { class: "admonition warning" }, el("p", { class: "admonition-title", text: "Ikke bekreftet" }),
        el("ul", {}, e.unconfirmed.map((u) => el("li", { text: u.text + (u.note ? " " + u.note : "") })))),
    );
  }
  if (e.may_offer && e.may_offer.length) elig.append(el("p", { text: "Kommunen kan likevel tilby: " }), reasonList(e.may_offer));
  out.append(elig);

  // Priority
  const p = r.priority || {};
  if (p.applies) {
    out.append(section("guide-priority", "Prioritering", el("p", { text: p.label || `Prioritet: ${p.level}` }), reasonList(p.reasons), refLinks(p.references), sourceText(p.sources)));
  }

  // Interpreter
  const i = r.interpreter || {};
  out.append(
    section(
      "guide-interpreter",
      "Tolk",
      el(
        "dl",
        { class: "guide-facts" },
        el("dt", { text: "Bestiller" }), el("dd", { id: "guide-interpreter-orders", "data-value": i.orders, text: WHO[i.orders] || i.orders }),
        el("dt", { text: "Betaler" }), el("dd", { id: "guide-interpreter-pays", "data-value": i.pays, text: WHO[i.pays] || i.pays }),
        i.language ? [el("dt", { text: "Språk" }), el("dd", { text: i.language })] : null,
        i.refund ? [el("dt", { text: "Refusjon" }), el("dd", { text: i.refund })] : null,
      ),
      reasonList(i.reasons),
      refLinks(i.references),
      sourceText(i.sources),
    ),
  );

  // The programme adviser's participation
  const a = r.adviser || {};
  if (a.text) {
    out.append(section("guide-adviser", "Programrådgiveren", el("p", { text: a.text }), refLinks(a.references), sourceText(a.sources)));
  }

  // Deadlines
  const deadlines = r.deadlines || [];
  if (deadlines.length) {
    out.append(
      section(
        "guide-deadlines",
        "Frister",
        el(
          "table",
          { class: "guide-deadlines", "aria-labelledby": "guide-deadlines-h" },
          el("thead", {}, el("tr", {}, ["Frist", "Dato", "Status", "Grunnlag"].map((h) => el("th", { scope: "col", text: h })))),
          el(
            "tbody",
            {},
            deadlines.map((d) =>
              el(
                "tr",
                { "data-deadline": d.id, class: d.overdue ? "guide-overdue" : null },
                el("th", { scope: "row", text: d.label || d.id }),
                el("td", {}, el("time", { datetime: d.date, text: d.date_text || formatDate(d.date) })),
                el("td", { text: d.overdue ? "Fristen er passert" : "I rute" }),
                el("td", {}, d.basis ? el("span", { text: d.basis + " " }) : null, refLinks(d.references)),
              ),
            ),
          ),
        ),
      ),
    );
  }

  // Checklist
  const checklist = r.checklist || [];
  const checklistSection = section(
    "guide-checklist",
    "Sjekkliste",
    el(
      "ol",
      { class: "guide-checklist" },
      checklist.map((t, n) =>
        el(
          "li",
          {},
          el("input", { type: "checkbox", id: `guide-task-${n}` }),
          el("label", { for: `guide-task-${n}` }, el("strong", { text: (t.who_label || t.who) + ": " }), t.task, t.due_text ? ` (innen ${t.due_text})` : ""),
          el("div", { class: "guide-task-basis" }, t.basis ? el("span", { text: t.basis + " " }) : null, refLinks(t.references)),
        ),
      ),
    ),
    el("div", { class: "guide-actions guide-no-print" },
      el("button", { type: "button", class: "md-button", id: "guide-print-checklist", text: "Skriv ut sjekklisten", onclick: () => printOnly("checklist") })),
  );
  out.append(checklistSection);

  // Referral
  const ref = r.referral || {};
  if (ref.applicable) {
    const body = ref.body || "";
    const mailto = ref.to ? `mailto:${encodeURIComponent(ref.to)}?subject=${encodeURIComponent(ref.subject)}&body=${encodeURIComponent(body)}` : null;
    const copied = el("span", { class: "guide-copied", role: "status", "aria-live": "polite" });
    out.append(
      section(
        "guide-referral",
        "Utkast til henvisning",
        el("dl", { class: "guide-facts" },
          el("dt", { text: "Til" }), el("dd", { id: "guide-referral-to", text: ref.to || "Ingen bestillingsadresse registrert" }),
          el("dt", { text: "Emne" }), el("dd", { id: "guide-referral-subject", text: ref.subject })),
        ref.reason ? el("p", { text: ref.reason }) : null,
        el("pre", { id: "guide-referral-body", class: "guide-referral-body", tabindex: "0", "aria-label": "Tekst til henvisningen", text: body }),
        ref.reminder ? el("p", { class: "guide-reminder", text: ref.reminder }) : null,
        el(
          "div",
          { class: "guide-actions guide-no-print" },
          el("button", {
            type: "button", class: "md-button", id: "guide-copy", text: "Kopier",
            onclick: async () => {
              try {
                await navigator.clipboard.writeText(`${ref.subject}\n\n${body}`);
                copied.textContent = "Teksten er kopiert.";
              } catch {
                const range = document.createRange();
                range.selectNodeContents(document.getElementById("guide-referral-body"));
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                copied.textContent = "Teksten er merket: trykk Ctrl+C for å kopiere.";
              }
            },
          }),
          mailto ? el("a", { class: "md-button", id: "guide-mailto", href: mailto, text: "Åpne i e-post" }) : null,
          el("button", {
            type: "button", class: "md-button", id: "guide-download", text: "Last ned (.txt)",
            onclick: () => {
              const blob = new Blob([`Til: ${ref.to || ""}\nEmne: ${ref.subject}\n\n${body}`], { type: "text/plain;charset=utf-8" });
              const url = URL.createObjectURL(blob);
              const a = el("a", { href: url, download: "henvisning-karriereveiledning.txt" });
              document.body.append(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(url), 1000);
            },
          }),
          el("button", { type: "button", class: "md-button", id: "guide-print-referral", text: "Skriv ut henvisningen", onclick: () => printOnly("referral") }),
          copied,
        ),
      ),
    );
  } else if (ref.reason) {
    out.append(section("guide-referral", "Henvisning", el("p", { text: ref.reason })));
  }

  out.append(
    el("div", { class: "guide-actions guide-no-print" },
      el("button", { type: "button", class: "md-button md-button--primary", id: "guide-print", text: "Skriv ut sjekkliste og henvisning", onclick: () => printOnly("all") }),
      el("button", { type: "button", class: "md-button", id: "guide-edit", text: "Endre svarene", onclick: () => guide.showReview() }),
      el("button", { type: "button", class: "md-button", id: "guide-restart", text: "Start på nytt", onclick: () => guide.restart() })),
  );
  return out;
}

function printOnly(what) {
  document.body.dataset.guidePrint = what;
  const done = () => {
    delete document.body.dataset.guidePrint;
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

function countiesOn(date) {
  return boot.counties.filter((c) => (!c.valid_from || c.valid_from <= date) && (!c.valid_to || date <= c.valid_to));
}

// ---- start -----------------------------------------------------------------------------------

const engine = new Engine();
const guide = new Guide(engine);
engine.onReady = () => {
  performance.mark("guide:engine-ready"); // read by bench/
  setRootState("ready");
  guide.engineReady();
};
engine.onFailed = (message) => {
  guide.engineFailed();
  showFailure(message);
};
setRootState("starting");
engine.start(); // first, so Pyodide boots while the first question is drawn
guide.start();
window.__guide = { engine, guide }; // for tests and the benchmark (answers are never stored)
