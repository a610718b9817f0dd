// The review step ("Se over svarene"): every answer with an "Endre" button (GOV.UK check answers).

import { el, hidden } from "../../shared/dom.js";
import { errorSummary } from "./errors.js";

/**
 * `rows`: [{id, question, answer}]; `v`: {errors, onText}; `on`: {edit(id), changeOn(), result(),
 * back(), link(field), linkable(field)}. Returns {node, focus}.
 */
export function reviewView(rows, v, on) {
  const heading = el("h3", { id: "guide-review-heading", tabindex: "-1", text: "Se over svarene" });
  const list = rows.map((r) =>
    el(
      "div",
      { class: "guide-review-row" },
      el("dt", { text: r.question }),
      el("dd", {}, el("span", { class: "guide-review-answer", text: r.answer })),
      el("dd", { class: "guide-review-change" },
        el("button", { type: "button", class: "guide-link-button", "data-edit": r.id, onclick: () => on.edit(r.id) }, "Endre", hidden(" svaret på: " + r.question))),
    ),
  );
  const node = el(
    "div",
    { id: "guide-review" },
    errorSummary(v.errors, on.linkable, on.link),
    heading,
    el("p", { text: "Sjekk svarene før du ser resultatet. Velg «Endre» for å rette et svar." }),
    el("p", { class: "guide-review-on", id: "guide-review-on" }, "Regn ut per dato: ", el("strong", { id: "guide-review-on-value", text: v.onText }), " ",
      el("button", { type: "button", class: "guide-link-button", "data-edit-on": "", id: "guide-edit-on", onclick: () => on.changeOn() }, "Endre", hidden(" datoen veiviseren regner ut per"))),
    el("dl", { class: "guide-review-list" }, list),
    el(
      "div",
      { class: "guide-actions" },
      el("button", { type: "button", class: "md-button md-button--primary", id: "guide-show-result", text: "Vis resultatet", onclick: () => on.result() }),
      el("button", { type: "button", class: "md-button", id: "guide-back", text: "Tilbake", onclick: () => on.back() }),
    ),
  );
  return { node, focus: node.querySelector("#guide-error-summary") || heading };
}
