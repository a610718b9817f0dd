// Draws the controller's current view. Reads its state; every button calls a named transition.

import { failureBox } from "../../shared/failure.js";
import { formatDate } from "../../shared/format.js";
import { KEPT } from "../../shared/messages.js";
import { printOnly, resultView } from "../result/index.js";
import { questionView } from "./question.js";
import { reviewView } from "./review.js";

function answerLabel(g, id) {
  const q = g.question(id);
  const v = g.answers[id];
  if (v === undefined || v === null || v === "") return "Ikke besvart";
  const opt = g.options(q).find((o) => o.value === v);
  if (opt) return opt.text || opt.label; // a municipality with its number and county

  return q.type === "date" ? formatDate(v) : String(v);
}

/** The node for the controller `g`'s view, and what to focus: {node, focus}. */
export function draw(g) {
  const v = g.view;
  const on = {
    back: () => g.back(),
    link: (field) => g.edit(field),
    linkable: (field) => field === "on" || g.questions.has(field),
    changeOn: () => g.changeOn(),
  };
  if (v.name === "failed") {
    const box = failureBox({ prefix: "guide", code: v.code, name: "veiviseren", note: g.hasAnswers() ? KEPT : null, siteBase: g.siteBase, retry: () => g.retry() });
    return { node: box, focus: null };
  }
  if (v.name === "question") {
    const q = g.question(v.id);
    const n = g.path.indexOf(v.id) + 1;
    const view = {
      value: v.id === "on" ? g.on : g.answers[v.id],
      options: g.options(q),
      errors: v.errors,
      editing: v.editing,
      label: v.id === "on" ? "Dato for utregningen" : `Spørsmål ${n || g.path.length + 1}`,
      canGoBack: g.history.length > 0,
      onDate: n === 1 && !g.hasAnswers() ? formatDate(g.on) : null,
    };
    return questionView(q, view, { ...on, submit: (form) => g.next(form) });
  }
  if (v.name === "review") {
    const rows = g.path.map((id) => ({ id, question: g.question(id).text, answer: answerLabel(g, id) }));
    return reviewView(rows, { errors: v.errors, onText: formatDate(g.on) }, { ...on, edit: (id) => g.edit(id), result: () => g.showResult() });
  }
  const cite = { references: g.boot.references, sources: g.boot.sources, siteBase: g.siteBase };
  const ctx = { ...cite, boot: g.boot, on: g.on, actions: { print: printOnly, editAnswers: () => g.editAnswers(), restart: () => g.restart(), calendar: () => g.call("ics", { answers: { ...g.answers } }) } };
  return { node: resultView(g.result, ctx), focus: null };
}
