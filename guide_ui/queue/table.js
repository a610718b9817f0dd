// The queue page's result: the summary, the capacity projection, the rows with errors, the
// downloads and the ranked table, which sorts by any column.

import { refLinks, sourceText } from "../shared/citations.js";
import { el } from "../shared/dom.js";

// The engine's decision for the row, in words; "uavklart" marks a row whose eligibility rests on a
// rule not confirmed for the date (the same fields as the CSV's status column). Each status is its
// own value in the status filter, so the declined and the unclear can be listed apart.
const STATUS_TEXT = { ranked: "Rangert", declined: "Ønsker ikke veiledning", not_covered: "Ikke omfattet" };
const statusOf = (r) => (r.unclear ? `${r.status}:unclear` : r.status);
const STATUS_FILTER = [
  ["ranked", "Rangert"], ["ranked:unclear", "Rangert, uavklart"], ["declined", "Ønsker ikke veiledning"],
  ["declined:unclear", "Ønsker ikke veiledning, uavklart"], ["not_covered", "Ikke omfattet"],
];
const MET_TEXT = (r) => (r.misses === null || r.misses === undefined ? "–" : r.misses ? "Nei" : "Ja");

const COLUMNS = [
  { key: "rank", label: "Rang", value: (r) => (r.rank === null ? Infinity : r.rank) },
  { key: "label", label: "Deltaker", value: (r) => r.label.toLocaleLowerCase("nb") },
  { key: "municipality", label: "Kommune", value: (r) => (r.municipality || "").toLocaleLowerCase("nb") },
  { key: "municipality_number", label: "Kommunenummer", value: (r) => r.municipality_number || "" },
  { key: "county", label: "Fylke", value: (r) => (r.county_name || "").toLocaleLowerCase("nb") },
  { key: "status", label: "Status", value: (r) => `${STATUS_TEXT[r.status] || ""}${r.unclear ? " uavklart" : ""}` },
  { key: "interpreter_language", label: "Tolkespråk", value: (r) => (r.interpreter_language || "").toLocaleLowerCase("nb") },
  { key: "guidance_by", label: "Siste dag for veiledningen", value: (r) => r.guidance_by || "9999" },
  { key: "projected", label: "Planlagt time", value: (r) => r.projected || "9999", capacity: true },
  { key: "met", label: "Rekker fristen", value: (r) => MET_TEXT(r), capacity: true },
  { key: "rule", label: "Plassert etter", value: (r) => (r.rule ? r.rule.id : "") },
];

function rowErrors(errors) {
  const rows = new Set(errors.map((e) => e.row)).size;
  return el(
    "section",
    { id: "queue-row-errors", class: "queue-row-errors", "aria-labelledby": "queue-row-errors-heading" },
    el("h3", { id: "queue-row-errors-heading", text: `Rader med feil (${rows})` }),
    el("p", { text: "Disse radene er ikke med i køen. Rett dem i regnearket og last inn listen på nytt; de andre radene er regnet ut." }),
    el("ul", {}, errors.map((e) => el("li", { "data-row": e.row }, el("strong", { text: `Rad ${e.row}` }), e.column ? `, kolonne «${e.column}»: ${e.message}` : `: ${e.message}`))),
  );
}

/** The downloads (made when asked for: `getFile(key, name, type)`) and printing. */
function actions(r, getFile) {
  const button = (id, text, onclick) => el("button", { type: "button", class: "md-button", id, text, onclick });
  return el(
    "div",
    { class: "guide-actions queue-actions" },
    button("queue-download-csv", "Last ned som CSV (Excel)", () => getFile("export_csv", `prioritert-liste-${r.on}.csv`, "text/csv;charset=utf-8")),
    r.capacity ? button("queue-download-ics", "Last ned planlagte timer (kalender)", () => getFile("ics", `planlagte-timer-${r.on}.ics`, "text/calendar;charset=utf-8")) : null,
    button("queue-print", "Skriv ut", () => window.print()),
  );
}

