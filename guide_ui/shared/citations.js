// What an answer rests on: the provisions (linked to their anchors on the legal-basis page) and
// the sources. `cite`: {references: {id: {label}}, sources: {id: title}, siteBase} (the boot data's).

import { el } from "./dom.js";

/** "Grunnlag: § 8, § 11" with each provision linked; `tag` and `className` of the element. */
export function refLinks(ids, cite, { tag = "span", className = "guide-refs" } = {}) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const node = el(tag, { class: className }, "Grunnlag: ");
  list.forEach((id, i) => {
    if (i) node.append(", ");
    const ref = (cite.references || {})[id];
    node.append(el("a", { href: new URL("lovgrunnlag/#" + id, cite.siteBase).href, text: ref ? ref.label : id }));
  });
  return node;
}

/** "Kilde: ..." with each source's title, publisher and date. */
export function sourceText(ids, cite) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  const titles = list.map((id) => (cite.sources || {})[id] || id);
  return el("span", { class: "guide-sources", text: "Kilde: " + titles.join("; ") });
}
