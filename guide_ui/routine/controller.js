// The routine page's state and what the user can do. The form goes to the engine (the same worker as
// the guide's) in one call, which writes the county file, checks it with the data loader and answers
// with the file, the errors at their fields, the county page's preview and the summary to mail. The
// page sends nothing; the root's data-state says where it is: starting, ready, busy, done, failed.

import { el } from "../shared/dom.js";
import { download } from "../shared/download.js";
import { failureBox } from "../shared/failure.js";
import { today } from "../shared/format.js";
import { readForm, routineForm, setField, showFormErrors } from "./form.js";
import { preview } from "./preview.js";

export const ROUTINE_STATUS = {
  waiting: "Skjemaet gjør seg klart. Filen lages så snart det er klart …",
  loading: "Laster ned motoren",
  ready: "Skjemaet er klart; lager filen …",
};
const CALL = { timeoutMs: 60_000 };
const KEPT = "Det du har fylt inn, står fortsatt i skjemaet.";

export class RoutinePage {
  constructor({ engine, status, root, main, spec, owner, siteBase }) {
    Object.assign(this, { engine, status, root, main, spec, owner, siteBase });
    this.busy = false;
  }

  start() {
    this.resultArea = el("div", { id: "routine-result" });
    this.main.replaceChildren(routineForm(this.spec, { onSubmit: () => this.run("routine"), onCounty: (id) => this.county(id) }), this.resultArea);
    this.root.dataset.state = this.engine.state === "ready" ? "ready" : "starting";
  }

  engineReady() {
    this.status.ready();
    if (!this.busy && this.root.dataset.state === "starting") this.root.dataset.state = "ready";
  }

  engineFailed(failure) {
    this.busy = false;
    this.root.dataset.state = "failed";
    this.status.clear();
    this.resultArea.replaceChildren(
      failureBox({ prefix: "routine", code: failure.code, name: "skjemaet", note: KEPT, siteBase: this.siteBase, retry: () => this.retry() }),
    );
  }

  retry() {
    this.resultArea.replaceChildren();
    this.root.dataset.state = "starting";
    this.engine.restart();
  }

  /** The county chosen: what its page shows today, «Rutinen stemmer» where it has a routine, its domains. */
  county(id) {
    const c = this.spec.counties.find((x) => x.id === id);
    const area = document.getElementById("routine-current");
    this.resultArea.replaceChildren();
    if (!c) return area.replaceChildren();
    setField("email_domains", c.email_domains.join(", "));
    area.replaceChildren(
      el("h3", { id: "routine-current-heading", text: `Slik står ${c.name} på nettstedet i dag` }),
      preview(c.preview, { caption: `Fakta om rutinen i ${c.name} i dag` }),
      c.has_routine
        ? el(
            "div",
            { class: "guide-actions" },
            el("p", { text: "Stemmer dette? Da lager siden en fil med dagens dato som bekrefter rutinen. Fyll inn hvem som bekrefter, over." }),
            el("button", { type: "button", id: "routine-confirm", class: "md-button", text: "Rutinen stemmer", onclick: () => this.run("confirm") }),
          )
        : el("p", { text: `Det er ikke registrert noen rutine for ${c.name}. Meld den inn i skjemaet under.` }),
    );
  }

  /** "Lag filen" (mode "routine") or "Rutinen stemmer" (mode "confirm"). */
  async run(mode) {
    if (this.busy) return;
    if (this.engine.state === "failed") return this.retry();
    const form = readForm(this.spec);
    if (!form.county) return showFormErrors([{ field: "county", message: "Velg fylket rutinen gjelder." }], "Filen kunne ikke lages");
    this.busy = true;
    this.root.dataset.state = "busy";
    if (this.engine.state === "ready") this.status.say("Lager og kontrollerer filen …");
    else this.status.wait(this.engine.progress);
    let reply;
    this.lastRequest = { ...form, op: "routine_file", mode, on: today(), owner: this.owner || "" }; // for tests: what was sent
    try {
      reply = await this.engine.call(this.lastRequest, CALL);
    } catch {
      this.busy = false;
      return; // an engine failure shows its own state (engineFailed)
    }
    this.busy = false;
    this.status.clear();
    if (!reply.ok) {
      console.warn("Skjemaet:", reply.detail || reply.error);
      this.root.dataset.state = "ready";
      return showFormErrors([{ field: "county", message: reply.error }], "Filen kunne ikke lages");
    }
    const result = reply.result;
    if (result.errors.length) {
      this.root.dataset.state = "ready";
      this.resultArea.replaceChildren();
      return showFormErrors(result.errors, "Filen kunne ikke lages: rett dette først");
    }
    showFormErrors([]);
    this.show(result, mode);
  }

  show(result, mode) {
    const heading = el("h3", { id: "routine-result-heading", tabindex: "-1", text: mode === "confirm" ? "Bekreftelsen er klar" : "Filen er klar" });
    const file = el("textarea", { id: "routine-file", rows: "12", readonly: true, spellcheck: "false" });
    file.value = result.toml;
    const summary = el("textarea", { id: "routine-summary", rows: "10", readonly: true });
    summary.value = result.summary;
    const copy = (area, what) => async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        this.status.say(`${what} er kopiert.`);
      } catch {
        this.status.say(`${what} er merket. Kopier med Ctrl+C (Cmd+C på Mac).`);
      }
    };
    const send = this.owner
      ? el("p", {}, "Send filen og oppsummeringen til ", el("a", { href: `mailto:${this.owner}`, text: this.owner }), ". Siden sender ingenting selv.")
      : el("p", { id: "routine-no-owner", text: "Nettstedet har ikke oppgitt noen adresse for innsending. Siden sender ingenting selv: ta vare på filen og oppsummeringen, og send dem til dem som driver nettstedet." });
    this.resultArea.replaceChildren(
      heading,
      send,
      el("h4", { text: "Slik blir fylkessiden" }),
      preview(result.preview, { headingLevel: "h5", caption: `Fakta om rutinen i ${result.preview.name} med filen` }),
      el("h4", { text: "Dette endres mot nettstedet i dag" }),
      el("ul", { id: "routine-changes" }, result.changes.map((c) => el("li", { text: `${c.word}: ${c.what}: ${c.detail}` }))),
      el("h4", { text: `Filen ${result.file}` }),
      el(
        "div",
        { class: "guide-actions" },
        el("button", { type: "button", id: "routine-download", class: "md-button md-button--primary", text: "Last ned filen", onclick: () => download(result.toml, result.file, "application/toml;charset=utf-8") }),
        el("button", { type: "button", id: "routine-copy", class: "md-button", text: "Kopier filen", onclick: copy(file, "Filen") }),
      ),
      el("div", { class: "routine-field" }, el("label", { for: "routine-file", text: "Innholdet i filen" }), file),
      el("h4", { text: "Oppsummering til nettstedets eier" }),
      el("div", { class: "routine-field" }, el("label", { for: "routine-summary", text: "Oppsummeringen" }), summary),
      el("div", { class: "guide-actions" }, el("button", { type: "button", id: "routine-copy-summary", class: "md-button", text: "Kopier oppsummeringen", onclick: copy(summary, "Oppsummeringen") })),
    );
    this.root.dataset.state = "done";
    heading.focus();
  }
}
