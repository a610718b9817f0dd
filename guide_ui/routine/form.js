// The routine page's form: the county and who sends it, the routine, the documents it rests on, one
// group per fact kind (the core keys of fact_keys.toml, from the page's boot data), the functional
// mailboxes and the county's e-mail domains. The engine writes the file and checks it; what is wrong
// is shown at the field it concerns (the build's own message) and in a summary above.

import { el } from "../shared/dom.js";
import { errorSummary } from "../shared/errors.js";

export const DOCUMENTS = 2; // the first is the routine's own document
export const CONTACTS = 2;
const DOCUMENT_FIELDS = [
  ["title", "Tittel", "For eksempel «Rutine for karriereveiledning etter integreringsloven»."],
  ["publisher", "Utgiver", "Den som står bak dokumentet, for eksempel fylkeskommunen."],
  ["kind", "Slags dokument", "For eksempel rutine, nettside eller brev til kommunene."],
  ["as_of", "Dokumentets dato", "ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ hvis dokumentet bare har måned eller år."],
  ["url", "Nettadresse (valgfritt)", "Adressen der dokumentet ligger, hvis det er publisert."],
];
const CONTACT_FIELDS = [
  ["name", "Navn på postkassen", "For eksempel «Karrieresenteret i fylket»."],
  ["role", "Hva den brukes til", "For eksempel «Bestilling av karriereveiledning»."],
  ["email", "E-postadresse", "En fellespostkasse, ikke en persons adresse."],
];

/** The id of a form field's input: "facts.booking_lead_days.value" -> "routine-f-facts-booking-lead-days-value". */
export function inputId(name) {
  return "routine-f-" + name.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "").toLowerCase();
}

function field(name, label, input, help) {
  const id = inputId(name);
  input.id = id;
  input.name = name;
  if (help) input.setAttribute("aria-describedby", `${id}-help`);
  return el(
    "div",
    { class: "routine-field" },
    el("label", { for: id, text: label }),
    help ? el("p", { id: `${id}-help`, class: "guide-help", text: help }) : null,
    input,
  );
}

const text = (attrs = {}) => el("input", { type: "text", autocomplete: "off", ...attrs });
const area = (rows = 2) => el("textarea", { rows: String(rows), autocomplete: "off" });
const date = () => el("input", { type: "date" });
const fieldset = (legend, ...children) => el("fieldset", { class: "routine-fieldset" }, el("legend", { text: legend }), ...children);

function select(options) {
  return el("select", {}, options.map(([value, label]) => el("option", { value, text: label })));
}

function valueInput(kind) {
  if (kind.type === "enum") return select([["", "Ikke oppgitt"], ...kind.options.map((o) => [o.value, o.label])]);
  if (kind.type === "integer") return text({ inputmode: "numeric", class: "guide-input--short" });
  if (kind.type === "email") return el("input", { type: "email", autocomplete: "off" });
  if (kind.type === "text_list") return area(3);
  return area(2);
}

const VALUE_HELP = {
  integer: "Et helt tall.",
  email: "En fellespostkasse, ikke en persons adresse.",
  text_list: "Ett punkt per linje.",
};

function factGroup(kind) {
  const n = (f) => `facts.${kind.key}.${f}`;
  const docs = select(Array.from({ length: DOCUMENTS }, (_, i) => [String(i), `Dokument ${i + 1}`]));
  return fieldset(
    kind.label,
    field(n("value"), kind.type === "enum" ? "Rutinen sier" : "Verdi", valueInput(kind), VALUE_HELP[kind.type] || null),
    field(n("text"), "Slik skal det stå på fylkessiden", area(2), "En hel setning på bokmål. La både verdi og setning stå tomme hvis rutinen ikke sier noe om dette."),
    field(n("document"), "Kilde", docs, null),
    field(n("valid_from"), "Gjelder fra (valgfritt)", date(), "Tomt: fra samme dato som rutinen."),
  );
}

