// One practice case: the text, the learner's questions, and after checking, the engine's answer
// beside the learner's with the reasons and provisions.

import { refLinks } from "../shared/citations.js";
import { el } from "../shared/dom.js";
import { errorSummary } from "../shared/errors.js";
import { describe, guideLink, lookup } from "./values.js";

const fieldId = (c, i) => `p-${c.id}-${i}`;

/** The form with one widget per asked result field; `given` holds earlier answers (page memory). */
export function caseForm(ctx, c, given, errors, onSubmit) {
  const form = el("form", { id: "practice-form", novalidate: true, "aria-labelledby": "practice-case-heading" });
  const items = errors.map((i) => ({ href: "#" + fieldId(c, i), text: ctx.fields[c.ask[i]].question }));
  if (items.length) form.append(errorSummary({ id: "practice-errors", className: "practice-errors", heading: "h4", title: "Svar på alle spørsmålene", items }));
  c.ask.forEach((path, i) => {
    const f = ctx.fields[path];
    const id = fieldId(c, i);
    const invalid = errors.includes(i) ? "true" : null;
    if (f.type === "date") {
      const input = el("input", { type: "date", id, name: id, "aria-invalid": invalid, "aria-describedby": `${id}-help` });
      input.value = given[path] || "";
      form.append(el("div", { class: "practice-field" },
        el("label", { for: id, class: "practice-question", text: f.question }),
        el("p", { id: `${id}-help`, class: "practice-help", text: "Velg datoen, eller skriv den inn." }),
        input));
    } else {
      form.append(el("fieldset", { class: "practice-field", "aria-invalid": invalid },
        el("legend", { class: "practice-question", text: f.question }),
        el("div", { class: "practice-options" }, (ctx.choices[f.type] || []).map((o, k) =>
          el("div", { class: "practice-option" },
            el("input", { type: "radio", name: id, id: k ? `${id}-${k}` : id, value: JSON.stringify(o.value), checked: given[path] === o.value }),
            el("label", { for: k ? `${id}-${k}` : id, text: o.label }))))));
    }
  });
  form.append(el("div", { class: "practice-actions" },
    el("button", { type: "submit", class: "md-button md-button--primary", id: "practice-check", text: "Sjekk svarene" })));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onSubmit(readAnswers(c, form));
  });
  return form;
}

function readAnswers(c, form) {
  const out = {};
  c.ask.forEach((path, i) => {
    const id = fieldId(c, i);
    const checked = form.querySelector(`input[name="${id}"]:checked`);
    const input = form.querySelector(`input#${CSS.escape(id)}[type="date"]`);
    if (checked) out[path] = JSON.parse(checked.value);
    else if (input && input.value) out[path] = input.value;
  });
  return out;
}

/** The provisions an answer rests on, with the labels of those the result names itself. */
function provisions(ctx, ids, result) {
  const cite = { siteBase: ctx.siteBase, references: { ...(ctx.references || {}), ...(result.references || {}) } };
  return refLinks(ids, cite, { tag: "p", className: "practice-refs" });
}

function texts(list) {
  const items = (list || []).map((r) => (typeof r === "string" ? r : r && (r.text || r.note))).filter(Boolean);
  return items.length ? el("ul", {}, items.map((t) => el("li", { text: t }))) : null;
}

/** Why the engine answers as it does, for one `explain` key of practice.toml. */
function explanation(ctx, key, result) {
  if (key === "eligibility" || key === "referral") {
    const e = result.eligibility || {};
    const r = result.referral || {};
    return [el("h5", { text: key === "referral" ? "Henvisning" : "Rett og plikt" }),
      el("p", { class: "practice-engine-label", text: (result.summary && result.summary.status.text) || e.label }),
      texts(e.reasons), texts(e.unconfirmed), key === "referral" && r.reason ? el("p", { text: r.reason }) : null,
      provisions(ctx, e.references, result)];
  }
  if (key === "interpreter") {
    const i = result.interpreter || {};
    return [el("h5", { text: "Tolk" }), texts(i.reasons), texts((result.data_notes || []).filter((n) => (i.data_notes || []).includes(n.id)).map((n) => n.note)), provisions(ctx, i.references, result)];
  }
  const id = key.split(":")[1];
  const d = (result.deadlines || []).find((x) => x.id === id);
  if (!d) return [el("h5", { text: "Frister" }), texts(result.deadline_notes)];
  const steps = (d.steps || []).length
    ? [el("p", { class: "practice-steps-h", text: "Slik er datoen regnet ut:" }), el("ol", { class: "practice-steps", "data-deadline": d.id }, d.steps.map((t) => el("li", { text: t })))]
    : null;
  return [el("h5", { text: d.label }), el("p", { text: d.basis }), steps, d.note ? el("p", { text: d.note }) : null, provisions(ctx, d.references, result)];
}

/** The learner's answers beside the engine's, the score, the reasons, and the link into the guide. */
export function comparison(ctx, c, given, result) {
  let right = 0;
  const rows = c.ask.map((path) => {
    const f = ctx.fields[path];
    const engine = lookup(result, path);
    const ok = given[path] === engine;
    if (ok) right += 1;
    return el("tr", { class: ok ? "practice-right" : "practice-wrong", "data-field": path, "data-correct": String(ok) },
      el("th", { scope: "row", text: f.question }),
      el("td", { "data-label": "Ditt svar", text: describe(f, given[path], ctx.choices) }),
      el("td", { "data-label": "Veiviserens svar", "data-engine": JSON.stringify(engine ?? null), text: describe(f, engine, ctx.choices) }),
      el("td", { "data-label": "Vurdering" }, el("span", { class: "practice-mark", "aria-hidden": "true", text: ok ? "✓ " : "✗ " }), ok ? "Riktig" : "Ikke riktig"));
  });
  const keys = [...new Set(c.ask.map((p) => ctx.fields[p].explain))];
  return el("div", { id: "practice-check-result" },
    el("h4", { id: "practice-check-heading", tabindex: "-1", text: `Du svarte riktig på ${right} av ${c.ask.length}` }),
    el("table", { class: "practice-table stacks" },
      el("caption", { text: "Dine svar og veiviserens svar" }),
      el("thead", {}, el("tr", {}, ["Spørsmål", "Ditt svar", "Veiviserens svar", "Vurdering"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows)),
    el("section", { class: "practice-reasons", "aria-labelledby": "practice-reasons-h" },
      el("h4", { id: "practice-reasons-h", text: "Slik kommer veiviseren fram til svaret" }),
      keys.map((k) => el("div", { class: "practice-reason" }, explanation(ctx, k, result)))),
    el("p", {}, el("a", { id: "practice-open-guide", href: guideLink(ctx.siteBase, c), text: "Åpne den samme saken i veiviseren" })),
  );
}
