// The failure state of an engine page: its fixed sentence, "Prøv igjen", and the pages that work
// without the engine.

import { el } from "./dom.js";
import { failureText, failureTitle } from "./messages.js";

/**
 * `prefix`: of the ids (`${prefix}-failure`, `-failure-text`, `-retry`); `code`: the failure's
 * code; `name`: what the page calls itself in the sentences; `title`: the heading (default
 * "<name> kunne ikke starte"); `note`: a sentence after it (what is kept, what still works), or null; `retry()`: start
 * again (not offered without WebAssembly, where it cannot help).
 */
export function failureBox({ prefix, code, name, title, note, siteBase, retry }) {
  return el(
    "div",
    { class: "admonition failure guide-failure", role: "alert", id: `${prefix}-failure`, "data-code": code },
    el("p", { class: "admonition-title", text: title || failureTitle(name) }),
    el("p", { id: `${prefix}-failure-text`, text: failureText(code, name) }),
    note ? el("p", { text: note }) : null,
    code === "wasm" || !retry
      ? null
      : el("div", { class: "guide-actions" }, el("button", { type: "button", class: "md-button md-button--primary", id: `${prefix}-retry`, text: "Prøv igjen", onclick: retry })),
    el(
      "ul",
      {},
      el("li", {}, el("a", { href: new URL("counties/", siteBase).href, text: "Fylkenes rutiner" })),
      el("li", {}, el("a", { href: new URL("sjekkliste/", siteBase).href, text: "Generell sjekkliste (kan skrives ut)" })),
    ),
  );
}
