// The question step: the error summary, a step counter, the field and the step's buttons.

import { el } from "../../shared/dom.js";
import { widget } from "../widgets.js";
import { errorSummary } from "./errors.js";

/**
 * `q`: the question; `v`: {value, options, errors, label, editing, canGoBack, onDate}; `on`: the
 * handlers {submit(form), back(), link(field), linkable(field)}. Returns {node, focus}.
 */
export function questionView(q, v, on) {
  const mine = v.errors.filter((e) => e.field === q.id);
  const { field, heading } = widget(q, v.value, v.options, mine);
  const form = el(
    "form",
    { id: "guide-step", novalidate: true, "data-question": q.id, "aria-labelledby": heading.id },
    errorSummary(v.errors, on.linkable, on.link),
    el("p", { class: "guide-progress", id: "guide-progress", text: v.label }),
    field,
    el(
      "div",
      { class: "guide-actions" },
      el("button", { type: "submit", class: "md-button md-button--primary", id: "guide-next", text: v.editing ? "Lagre og gå til oversikten" : "Neste" }),
      v.canGoBack ? el("button", { type: "button", class: "md-button", id: "guide-back", text: "Tilbake", onclick: () => on.back() }) : null,
    ),
    v.onDate
      ? el("p", { class: "guide-on", id: "guide-on" }, `Veiviseren regner ut per ${v.onDate}. `,
          el("button", { type: "button", class: "guide-link-button", id: "guide-change-on", onclick: () => on.changeOn() }, "Regn ut per en annen dato"))
      : null,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    on.submit(form);
  });
  const summary = form.querySelector("#guide-error-summary");
  return { node: form, focus: summary || heading };
}
