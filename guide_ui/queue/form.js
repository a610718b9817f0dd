// The queue page's form: the list (a file or cells pasted from a spreadsheet), the date and the
// capacity; reading it, and showing what is wrong at each field and in a summary above.

import { el } from "../shared/dom.js";
import { errorSummary } from "../shared/errors.js";
import { today } from "../shared/format.js";

export const MAX_BYTES = 5 * 1024 * 1024;
// The input each error's field belongs to (an error on the list as a whole goes to the paste field).
const FIELD_INPUT = { on: "queue-on", capacity: "queue-per-week", from: "queue-from", _file: "queue-paste", input: "queue-paste" };

function field(id, label, input, help) {
  return el(
    "div",
    { class: "queue-field" },
    el("label", { for: id, text: label }),
    help ? el("p", { id: `${id}-help`, class: "guide-help", text: help }) : null,
    input,
  );
}

function fieldset(legend, ...fields) {
  return el("fieldset", { class: "queue-fieldset" }, el("legend", { text: legend }), ...fields);
}

/** The form; `onSubmit()` when the user asks for the list. */
export function queueForm(onSubmit) {
  const form = el("form", { id: "queue-form", novalidate: true, "aria-labelledby": "queue-heading" });
  const file = el("input", { type: "file", id: "queue-file", accept: ".csv,.txt,.tsv,text/csv,text/plain", "aria-describedby": "queue-file-help" });
  const paste = el("textarea", { id: "queue-paste", rows: "6", spellcheck: "false", autocomplete: "off", "aria-describedby": "queue-paste-help" });
  const on = el("input", { type: "date", id: "queue-on", "aria-describedby": "queue-on-help", required: true });
  on.value = today();
  const perWeek = el("input", {
    type: "text", id: "queue-per-week", inputmode: "numeric", autocomplete: "off", class: "guide-input--short", "aria-describedby": "queue-per-week-help",
  });
  const from = el("input", { type: "date", id: "queue-from", "aria-describedby": "queue-from-help" });
  form.append(
    el("div", { id: "queue-form-errors" }),
    fieldset(
      "Listen over deltakerne",
      field("queue-file", "Velg en CSV-fil", file, "Lagret fra Excel som «CSV UTF-8» eller «CSV (semikolondelt)», eller fra et annet regneark. Se malen over."),
      field("queue-paste", "eller lim inn fra regnearket", paste, "Merk radene med overskriftene i regnearket, kopier og lim inn her. Er det valgt en fil, brukes filen."),
    ),
    fieldset(
      "Dato og kapasitet",
      field("queue-on", "Regn ut per dato", on, "Fristene og fylkenes regler regnes ut for denne datoen. Standard er i dag."),
      field("queue-per-week", "Samtaler i uka (valgfritt)", perWeek, "Hvor mange veiledninger dere rekker i uka. Da får hver rad en planlagt dato, og siden viser hvem som ikke rekker fristen."),
      field("queue-from", "Fra dato (valgfritt)", from, "Første dag kapasiteten gjelder fra. Standard er datoen over."),
    ),
    el("div", { class: "guide-actions" }, el("button", { type: "submit", id: "queue-run", class: "md-button md-button--primary", text: "Lag prioritert liste" })),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onSubmit();
  });
  return form;
}

// UTF-16 (Excel's «Unicode-tekst»): a byte order mark, or every other byte zero in the first 2,000.
function utf16Of(b) {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  const n = Math.min(b.length, 2000);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) i % 2 ? odd++ : even++;
  if (n >= 4 && odd > n * 0.4 && even === 0) return "utf-16le";
  if (n >= 4 && even > n * 0.4 && odd === 0) return "utf-16be";
  return null;
}

/** The file's text and its encoding when not UTF-8 ("utf-16", "windows-1252"): the engine words the note. */
async function readFile(file) {
  const buf = new Uint8Array(await file.arrayBuffer());
  const utf16 = utf16Of(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf), encoding: "utf-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: null };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(buf), encoding: "windows-1252" };
  }
}

/** What the form says: {request: {csv, on, per_week, from, encoding, plan}} or {errors}. */
export async function readForm() {
  const value = (id) => document.getElementById(id).value;
  const paste = value("queue-paste");
  const on = value("queue-on");
  const errors = [];
  let text = paste;
  let encoding = null;
  const input = document.getElementById("queue-file");
  const file = input.files && input.files[0];
  if (file) {
    if (file.size > MAX_BYTES) errors.push({ field: "_file", message: "Filen er større enn 5 MB. Del den i flere filer." });
    else ({ text, encoding } = await readFile(file));
  } else if (!paste.trim()) {
    errors.push({ field: "input", message: "Velg en fil eller lim inn listen fra regnearket." });
  }
  if (!on) errors.push({ field: "on", message: "Skriv datoen listen skal regnes ut per (DD.MM.ÅÅÅÅ)." });
  if (errors.length) return { errors };
  const perWeek = value("queue-per-week").trim();
  return { request: { csv: text, on, per_week: perWeek || null, from: value("queue-from") || null, encoding, plan: null } };
}

/** Each error at its field and all of them in a summary, which takes the focus; [] clears them. */
export function showFormErrors(errors) {
  const box = document.getElementById("queue-form-errors");
  for (const input of document.querySelectorAll("#queue-form [aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const old of document.querySelectorAll("#queue-form .guide-error")) old.remove();
  const items = errors.map((e) => {
    const id = FIELD_INPUT[e.field] || "queue-paste";
    const input = document.getElementById(id);
    const errId = `${id}-error`;
    if (input && !document.getElementById(errId)) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${id}-help ${errId}`);
      input.before(el("p", { class: "guide-error", id: errId, text: e.message }));
    }
    return { href: `#${id}`, text: e.message };
  });
  const summary = errorSummary({ id: "queue-error-summary", title: "Listen kunne ikke regnes ut", items });
  box.replaceChildren(...(summary ? [summary] : []));
  if (summary) summary.focus();
}
