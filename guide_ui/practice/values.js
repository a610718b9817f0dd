// Reading the engine's result for a practice question, and showing values in words.

import { formatDate } from "../shared/format.js";

/** The value at a dotted path in the result; in a list, a part picks the item with that id. */
export function lookup(result, dotted) {
  let cur = result;
  for (const part of dotted.split(".")) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : cur.find((x) => x && x.id === part);
    else if (cur && typeof cur === "object") cur = cur[part];
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A value in words: the choice's label, a date as "1. oktober 2026", "Ja"/"Nei". */
export function describe(field, value, choices) {
  if (value === undefined || value === null || value === "") return "Ikke oppgitt";
  if (field.type === "date") return formatDate(value);
  const opt = (choices[field.type] || []).find((o) => o.value === value);
  return opt ? opt.label : String(value);
}

/** The case as a link into the guide: the guide opens it from the fragment (#sak=…). */
export function guideLink(siteBase, c) {
  return new URL("veiviser/#sak=" + encodeURIComponent(JSON.stringify({ on: c.on, answers: c.answers })), siteBase).href;
}