function sortedRows(rows, sort, filter = {}) {
  const col = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
  const sign = sort.dir === "ascending" ? 1 : -1;
  return rows
    .filter((x) => x.status !== "error")
    .filter((x) => (!filter.county || x.county === filter.county) && (!filter.status || statusOf(x) === filter.status))
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const va = col.value(a.row);
      const vb = col.value(b.row);
      return (va < vb ? -1 : va > vb ? 1 : 0) * sign || a.i - b.i;
    })
    .map((x) => x.row);
}

function ruleCell(row, cite) {
  const rule = row.rule || { text: "", basis: [] };
  let details = null;
  if (rule.basis.length || (rule.references || []).length) {
    // The basis is drawn when the row is opened: 2,000 rows stay quick to draw.
    details = el("details", {}, el("summary", { text: "Grunnlag" }));
    details.addEventListener("toggle", () => {
      if (!details.open || details.childElementCount > 1) return;
      details.append(el("ul", {}, rule.basis.map((b) => el("li", { text: b }))), refLinks(rule.references, cite) || "", sourceText(rule.sources, cite) || "");
    });
  }
  const placed = row.placement ? el("span", { class: "queue-placement", "data-placement": row.placement.id, text: ` ${row.placement.text}` }) : null;
  return el("td", { class: "queue-rule", "data-rule": rule.id }, el("span", { text: rule.text }), placed, details);
}

function tableRow(row, cols, cite) {
  const cells = {
    rank: () => el("td", { text: row.rank === null ? "–" : String(row.rank) }),
    label: () => el("th", { scope: "row", text: row.label }, el("span", { class: "guide-help queue-row-no", text: ` (rad ${row.row})` })),
    municipality: () => el("td", { text: row.municipality || "" }),
    municipality_number: () => el("td", { text: row.municipality_number || "" }),
    county: () => el("td", { text: row.county_name || "" }),
    status: () =>
      el("td", { class: "queue-status" }, STATUS_TEXT[row.status] || "",
        row.unclear ? el("strong", { class: "queue-unclear", "data-unclear": "true", text: " (uavklart)" }) : null),
    guidance_by: () =>
      el(
        "td",
        { class: row.overdue ? "queue-overdue" : null },
        row.guidance_by_text ? `${row.guidance_by_text}${row.overdue ? " (passert)" : ""}` : "Ingen frist regnet ut",
        row.status === "not_covered" ? el("span", { class: "guide-help", text: ` ${row.eligibility_label || ""}` }) : null,
      ),
    projected: () =>
      el(
        "td",
        { class: row.misses ? "queue-misses" : null },
        row.projected_text || "–",
        row.booked ? el("span", { class: "guide-help", text: " (avtalt)" }) : null,
        row.misses ? el("strong", { text: " Etter fristen: trenger tidligere time" }) : null,
      ),
    interpreter_language: () => el("td", { text: row.interpreter_language || "" }),
    met: () => el("td", { class: "queue-met", "data-met": String(row.misses === null || row.misses === undefined ? "" : !row.misses), text: MET_TEXT(row) }),
    rule: () => ruleCell(row, cite),
  };
  return el("tr", { "data-row": row.row, "data-status": row.status, class: row.misses ? "queue-row--misses" : null }, cols.map((c) => cells[c.key]()));
}

/** The ranked table of result `r`, sorted by `sort` ({key, dir}) and filtered by `filter`
 * ({county, status}); `onSort(key)` for a header. */
export function table(r, sort, cite, onSort, filter = {}) {
  const cols = COLUMNS.filter((c) => !c.capacity || r.capacity);
  const head = el(
    "tr",
    {},
    cols.map((c) =>
      el(
        "th",
        { scope: "col", "aria-sort": sort.key === c.key ? sort.dir : null },
        el("button", { type: "button", class: "queue-sort", "data-sort": c.key, text: c.label, onclick: () => onSort(c.key) }),
      ),
    ),
  );
  const body = el("tbody");
  const rows = document.createDocumentFragment();
  const shown = sortedRows(r.rows, sort, filter);
  for (const row of shown) rows.append(tableRow(row, cols, cite));
  body.append(rows);
  return el(
    "div",
    { class: "queue-table-wrap" },
    el(
      "table",
      { id: "queue-table", class: "queue-table" },
      el("caption", {
        text: `Deltakerne i den rekkefølgen de må få veiledning (${shown.length} vist). Velg en kolonneoverskrift for å sortere etter den.`,
      }),
      el("thead", {}, head),
      body,
    ),
  );
}

