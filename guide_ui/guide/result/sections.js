// One function per section of the result. Each takes the engine's result and the page context
// ({boot, references, sources, siteBase, on, actions}) and returns a node, or null when it has nothing to show.

import { el } from "../../shared/dom.js";
import { formatDate, whoLabel } from "../../shared/format.js";
import { refLinks, sourceText } from "../../shared/citations.js";
import { download } from "../../shared/download.js";
import { dataNotes, layerLabel, noteAnchor, reasonList, section } from "./basis.js";

const STATUS_CLASS = {
  right_and_duty: "guide-status--yes",
  right_only: "guide-status--partly",
  assess_need: "guide-status--partly",
  not_covered: "guide-status--no",
};

/** The heading and the date the result was computed for. */
export function heading(r, ctx) {
  const on = r.on_text || formatDate(r.on || ctx.on);
  return [
    el("h3", { id: "guide-result-heading", tabindex: "-1", text: "Resultat" }),
    el("p", { class: "guide-result-meta", id: "guide-result-on", "data-on": r.on || ctx.on, text: `Regnet ut per ${on}. Resultatet er veiledende; sjekk alltid kildene.` }),
  ];
}

/** The municipality and the county that follows from it, the county's routine with a link to its
 * page, and (once) a county that ends before the session, with the county that will hold it. */
export function routine(r, ctx) {
  const c = r.county || {};
  if (!c.id) return null;
  const page = (id, name) => el("a", { href: new URL(`counties/${id}/`, ctx.siteBase).href, text: `Se ${name} sin side` });
  const m = r.municipality;
  const change = c.change;
  return [
    m ? el("p", { class: "guide-place", id: "guide-place", "data-municipality": m.number, "data-county": m.county }, `${m.text} Fylket følger av kommunen (${m.register}).`) : null,
    el(
      "p",
      { class: "guide-routine", id: "guide-routine" },
      c.routine ? `${c.name}: rutinen «${c.routine.title}» er brukt. ` : `${c.name}: ingen rutine registrert; resultatet bygger på nasjonal veiledning der den finnes (merket), ellers på lovens minimum. `,
      page(c.id, c.name),
    ),
    change
      ? el("div", { class: "admonition warning", id: "guide-county-change", "data-successor": (change.to_ids || []).join(" ") },
          el("p", { class: "admonition-title", text: `${change.from_name} finnes ikke når veiledningen skal holdes` }),
          el("p", {}, change.text, " ", (change.to_ids || []).length === 1 ? page(change.to, change.to_name) : null))
      : null,
  ];
}

/** Warnings and notes on estimated data periods and deadlines. */
export function notes(r) {
  const plain = [
    ...(r.warnings || []),
    ...(r.deadline_notes || []).map((n) => (typeof n === "string" ? n : n.text || n.note)),
  ].filter(Boolean);
  const caveats = r.data_notes || [];
  if (!plain.length && !caveats.length) return null;
  // Each caveat once, numbered; each part it concerns links here (dataNotes in basis.js).
  return el("div", { class: "admonition note", id: "guide-notes" }, el("p", { class: "admonition-title", text: "Merk" }),
    plain.length ? el("ul", {}, plain.map((t) => el("li", { text: t }))) : null,
    caveats.length ? el("ol", { class: "guide-note-list" }, caveats.map((n) =>
      el("li", { id: noteAnchor(n.id), "data-note": n.id, tabindex: "-1" }, n.note))) : null);
}

/** Right and duty: the status, its reasons, what is unconfirmed and what may be offered. */
export function eligibility(r, ctx) {
  const e = r.eligibility || {};
  const out = section(
    "guide-eligibility",
    "Rett og plikt",
    el("p", { class: `guide-status ${STATUS_CLASS[e.status] || ""}`, "data-status": e.status, text: e.label || e.status }),
    reasonList(e.reasons),
    refLinks(e.references, ctx),
  );
  if (e.unconfirmed && e.unconfirmed.length) {
    out.append(
      el("div", { class: "admonition warning" }, el("p", { class: "admonition-title", text: "Ikke bekreftet" }),
        el("ul", {}, e.unconfirmed.map((u) => el("li", { text: u.text + (u.note ? " " + u.note : "") })))),
    );
  }
  if (e.may_offer && e.may_offer.length) out.append(el("p", { text: "Kommunen kan likevel tilby: " }), reasonList(e.may_offer));
  return out;
}

/** Priority where the county's capacity is limited: the engine's Norwegian label and reasons. */
export function priority(r, ctx) {
  const p = r.priority || {};
  if (!p.applies) return null;
  return section(
    "guide-priority",
    "Prioritering",
    el("p", { id: "guide-priority-label", "data-level": p.level, text: p.label }),
    reasonList(p.reasons),
    weightNotes(p),
    dataNotes(p.data_notes, "guide-priority-notes", r.data_notes),
    refLinks(p.references, ctx),
    sourceText(p.sources, ctx),
  );
}

// Where a criterion's weight is the site's own reading (no source sets it), the guide says so.
function weightNotes(p) {
  const notes = [...new Set((p.criteria || []).map((c) => c.weight_note).filter(Boolean))];
  return notes.length ? el("p", { class: "guide-sources", id: "guide-priority-weights", text: notes.join(" ") }) : null;
}

