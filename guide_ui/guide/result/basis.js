// What result sections show under their text (the provisions and sources: shared/citations.js).

import { el } from "../../shared/dom.js";

/** The data notes beside an answer: where it rests on national guidance, an unconfirmed or estimated
 * period or an old source: links to the result's data_notes, where each note's text stands once. */
export function dataNotes(list, id, all) {
  // A part carries the ids of its notes; each note's text is said once, in the "Merk" box
  // (notes in sections.js), and the part links to it: "Se merknad 2".
  const number = new Map((all || []).map((n, i) => [n.id, i + 1]));
  const ids = [...new Set(list || [])].filter((n) => number.has(n));
  if (!ids.length) return null;
  const links = [];
  ids.forEach((n, i) => {
    if (i) links.push(", ");
    links.push(el("a", { href: `#${noteAnchor(n)}`, "data-note": n, text: `merknad ${number.get(n)}` }));
  });
  return el("p", { class: "guide-data-notes", id }, "Se ", ...links, " om grunnlaget.");
}

/** The id of a note's item in the "Merk" box. */
export function noteAnchor(noteId) {
  return `guide-${noteId}`;
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
