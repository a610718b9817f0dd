// The result: its sections in order. A new section is one function added to SECTIONS.

import { el } from "../../shared/dom.js";
import * as s from "./sections.js";
import { actions, referral } from "./referral.js";
import { summary } from "./summary.js";

export const SECTIONS = [s.heading, summary, s.routine, s.notes, s.eligibility, s.priority, s.interpreter, s.adviser, s.deadlines, s.calendar, s.checklist, referral, actions];

/** The whole result view for the engine's result `r`. */
export function resultView(r, ctx, sections = SECTIONS) {
  return el("div", { id: "guide-result" }, sections.map((fn) => fn(r, ctx)));
}

/** Print only part of the result ("checklist", "referral" or "all"), by a mark the print styles read. */
export function printOnly(what) {
  document.body.dataset.guidePrint = what;
  const done = () => {
    delete document.body.dataset.guidePrint;
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}
