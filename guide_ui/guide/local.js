// The opening questions every path asks first, answered from the boot data while the engine
// loads (issue 11). The engine re-checks every answer once it is ready; these checks only stop
// what is plainly incomplete, so the user is not sent on with a blank answer.

import { isIsoDate } from "../shared/format.js";
import { municipalityOptions } from "./municipality.js";

// The reference date is asked like a question, but it is not an answer: it is the request's `on`.
export const ON = {
  id: "on", type: "date", required: true, text: "Regn ut per dato",
  help: "Veiviseren regner ut rett og plikt, frister og fylkets rutine slik de gjelder denne datoen. Vanligvis er det i dag; velg en annen dato for å sjekke en tidligere sak eller planlegge fram i tid.",
};

/** The path known before any answer: the opening questions, or at least the first question. */
export function startPath(boot) {
  const local = localPath(boot.opening, {});
  if (local.length) return [...local];
  return boot.questions && boot.questions.length ? [boot.questions[0].id] : [];
}

/** The county question's options: the counties that exist on the date `on`. */
function countyOptions(q, boot, on) {
  const exists = (c) => (!c.valid_from || c.valid_from <= on) && (!c.valid_to || on <= c.valid_to);
  const valid = new Set((boot.counties || []).filter(exists).map((c) => c.id));
  return q.options.filter((o) => valid.has(o.value));
}

/** A question's options on the date `on`: the municipalities or counties that exist then, else its own. */
export function optionsFor(q, boot, on) {
  if (q.type === "municipality") return municipalityOptions(boot, on);
  return q.id === "county" ? countyOptions(q, boot, on) : q.options || [];
}

/** The questions known to come next without the engine, given the answers so far. */
export function localPath(opening, answers) {
  if (!opening || !opening.path) return [];
  let path = opening.path;
  for (const [qid, byValue] of Object.entries(opening.then || {})) {
    if (qid in answers && path.includes(qid)) {
      const next = byValue[JSON.stringify(answers[qid])];
      if (next) path = next;
    }
  }
  return path;
}

/** Messages for a plainly unusable answer to question `q` ([] if it may go on). */
export function localErrors(q, value, options) {
  const field = q.id;
  if (value === undefined || value === null || value === "") {
    return q.required ? [{ field, message: q.type === "choice" || q.type === "boolean" ? "Velg et svar." : q.type === "municipality" ? "Skriv navnet eller kommunenummeret, og velg kommunen i listen." : "Fyll ut dette feltet." }] : [];
  }
  if ((q.type === "choice" || q.type === "boolean") && !options.some((o) => o.value === value)) {
    return [{ field, message: "Velg et av svarene i listen." }];
  }
  if (q.type === "date" && !isIsoDate(value)) return [{ field, message: "Skriv en gyldig dato." }];
  if (q.max_length && String(value).length > q.max_length) return [{ field, message: `Svaret kan være høyst ${q.max_length} tegn.` }];
  return [];
}
