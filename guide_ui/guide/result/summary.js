// The result at a glance, above the full result: the engine's summary (guide_engine/summary.py),
// each line a link to the section below that it sums up.

import { el } from "../../shared/dom.js";

const TERMS = { status: "Status", interpreter: "Tolk", deadline: "Neste frist", now: "Gjør nå" };

/** Status, interpreter, the next deadline and what to do now; null when the result has no summary. */
export function summary(r) {
  const s = r.summary;
  if (!s) return null;
  const rows = Object.keys(TERMS).filter((k) => s[k]).map((k) => {
    const part = s[k];
    const passed = k === "deadline" && part.passed && part.passed.length
      ? el("ul", { class: "guide-summary-passed" }, part.passed.map((p) => el("li", { text: p.text })))
      : null;
    return el("div", { class: "guide-summary-row", "data-summary": k, "data-overdue": part.overdue ? "true" : null, "data-today": part.today ? "true" : null },
      el("dt", { text: k === "deadline" && part.overdue ? "Frist" : TERMS[k] }),
      el("dd", {}, el("a", { href: `#${part.anchor}`, text: part.text }), passed));
  });
  return el("section", { id: "guide-summary", class: "guide-summary", "aria-labelledby": "guide-summary-h" },
    el("h4", { id: "guide-summary-h", text: "Kort oppsummert" }),
    el("dl", { class: "guide-summary-list" }, rows));
}