/** Who orders and who pays the interpreter. */
export function interpreter(r, ctx) {
  const i = r.interpreter || {};
  const who = (key) => i[`${key}_label`] || whoLabel(i[key]);
  return section(
    "guide-interpreter",
    "Tolk",
    el(
      "dl",
      { class: "guide-facts" },
      el("dt", { text: "Bestiller" }), el("dd", { id: "guide-interpreter-orders", "data-value": i.orders, text: who("orders") }),
      el("dt", { text: "Betaler" }), el("dd", { id: "guide-interpreter-pays", "data-value": i.pays, text: who("pays") }),
      i.language ? [el("dt", { text: "Språk" }), el("dd", { text: i.language })] : null,
      i.refund ? [el("dt", { text: "Refusjon" }), el("dd", { text: i.refund })] : null,
    ),
    layerLabel(i.layer, "guide-interpreter-layer"),
    reasonList(i.reasons),
    dataNotes(i.data_notes, "guide-interpreter-notes", r.data_notes),
    refLinks(i.references, ctx),
    sourceText(i.sources, ctx),
  );
}

/** The programme adviser's participation. */
export function adviser(r, ctx) {
  const a = r.adviser || {};
  if (!a.text) return null;
  return section("guide-adviser", "Programrådgiveren", el("p", { text: a.text }), dataNotes(a.data_notes, "guide-adviser-notes", r.data_notes),
    refLinks(a.references, ctx), sourceText(a.sources, ctx));
}

/** The deadlines as a table: what, when, whether it has passed, on what basis. */
export function deadlines(r, ctx) {
  const list = r.deadlines || [];
  if (!list.length) return null;
  return section(
    "guide-deadlines",
    "Frister",
    el(
      "table",
      { class: "guide-deadlines stacks", "aria-labelledby": "guide-deadlines-h" },
      el("thead", {}, el("tr", {}, ["Frist", "Dato", "Status", "Grunnlag"].map((h) => el("th", { scope: "col", text: h })))),
      el(
        "tbody",
        {},
        list.map((d) =>
          el(
            "tr",
            { "data-deadline": d.id, "data-today": d.today ? "true" : null, class: d.overdue ? "guide-overdue" : d.today ? "guide-today" : null },
            el("th", { scope: "row", text: d.label || d.id }),
            el("td", { "data-label": "Dato" }, el("time", { datetime: d.date, text: d.date_text || formatDate(d.date) })),
            el("td", { "data-label": "Status", text: d.overdue ? "Fristen er passert" : d.today ? "Fristen er i dag" : "I rute" }),
            el("td", { "data-label": "Grunnlag" }, d.basis ? el("span", { text: d.basis + " " }) : null, refLinks(d.references, ctx), dataNotes(d.data_notes, `guide-deadline-${d.id}-notes`, r.data_notes),
              // How the engine counted the date (its deadline decision's steps), for checking by hand.
              (d.steps || []).length ? el("details", { class: "guide-steps" }, el("summary", { text: "Slik er datoen regnet ut" }),
                el("ol", {}, d.steps.map((t) => el("li", { text: t })))) : null),
          ),
        ),
      ),
    ),
  );
}

/** The checklist, each task with who does it, when and on what basis, and a print button. */
export function checklist(r, ctx) {
  const tasks = r.checklist || [];
  return section(
    "guide-checklist",
    "Sjekkliste",
    el(
      "ol",
      { class: "guide-checklist" },
      tasks.map((t, n) =>
        el(
          "li",
          {},
          el("input", { type: "checkbox", id: `guide-task-${n}` }),
          el("label", { for: `guide-task-${n}` }, el("strong", { text: (t.who_label || whoLabel(t.who)) + ": " }), t.task, t.due_text ? ` (innen ${t.due_text})` : ""),
          el("div", { class: "guide-task-basis" }, t.basis ? el("span", { text: t.basis + " " }) : null, refLinks(t.references, ctx)),
          dataNotes(t.data_notes, `guide-task-${n}-notes`, r.data_notes),
        ),
      ),
    ),
    el("div", { class: "guide-actions guide-no-print" },
      el("button", { type: "button", class: "md-button", id: "guide-print-checklist", text: "Skriv ut sjekklisten", onclick: () => ctx.actions.print("checklist") })),
  );
}

/** The deadlines as an .ics file for the calendar (made by the engine: each deadline an all-day event
    with the participant's reference and the basis). */
export function calendar(r, ctx) {
  if (!(r.deadlines || []).length || !ctx.actions.calendar) return null;
  const status = el("p", { class: "guide-help", id: "guide-calendar-status", role: "status" });
  const get = async () => {
    status.textContent = "";
    try {
      const reply = await ctx.actions.calendar();
      if (!reply.ok || !reply.result.ics) throw new Error(reply.error || "ingen frister");
      download(reply.result.ics, reply.result.filename, "text/calendar;charset=utf-8");
    } catch (err) {
      console.warn("Veiviseren: .ics:", err && err.message); // the detail is for developers
      status.textContent = "Kalenderfilen kunne ikke lages. Prøv igjen, eller før fristene inn fra tabellen over.";
    }
  };
  return el("div", { class: "guide-actions guide-no-print", id: "guide-calendar" },
    el("button", { type: "button", class: "md-button", id: "guide-download-ics", text: "Legg fristene i kalenderen (.ics)", onclick: get }),
    status);
}