/** The two plans side by side, with the one whose dates are shown (and exported) chosen;
 * `onPlan(id)` when the centre picks the other. */
function plans(cap, onPlan) {
  const choice = (p) => {
    const id = `queue-plan-${p.id}`;
    const input = el("input", { type: "radio", name: "queue-plan", id, value: p.id, checked: cap.plan === p.id, onchange: () => onPlan(p.id) });
    const misses = p.missed === 1 ? "1 bommer" : `${p.missed} bommer`;
    return el("div", { class: "queue-plan" }, input, el("label", { for: id, text: `${p.label}: ${misses} på fristen` }));
  };
  return el(
    "fieldset",
    { id: "queue-plans", class: "queue-fieldset" },
    el("legend", { text: "Plan for timene" }),
    el("p", { id: "queue-plans-comparison", text: cap.comparison }),
    el("p", {
      class: "guide-help",
      text: "«Passerte først» gir de passerte fristene de første timene. «Flest mulig i tide» rekker flest mulig frister og gir de passerte de tidligste timene som ikke koster andre fristen. Datoene i listen, CSV-filen og kalenderfilen følger planen dere velger.",
    }),
    Object.values(cap.plans).map(choice),
  );
}

/** Filters: county and status (each status apart, the unclear too); `onFilter({county, status})`. */
function filters(r, filter, onFilter) {
  const counties = [...new Map(r.rows.filter((x) => x.county).map((x) => [x.county, x.county_name])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1], "nb"));
  const present = new Set(r.rows.filter((x) => x.status !== "error").map(statusOf));
  const select = (id, label, options, value, key) =>
    el(
      "div",
      { class: "queue-field queue-filter" },
      el("label", { for: id, text: label }),
      el(
        "select",
        { id, onchange: (e) => onFilter({ ...filter, [key]: e.target.value }) },
        el("option", { value: "", text: "Alle" }),
        options.map(([v, t]) => el("option", { value: v, text: t, selected: v === value })),
      ),
    );
  return el(
    "div",
    { class: "queue-filters" },
    select("queue-filter-county", "Vis fylke", counties, filter.county || "", "county"),
    select("queue-filter-status", "Vis status", STATUS_FILTER.filter(([v]) => present.has(v)), filter.status || "", "status"),
  );
}

/** The whole result: {node, heading}. `v`: {result, sort, filter, cite, getFile, onSort, onFilter, onPlan}. */
export function resultView(v) {
  const r = v.result;
  const heading = el("h2", { id: "queue-result-heading", tabindex: "-1", text: `Prioritert liste per ${r.on_text}` });
  const capacity = r.capacity
    ? el(
        "div",
        { id: "queue-capacity", class: "guide-status" },
        el("p", { id: "queue-capacity-summary", text: r.capacity.summary }),
        r.capacity.notes.length ? el("ul", {}, r.capacity.notes.map((n) => el("li", { text: n }))) : null,
      )
    : null;
  const parts = [
    heading,
    r.warnings.map((w) => el("p", { class: "guide-help queue-warning", text: w })),
    el("p", { id: "queue-summary", text: r.summary }),
    capacity,
    r.capacity ? plans(r.capacity, v.onPlan) : null,
    r.row_errors.length ? rowErrors(r.row_errors) : null,
    actions(r, v.getFile),
    filters(r, v.filter || {}, v.onFilter),
    table(r, v.sort, v.cite, v.onSort, v.filter || {}),
  ];
  return { nodes: parts.flat().filter(Boolean), heading };
}
