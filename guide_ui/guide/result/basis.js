// What result sections show under their text (the provisions and sources: shared/citations.js).

import { el } from "../../shared/dom.js";

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
