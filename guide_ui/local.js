// The opening questions every path asks first, answered from the boot data while the engine
// loads (issue 11). The engine re-checks every answer once it is ready; these checks only stop
// what is plainly incomplete, so the user is not sent on with a blank answer.

import { isIsoDate } from "./format.js";

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
    return q.required ? [{ field, message: q.type === "choice" || q.type === "boolean" ? "Velg et svar." : "Fyll ut dette feltet." }] : [];
  }
  if ((q.type === "choice" || q.type === "boolean") && !options.some((o) => o.value === value)) {
    return [{ field, message: "Velg et av svarene i listen." }];
  }
  if (q.type === "date" && !isIsoDate(value)) return [{ field, message: "Skriv en gyldig dato." }];
  if (q.max_length && String(value).length > q.max_length) return [{ field, message: `Svaret kan være høyst ${q.max_length} tegn.` }];
  return [];
}
