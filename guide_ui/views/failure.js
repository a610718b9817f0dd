// The failure state: a fixed sentence, "Prøv igjen", and the pages that work without the engine.

import { el } from "../dom.js";
import { FAILURE_TITLE, KEPT, failureText } from "../messages.js";

/** `code`: the failure's code; `keptAnswers`: whether to say the answers are kept; `retry()`. */
export function failureView(code, keptAnswers, siteBase, retry) {
  const box = el(
    "div",
    { class: "admonition failure guide-failure", role: "alert", id: "guide-failure", "data-code": code },
    el("p", { class: "admonition-title", text: FAILURE_TITLE }),
    el("p", { id: "guide-failure-text", text: failureText(code) }),
    keptAnswers ? el("p", { text: KEPT }) : null,
    code === "wasm" ? null : el("div", { class: "guide-actions" }, el("button", { type: "button", class: "md-button md-button--primary", id: "guide-retry", text: "Prøv igjen", onclick: retry })),
    el(
      "ul",
      {},
      el("li", {}, el("a", { href: new URL("counties/", siteBase).href, text: "Fylkenes rutiner" })),
      el("li", {}, el("a", { href: new URL("sjekkliste/", siteBase).href, text: "Generell sjekkliste (kan skrives ut)" })),
    ),
  );
  return { node: box, focus: null };
}
