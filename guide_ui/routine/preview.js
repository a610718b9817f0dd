// The county page as a county file makes it look (the engine's preview of the file): the routine with
// its source, the county's confirmation apart from the check against the source, the facts with
// source and dates, what is not stated, and the contacts. Text only, never markup.

import { el } from "../shared/dom.js";

function status(p) {
  if (!p.routine) return el("p", { class: "county-status" }, el("strong", { text: "Ingen rutine registrert" }), ` for ${p.name}.`);
  const r = p.routine;
  return el("p", { class: "county-status" }, el("strong", { text: "Rutine registrert: " }), `«${r.title}» (${r.source}, ${r.source_date}). Gjelder fra ${r.from}.`);
}

function confirmations(p) {
  if (!p.confirmations.length) return [el("p", { class: "county-confirmed", text: "Ikke bekreftet av fylket." })];
  return p.confirmations.map((c) =>
    el("p", { class: "county-confirmed" }, el("strong", { text: `Bekreftet av fylket ${c.date}` }), ` (${c.by}): ${c.covers.join(", ")}.`),
  );
}

function factsTable(p, caption) {
  if (!p.facts.length) return null;
  return el(
    "div",
    { class: "routine-table-wrap" },
    el(
      "table",
      {},
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, ["Hva", "Rutinen sier", "Kilde (kildens dato)", "Kontrollert mot kilden"].map((h) => el("th", { scope: "col", text: h })))),
      el(
        "tbody",
        {},
        p.facts.map((f) =>
          el(
            "tr",
            {},
            el("th", { scope: "row", text: f.label }),
            el("td", {}, el("p", { text: f.text }), f.value ? el("ul", {}, f.value.map((x) => el("li", { text: x }))) : null, f.from ? el("p", { text: `Gjelder fra ${f.from}.` }) : null),
            el("td", { text: f.source }),
            el("td", { text: f.verified }),
          ),
        ),
      ),
    ),
  );
}

/** The preview of a county page; `headingLevel` of its sub-headings, `caption` of its table. */
export function preview(p, { headingLevel = "h4", caption }) {
  const parts = [status(p), ...confirmations(p), factsTable(p, caption || `Fakta om rutinen i ${p.name}`)];
  if (p.unknown.length) {
    parts.push(el(headingLevel, { text: "Ikke oppgitt i kildene" }), el("ul", {}, p.unknown.map((u) => el("li", { text: u }))));
  }
  parts.push(el(headingLevel, { text: "Kontakter" }));
  parts.push(
    p.contacts.length
      ? el("ul", {}, p.contacts.map((c) => el("li", { text: `${c.name}: ${c.role}${c.address ? ` (${c.address})` : ""}, per ${c.as_of}` })))
      : el("p", { text: `Ingen kontakter registrert for ${p.name}.` }),
  );
  return el("div", { class: "routine-preview" }, parts);
}
