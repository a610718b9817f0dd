// The error summary at the top of a step: every error, those on a question linked to it.

import { el } from "../dom.js";

/** `errors`: [{field, message}]; `linkable(field)`: whether the field can be shown; `onLink(field)`. */
export function errorSummary(errors, linkable, onLink) {
  if (!errors.length) return null;
  return el(
    "div",
    { id: "guide-error-summary", class: "guide-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "guide-error-summary-title" },
    el("h3", { id: "guide-error-summary-title", text: "Noe må rettes" }),
    el(
      "ul",
      {},
      errors.map((e) =>
        el(
          "li",
          { "data-field": e.field },
          linkable(e.field)
            ? el("a", {
                href: `#q-${e.field}`,
                text: e.message,
                onclick: (ev) => {
                  ev.preventDefault();
                  onLink(e.field);
                },
              })
            : e.message,
        ),
      ),
    ),
  );
}