/** The whole form for the boot data's fact kinds and counties; `onSubmit()` makes the file, `onCounty(id)` follows the choice. */
export function routineForm(spec, { onSubmit, onCounty }) {
  const county = select([["", "Velg fylke"], ...spec.counties.map((c) => [c.id, c.name])]);
  county.addEventListener("change", () => onCounty(county.value));
  const documents = Array.from({ length: DOCUMENTS }, (_, i) =>
    fieldset(
      i === 0 ? "Dokument 1: dokumentet rutinen står i" : `Dokument ${i + 1} (valgfritt): et annet dokument eller en nettside`,
      DOCUMENT_FIELDS.map(([f, label, help]) => field(`documents[${i}].${f}`, label, text(), help)),
    ),
  );
  const contacts = Array.from({ length: CONTACTS }, (_, i) =>
    fieldset(`Fellespostkasse ${i + 1} (valgfritt)`, CONTACT_FIELDS.map(([f, label, help]) => field(`contacts[${i}].${f}`, label, text(), help))),
  );
  const form = el("form", { id: "routine-form", novalidate: true, "aria-labelledby": "routine-heading" });
  const parts = [
    el("div", { id: "routine-form-errors" }),
    fieldset(
      "Fylke og avsender",
      field("county", "Fylke", county, null),
      field("by", "Hvem melder inn eller bekrefter", text(), "En rolle eller en fellespostkasse, for eksempel «Karrieresenteret (karriere@fylke.no)». Ikke en persons navn."),
    ),
    el("div", { id: "routine-current", "aria-live": "polite" }),
    el("h3", { id: "routine-new-heading", text: "Meld inn rutinen" }),
    el("p", { text: "Fyll inn det rutinen sier. Det du lar stå tomt, vises som «ikke oppgitt» på fylkessiden. En ny rutine erstatter den som er registrert." }),
    fieldset("Rutinen", field("routine.title", "Rutinens navn", text(), "Slik dokumentet selv kaller rutinen."), field("routine.valid_from", "Gjelder fra", date(), "Datoen rutinen gjelder fra.")),
    documents,
    spec.facts.map(factGroup),
    contacts,
    fieldset("Fylkeskommunens e-postdomener", field("email_domains", "Domener", text(), "Adressene over må ligge på ett av disse, for eksempel «afk.no». Skill flere med komma.")),
    el("div", { class: "guide-actions" }, el("button", { type: "submit", id: "routine-make", class: "md-button md-button--primary", text: "Lag filen" })),
  ];
  form.append(...parts.flat());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onSubmit();
  });
  return form;
}

/** What the form says, as the engine's routine_file message (without op, mode, on and owner). */
export function readForm(spec) {
  const v = (name) => document.getElementById(inputId(name))?.value ?? "";
  const facts = {};
  for (const k of spec.facts) facts[k.key] = Object.fromEntries(["value", "text", "document", "valid_from"].map((f) => [f, v(`facts.${k.key}.${f}`)]));
  return {
    county: v("county"),
    by: v("by"),
    routine: { title: v("routine.title"), valid_from: v("routine.valid_from") },
    documents: Array.from({ length: DOCUMENTS }, (_, i) => Object.fromEntries(DOCUMENT_FIELDS.map(([f]) => [f, v(`documents[${i}].${f}`)])))
      .filter((d, i) => i === 0 || Object.values(d).some((x) => x.trim())),
    facts,
    contacts: Array.from({ length: CONTACTS }, (_, i) => Object.fromEntries(CONTACT_FIELDS.map(([f]) => [f, v(`contacts[${i}].${f}`)]))),
    email_domains: v("email_domains"),
  };
}

/** Set a field's value (a county's e-mail domains when it is chosen). */
export function setField(name, value) {
  const input = document.getElementById(inputId(name));
  if (input) input.value = value;
}

/** Each error at its field and all of them in a summary, which takes the focus; [] clears them. */
export function showFormErrors(errors, title) {
  const box = document.getElementById("routine-form-errors");
  for (const input of document.querySelectorAll("#routine-form [aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const help = document.getElementById(`${input.id}-help`);
    if (help) input.setAttribute("aria-describedby", help.id);
    else input.removeAttribute("aria-describedby");
  }
  for (const old of document.querySelectorAll("#routine-form .guide-error")) old.remove();
  const items = errors.map((e) => {
    const input = document.getElementById(inputId(e.field)) || document.getElementById(inputId("county"));
    const errId = `${input.id}-error`;
    if (!document.getElementById(errId)) {
      input.setAttribute("aria-invalid", "true");
      const help = document.getElementById(`${input.id}-help`);
      input.setAttribute("aria-describedby", [help && help.id, errId].filter(Boolean).join(" "));
      input.before(el("p", { class: "guide-error", id: errId, text: e.message }));
    }
    return { href: `#${input.id}`, text: e.build || e.message };
  });
  const summary = errorSummary({ id: "routine-error-summary", title, items });
  box.replaceChildren(...(summary ? [summary] : []));
  if (summary) summary.focus();
}
