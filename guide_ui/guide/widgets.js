// One function per kind of answer field. Each gets the question, its current value and the ids
// that tie help and error texts to it, and returns the field with its focusable heading.

import { el } from "../shared/dom.js";
import { combobox, readMunicipality } from "./municipality.js";
import { prerenderedField } from "./prerendered.js";

const OPTION_LIMIT_FOR_RADIOS = 7;
export const HEADING_ID = "guide-question-heading";

function errorText(id, errors) {
  if (!errors.length) return null;
  return el("p", { id, class: "guide-error" }, el("span", { class: "guide-visually-hidden", text: "Feil: " }), errors.map((e) => e.message).join(" "));
}

function ids(q, errors) {
  const help = `q-${q.id}-help`;
  const error = `q-${q.id}-error`;
  return { help, error, describedBy: [help, errors.length ? error : null].filter(Boolean).join(" ") };
}

function helpText(q, id) {
  return el("p", { id, class: "guide-help", text: q.help + (q.required ? "" : " Du kan hoppe over dette spørsmålet.") });
}

/** Radio buttons in a fieldset whose legend is the question (yes/no and short choices). */
export function radios(q, value, options, errors) {
  const i = ids(q, errors);
  const heading = el("h3", { id: HEADING_ID, class: "guide-question", tabindex: "-1", text: q.text });
  const field = el(
    "fieldset",
    { class: "guide-field", "aria-describedby": i.describedBy, "aria-invalid": errors.length ? "true" : null },
    el("legend", {}, heading),
    el("p", { id: i.help, class: "guide-help", text: q.help }),
    errorText(i.error, errors),
    el(
      "div",
      { class: "guide-options" },
      options.map((o, n) => {
        const id = n === 0 ? `q-${q.id}` : `q-${q.id}-${n}`;
        return el(
          "div",
          { class: "guide-option" },
          el("input", { type: "radio", name: `q-${q.id}`, id, value: JSON.stringify(o.value), checked: value !== undefined && value === o.value }),
          el("label", { for: id, text: o.label }),
        );
      }),
    ),
  );
  return { field, heading };
}

function labelled(q, input, errors, node = input) {
  const i = ids(q, errors);
  input.setAttribute("aria-describedby", [i.describedBy, input.getAttribute("aria-describedby")].filter(Boolean).join(" "));
  if (errors.length) input.setAttribute("aria-invalid", "true");
  if (q.required) input.setAttribute("aria-required", "true");
  const heading = el("h3", { id: HEADING_ID, class: "guide-question", tabindex: "-1" }, el("label", { for: `q-${q.id}`, text: q.text }));
  const field = el("div", { class: "guide-field" }, heading, helpText(q, i.help), errorText(i.error, errors), node, cutNotice(q, input));
  return { field, heading };
}

/** The browser cuts a paste at `maxlength` without a word: say so at the field, so that nobody sends
 *  the first 100 characters of a longer text believing it is all there. */
function cutNotice(q, input) {
  if (!q.max_length) return null;
  const id = `q-${q.id}-cut`;
  const notice = el("p", { id, class: "guide-cut", role: "status", "aria-live": "polite" });
  input.addEventListener("paste", (event) => {
    const pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
    const selected = (input.selectionEnd ?? 0) - (input.selectionStart ?? 0);
    const room = q.max_length - (input.value.length - selected);
    if (pasted.length <= room) {
      notice.textContent = "";
      return;
    }
    notice.textContent = `Teksten du limte inn er ${pasted.length} tegn, men feltet tar høyst ${q.max_length}. `
      + `Bare de første ${Math.max(room, 0)} tegnene kom med: sjekk svaret før du går videre.`;
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!described.includes(id)) input.setAttribute("aria-describedby", [...described, id].join(" "));
  });
  return notice;
}

/** The municipality: a type-ahead combobox (municipality.js), or a plain list if it cannot be built;
 *  on the first step, made from the build's field (prerendered.js). */
export function municipality(q, value, options, errors) {
  try {
    const { input, wrap } = combobox(q, value, options, null, prerenderedField(q.id));
    return labelled(q, input, errors, wrap);
  } catch (err) {
    console.warn("Veiviseren: kommunelisten vises som en vanlig nedtrekksliste.", err);
    return select(q, value, options.map((o) => ({ value: o.value, label: o.text })), errors);
  }
}

/** A drop-down list, for choices with many options (the counties). */
export function select(q, value, options, errors) {
  const input = el(
    "select",
    { id: `q-${q.id}`, name: q.id },
    el("option", { value: "", text: "Velg …" }),
    options.map((o) => el("option", { value: JSON.stringify(o.value), text: o.label, selected: value === o.value })),
  );
  return labelled(q, input, errors);
}

/** A multi-line text field. */
export function textarea(q, value, errors) {
  const input = el("textarea", { id: `q-${q.id}`, name: q.id, rows: "5", maxlength: q.max_length || null });
  input.value = value ?? "";
  return labelled(q, input, errors);
}

/** A one-line field: text, a whole number or a date. */
export function textInput(q, value, errors) {
  const integer = q.type === "integer";
  const input = el("input", {
    id: `q-${q.id}`,
    name: q.id,
    type: q.type === "date" ? "date" : "text",
    inputmode: integer ? "numeric" : null,
    autocomplete: "off",
    maxlength: q.max_length || null,
    class: integer ? "guide-input--short" : null,
  });
  input.value = value === undefined || value === null ? "" : String(value);
  return labelled(q, input, errors);
}

/** The field for a question, chosen by its type and number of options. */
export function widget(q, value, options, errors) {
  if (q.type === "municipality") return municipality(q, value, options, errors);
  if (q.type === "boolean" || (q.type === "choice" && options.length <= OPTION_LIMIT_FOR_RADIOS)) return radios(q, value, options, errors);
  if (q.type === "choice") return select(q, value, options, errors);
  if (q.type === "textarea") return textarea(q, value, errors);
  return textInput(q, value, errors);
}

/** The value the user gave in the form (undefined when blank); the engine judges the rest.
 * `options`: the question's options (the municipalities of the date, for the municipality). */
export function readValue(q, form, options = []) {
  const group = form.querySelectorAll(`input[name="q-${q.id}"]`);
  if (group.length) {
    const checked = form.querySelector(`input[name="q-${q.id}"]:checked`);
    return checked ? JSON.parse(checked.value) : undefined;
  }
  const input = form.querySelector(`#q-${CSS.escape(q.id)}`);
  if (!input) return undefined;
  if (q.type === "municipality") return readMunicipality(input, options);
  if (q.type === "choice") return input.value ? JSON.parse(input.value) : undefined;
  const raw = input.value;
  if (raw.trim() === "") return undefined;
  if (q.type === "integer" && /^\s*-?\d+\s*$/.test(raw)) return parseInt(raw, 10);
  return raw;
}
