// The error summary at the top of a form (GOV.UK pattern): every error, each one that belongs to a
// field linked to it, focusable so it can be moved to when it appears.

import { el } from "./dom.js";

/**
 * `id`: the summary's id (its title is `${id}-title`); `title`: its heading; `items`:
 * [{text, href?, onLink?, data?}] (a link where `href` is given; `onLink()` instead of following
 * it; `data` as data-* attributes of the list item); `heading`: the heading's tag; `className`.
 */
export function errorSummary({ id, title, items, heading = "h3", className = "guide-error-summary" }) {
  if (!items.length) return null;
  const link = (item) =>
    el("a", {
      href: item.href,
      text: item.text,
      onclick: item.onLink
        ? (ev) => {
            ev.preventDefault();
            item.onLink();
          }
        : null,
    });
  return el(
    "div",
    { id, class: className, role: "alert", tabindex: "-1", "aria-labelledby": `${id}-title` },
    el(heading, { id: `${id}-title`, text: title }),
    el("ul", {}, items.map((item) => {
      const attrs = Object.fromEntries(Object.entries(item.data || {}).map(([k, v]) => [`data-${k}`, v]));
      return el("li", attrs, item.href ? link(item) : item.text);
    })),
  );
}
