// The practice page: a list of cases; each case asks the learner, then shows the engine's answer
// beside theirs. The engine runs in the guide's worker; the expected answers come only from it.
// Progress lives in this page's memory only (no storage, no cookies, no URL).

import { engineFromBoot } from "../engine/client.js";
import { keepEngineForNextVisit } from "../offline/register.js";
import { el, readData, siteBase as baseOf } from "../shared/dom.js";
import { failureBox } from "../shared/failure.js";
import { useLabels } from "../shared/format.js";
import { caseForm, comparison } from "./case-view.js";

const root = document.getElementById("practice");
const main = document.getElementById("practice-main");
const status = document.getElementById("practice-engine-status");
const engineBoot = readData("engine-boot");
const boot = readData("practice-boot");
const siteBase = baseOf(root.dataset.base);
useLabels(engineBoot.labels);

const ctx = { siteBase, fields: boot.fields, choices: boot.choices, references: engineBoot.references || {} };

class Practice {
  constructor(engine) {
    this.engine = engine;
    this.cases = boot.cases;
    this.given = {}; // case id -> {path: the learner's answer}
    this.scores = {}; // case id -> {right, total}
    this.current = null;
  }

  // -- named transitions ----------------------------------------------------------------------

  showList(focusId = null) {
    this.current = null;
    const done = Object.keys(this.scores).length;
    const right = Object.values(this.scores).reduce((n, s) => n + s.right, 0);
    const total = Object.values(this.scores).reduce((n, s) => n + s.total, 0);
    main.replaceChildren(el("div", { id: "practice-list-view" },
      el("p", { id: "practice-progress", text: done ? `Du har sjekket ${done} av ${this.cases.length} saker og svart riktig på ${right} av ${total} spørsmål.` : `${this.cases.length} saker. Velg en sak for å begynne.` }),
      el("ol", { class: "practice-list" }, this.cases.map((c) => {
        const s = this.scores[c.id];
        return el("li", { "data-case": c.id },
          el("button", { type: "button", class: "practice-open", id: `practice-open-${c.id}`, "aria-describedby": `practice-meta-${c.id}`, text: c.title, onclick: () => this.openCase(c.id) }),
          el("span", { class: "practice-meta", id: `practice-meta-${c.id}`, text: `${c.layer}. ${s ? `Sjekket: ${s.right} av ${s.total} riktig.` : "Ikke prøvd."}` }));
      }))));
    if (focusId) document.getElementById(`practice-open-${focusId}`)?.focus();
  }

  openCase(id, errors = []) {
    const c = this.cases.find((x) => x.id === id);
    const n = this.cases.indexOf(c) + 1;
    this.current = c;
    const heading = el("h3", { id: "practice-case-heading", tabindex: "-1", text: `Sak ${n} av ${this.cases.length}: ${c.title}` });
    main.replaceChildren(el("article", { id: "practice-case", "data-case": c.id, "aria-labelledby": "practice-case-heading" },
      heading,
      el("p", { class: "practice-layer", text: c.layer }),
      el("div", { class: "practice-text" }, c.text.split(/\n\s*\n/).map((p) => el("p", { text: p.replace(/\s*\n\s*/g, " ") }))),
      caseForm(ctx, c, this.given[c.id] || {}, errors, (answers) => this.check(c, answers)),
      el("div", { id: "practice-outcome" }),
      this.navigation(c)));
    if (errors.length) document.getElementById("practice-errors").focus();
    else heading.focus();
  }

  async check(c, answers) {
    this.given[c.id] = answers;
    const missing = c.ask.map((p, i) => (answers[p] === undefined ? i : null)).filter((i) => i !== null);
    if (missing.length) return this.openCase(c.id, missing);
    // Every question answered: an earlier "Svar på alle spørsmålene" and its marks at the fields go.
    document.getElementById("practice-errors")?.remove();
    document.querySelectorAll("#practice-form [aria-invalid]").forEach((x) => x.removeAttribute("aria-invalid"));
    const button = document.getElementById("practice-check");
    button.disabled = true;
    if (this.engine.state !== "ready") status.textContent = "Veiviseren gjør seg klar. Svarene dine er tatt vare på …";
    let result;
    try {
      const reply = await this.engine.call({ op: "evaluate", answers: c.answers, on: c.on });
      if (!reply || !reply.ok) throw new Error((reply && reply.error) || "no answer");
      result = reply.result;
    } catch (err) {
      console.warn("Øvingssakene:", err && err.message);
      // An engine that failed shows its own state (engineFailed); anything else: say so and let the user retry.
      if (this.engine.state !== "failed") status.textContent = "Veiviseren kunne ikke regne ut saken. Prøv igjen.";
      return;
    } finally {
      button.disabled = false;
    }
    status.textContent = "";
    if (!result.ok) {
      main.append(el("p", { role: "alert", text: "Veiviseren kunne ikke regne ut denne saken: " + result.errors.map((e) => e.message).join(" ") }));
      return;
    }
    const view = comparison(ctx, c, answers, result);
    this.scores[c.id] = { right: view.querySelectorAll("tr[data-correct='true']").length, total: c.ask.length };
    document.getElementById("practice-outcome").replaceChildren(view);
    document.getElementById("practice-check-heading").focus();
  }

  navigation(c) {
    const i = this.cases.indexOf(c);
    const next = this.cases[i + 1];
    return el("div", { class: "practice-actions" },
      next ? el("button", { type: "button", class: "md-button", id: "practice-next", text: "Neste sak", onclick: () => this.openCase(next.id) }) : null,
      el("button", { type: "button", class: "md-button", id: "practice-back", text: "Til oversikten", onclick: () => this.showList(c.id) }));
  }

  /** The engine failed: its fixed sentence above the cases, which can still be read. */
  engineFailed(failure) {
    root.dataset.state = "failed";
    status.textContent = "";
    document.getElementById("practice-failure")?.remove();
    main.prepend(failureBox({
      prefix: "practice", code: failure.code, name: "veiviseren", title: "Øvingssakene kunne ikke starte", siteBase,
      note: "Les sakene likevel, og sammenlign med lovgrunnlaget og fylkenes sider.", retry: () => this.retry(),
    }));
  }

  /** "Prøv igjen": a new worker; the cases stay as they are. */
  retry() {
    document.getElementById("practice-failure")?.remove();
    root.dataset.state = "starting";
    this.engine.restart();
  }
}

const engine = engineFromBoot(engineBoot, siteBase);
const practice = new Practice(engine);
engine.onReady = () => {
  root.dataset.state = "ready";
  keepEngineForNextVisit(siteBase, "ovelser/"); // offline after one visit, like the guide (ovelser/sw.js, sw.js)
  if (status.textContent) status.textContent = "Veiviseren er klar.";
};
engine.onFailed = (failure) => practice.engineFailed(failure);
engine.start();
practice.showList();
window.__practice = practice; // for tests (answers stay in page memory)
