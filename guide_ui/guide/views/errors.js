// The error summary at the top of a step: every error, those on a question linked to it.

import { errorSummary as summary } from "../../shared/errors.js";

/** `errors`: [{field, message}]; `linkable(field)`: whether the field can be shown; `onLink(field)`. */
export function errorSummary(errors, linkable, onLink) {
  const items = errors.map((e) => ({
    text: e.message,
    data: { field: e.field },
    ...(linkable(e.field) ? { href: `#q-${e.field}`, onLink: () => onLink(e.field) } : {}),
  }));
  return summary({ id: "guide-error-summary", title: "Noe må rettes", items });
}
