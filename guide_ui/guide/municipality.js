// The municipality question: a type-ahead by name or kommunenummer built to the WAI-ARIA 1.2
// combobox pattern (an input with role "combobox" that controls a listbox popup; the option the
// arrow keys reach is named by aria-activedescendant while focus stays in the input; Enter chooses,
// Escape closes; a polite status says how many municipalities match). Its rows are the register's,
// from the boot data (guide_engine/boot.py), so it works before the engine is ready; the county
// shown is the register's county for the municipality on the reference date. If the widget cannot
// be built, the question falls back to a plain <select> of the same options (widgets.js).

import { el, setAttributes } from "../shared/dom.js";

const SHOWN = 50; // options drawn at most; the status says how many match in all

const fold = (s) => String(s).normalize("NFC").toLocaleLowerCase("nb").replace(/\s+kommune\.?$/, "").replace(/\s+/g, " ").trim();

let made = null; // the options of the last date asked for: the controller asks at every step

/** The municipalities that exist on `on` (ISO), as options {value: number, label, county, countyName, text}. */
export function municipalityOptions(boot, on) {
  if (!made || made.boot !== boot || made.on !== on) made = { boot, on, list: optionsOn(boot, on) };
  return made.list;
}

function optionsOn(boot, on) {
  const data = boot.municipalities || { fields: [], rows: [] };
  const at = Object.fromEntries(data.fields.map((f, i) => [f, i]));
  const names = Object.fromEntries((boot.counties || []).map((c) => [c.id, c.name]));
  return data.rows
    .filter((r) => r[at.valid_from] <= on && (!r[at.valid_to] || on <= r[at.valid_to]))
    .map((r) => {
      const countyName = names[r[at.county]] || r[at.county];
      const label = r[at.label];
      const words = fold(label).split(/[\s()-]+/).filter(Boolean);
      return { value: r[at.number], name: r[at.name], label, county: r[at.county], countyName, text: `${label} (${r[at.number]}), ${countyName}`, words, key: fold(label) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nb") || a.value.localeCompare(b.value));
}

/** The options `text` matches: a number that starts with it, or a name with a word that does; exact names first. */
export function matching(options, text) {
  const t = fold(text);
  if (!t) return options.slice();
  const exact = (o) => o.value === t.padStart(4, "0") || fold(o.name) === t || o.key === t;
  const hits = options.filter((o) => exact(o) || o.value.startsWith(t) || o.key.startsWith(t) || o.words.some((w) => w.startsWith(t)));
  return [...hits.filter(exact), ...hits.filter((o) => !exact(o))];
}

/** The one option `text` names exactly (a number, "1506 Molde", a name in any case), or null. */
export function exactOption(options, text) {
  const t = fold(text);
  const both = /^(\d{3,4})\s+\D/.exec(t);
  const number = both ? both[1] : /^\d{3,4}$/.test(t) ? t : null;
  const hits = number ? options.filter((o) => o.value === number.padStart(4, "0")) : options.filter((o) => fold(o.name) === t || o.key === t);
  return hits.length === 1 ? hits[0] : null;
}

function countyLine(option) {
  return option ? `Fylke: ${option.countyName}. Fylket følger av kommunen på datoen veiviseren regner fra.` : "";
}

/**
 * The combobox for question `q` with the answer `value` (a kommunenummer, or text the engine judged),
 * the `options` of the reference date and `describedBy` (help and error ids). `built`: the build's
 * <input list> of the first step (prerendered.js), made into the combobox with what the user typed
 * in it. Returns the input's wrapper; the chosen number is kept in the input's data-value (read by
 * widgets.readValue).
 */
export function combobox(q, value, options, describedBy, built = null) {
  const id = `q-${q.id}`;
  const listId = `${id}-list`;
  const attrs = {
    id, name: q.id, type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId,
    "aria-describedby": [describedBy, `${id}-county`].filter(Boolean).join(" "), maxlength: q.max_length || null,
  };
  let input, chosen;
  if (built) {
    input = setAttributes(built, attrs);
    document.getElementById(built.getAttribute("list"))?.remove(); // the build's <datalist>, after its form
    input.removeAttribute("list"); // the type-ahead below replaces the browser's suggestions
    chosen = exactOption(options, input.value); // the text stays as typed; the county follows it
  } else {
    input = el("input", attrs);
    chosen = options.find((o) => o.value === value) || null;
    input.value = chosen ? chosen.label : value === undefined || value === null ? "" : String(value);
  }
  if (chosen) input.dataset.value = chosen.value;
  const list = el("ul", { id: listId, role: "listbox", class: "guide-combobox-list", "aria-label": "Kommuner", hidden: true });
  const status = el("p", { id: `${id}-status`, class: "guide-visually-hidden", role: "status", "aria-live": "polite" });
  const county = el("p", { id: `${id}-county`, class: "guide-combobox-county", text: countyLine(chosen) });
  let shown = [];
  let active = -1;

  const setActive = (i) => {
    const items = list.children;
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
    active = i;
    if (i < 0 || !items[i]) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      return;
    }
    items[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[i].id);
    items[i].scrollIntoView({ block: "nearest" });
  };
  const close = () => {
    setActive(-1);
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const open = () => {
    const all = matching(options, input.value);
    shown = all.slice(0, SHOWN);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.replaceChildren(
      ...shown.map((o, i) =>
        el("li", { id: `${id}-opt-${o.value}`, role: "option", "aria-selected": "false", "data-value": o.value,
          onmousedown: (e) => e.preventDefault(), onclick: () => choose(i) }, el("span", { text: o.label }),
          el("span", { class: "guide-combobox-meta", text: ` ${o.value}, ${o.countyName}` })),
      ),
    );
    const more = all.length > shown.length ? ` De ${shown.length} første vises; skriv mer for å snevre inn.` : "";
    status.textContent = all.length ? `${all.length} ${all.length === 1 ? "kommune passer" : "kommuner passer"}.${more}` : "Ingen kommune passer. Skriv navnet eller kommunenummeret.";
    list.hidden = !shown.length;
    input.setAttribute("aria-expanded", shown.length ? "true" : "false");
  };
  const choose = (i) => {
    const o = shown[i];
    if (!o) return;
    input.value = o.label;
    input.dataset.value = o.value;
    county.textContent = countyLine(o);
    close();
    status.textContent = `Valgt: ${o.label} (${o.value}), ${o.countyName}.`;
    input.focus();
  };

  input.addEventListener("input", () => {
    delete input.dataset.value;
    const exact = exactOption(options, input.value);
    county.textContent = countyLine(exact);
    open();
  });
  input.addEventListener("keydown", (e) => {
    const expanded = input.getAttribute("aria-expanded") === "true";
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) open();
      if (e.altKey || !shown.length) return;
      const n = shown.length;
      setActive(e.key === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault(); // chooses the option; Enter again submits the step
      choose(active);
    } else if (e.key === "Escape" && expanded) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
  const wrap = el("div", { class: "guide-combobox" }, input, list, status, county);
  return { input, wrap };
}

/** The value in the form: the chosen kommunenummer, else the option the text names exactly, else the text. */
export function readMunicipality(input, options) {
  if (input.dataset.value) return input.dataset.value;
  if (input.tagName === "SELECT") return input.value ? JSON.parse(input.value) : undefined;
  const raw = input.value.trim();
  if (!raw) return undefined;
  const exact = exactOption(options, raw);
  return exact ? exact.value : raw;
}
