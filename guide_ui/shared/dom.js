// Small DOM helpers. Text is always set as text, never parsed as markup.

/** An element with attributes and children; `text` sets textContent, `on<event>` adds a listener. */
export function el(tag, attrs = {}, ...children) {
  const node = setAttributes(document.createElement(tag), attrs);
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Set `attrs` on `node` as el() does (null, undefined and false are left out); returns the node. */
export function setAttributes(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  return node;
}

/** Text read by screen readers only (the GOV.UK "visually hidden" pattern). */
export function hidden(text) {
  return el("span", { class: "guide-visually-hidden", text });
}

/** Focus a node if it is still in the document. */
export function focus(node) {
  if (node && node.isConnected) node.focus();
}

/** The site's base URL from a page's `data-base` (MkDocs' base_url, relative to the page). */
export function siteBase(base) {
  return new URL(String(base).replace(/\/?$/, "/"), location.href);
}

/** The JSON data block with this id (a <script type="application/json"> the build wrote). */
export function readData(id) {
  return JSON.parse(document.getElementById(id).textContent);
}
