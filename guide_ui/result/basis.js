// What every result section shows under its text: the provisions and sources it rests on.

import { el } from "../dom.js";

/** "Grunnlag: § 8, § 11" with each provision linked to its anchor on the legal-basis page. */
export function refLinks(ids, ctx) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const span = el("span", { class: "guide-refs" }, "Grunnlag: ");
  list.forEach((id, i) => {
    if (i) span.append(", ");
    const ref = (ctx.boot.references || {})[id];
    span.append(el("a", { href: new URL("lovgrunnlag/#" + id, ctx.siteBase).href, text: ref ? ref.label : id }));
  });
  return span;
}

/** "Kilde: ..." with each source's title, publisher and date. */
export function sourceText(ids, ctx) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const titles = list.map((id) => (ctx.boot.sources || {})[id] || id);
  return el("span", { class: "guide-sources", text: "Kilde: " + titles.join("; ") });
}

/** The data notes beside an answer: where it rests on national guidance, an unconfirmed or estimated
 * period or an old source (the same texts as the result's data_notes and the referral's). */
export function dataNotes(list, id) {
  const notes = [...new Set(list || [])];
  // paragraphs, not list items: a task's own list item holds them (and counts stay one per task)
  return notes.length ? el("div", { class: "guide-data-notes", id }, notes.map((t) => el("p", { text: t }))) : null;
}

/** "Nasjonal veiledning" beside an answer that is not the county's own routine. */
export function layerLabel(layer, id) {
  return layer === "national"
    ? el("p", { class: "guide-layer", id, "data-layer": layer, text: "Nasjonal veiledning (IMDi), ikke fylkets egen rutine." })
    : null;
}

/** A result section with its heading; its id is what the print view and the tests select. */
export function section(id, title, ...children) {
  return el("section", { class: "guide-result-section", id, "aria-labelledby": id + "-h" }, el("h4", { id: id + "-h", text: title }), ...children);
}

/** A list of the engine's reasons (strings or {text}). */
export function reasonList(reasons) {
  const list = (reasons || []).map((r) => (typeof r === "string" ? r : r.text));
  return list.length ? el("ul", {}, list.map((t) => el("li", { text: t }))) : null;
}
