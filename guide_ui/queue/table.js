// The queue page's result: the summary, the capacity projection, the rows with errors, the
// downloads and the ranked table, which sorts by any column.

import { refLinks, sourceText } from "../shared/citations.js";
import { el } from "../shared/dom.js";

// The engine's decision for the row, in words; "uavklart" marks a row whose eligibility rests on a
// rule not confirmed for the date (the same fields as the CSV's status column).
const STATUS_TEXT = { ranked: "Rangert", declined: "Ønsker ikke veiledning", not_covered: "Ikke omfattet" };

const COLUMNS = [
  { key: "rank", label: "Rang", value: (r) => (r.rank === null ? Infinity : r.rank) },
  { key: "label", label: "Deltaker", value: (r) => r.label.toLocaleLowerCase("nb") },
  { key: "municipality", label: "Kommune", value: (r) => (r.municipality || "").toLocaleLowerCase("nb") },
  { key: "municipality_number", label: "Kommunenummer", value: (r) => r.municipality_number || "" },
  { key: "county", label: "Fylke", value: (r) => (r.county_name || "").toLocaleLowerCase("nb") },
  { key: "status", label: "Status", value: (r) => `${STATUS_TEXT[r.status] || ""}${r.unclear ? " uavklart" : ""}` },
  { key: "guidance_by", label: "Siste dag for veiledningen", value: (r) => r.guidance_by || "9999" },
  { key: "projected", label: "Planlagt time", value: (r) => r.projected || "9999", capacity: true },
  { key: "rule", label: "Plassert etter", value: (r) => (r.rule ? r.rule.id : "") },
];

function rowErrors(errors) {
  const rows = new Set(errors.map((e) => e.row)).size;
  return el(
    "section",
    { id: "queue-row-errors", class: "queue-row-errors", "aria-labelledby": "queue-row-errors-heading" },
    el("h3", { id: "queue-row-errors-heading", text: `Rader med feil (${rows})` }),
    el("p", { text: "Disse radene er ikke med i køen. Rett dem i regnearket og last inn listen på nytt; de andre radene er regnet ut." }),
    el("ul", {}, errors.map((e) => el("li", { "data-row": e.row }, el("strong", { text: `Rad ${e.row}` }), `, kolonne ${e.field}: ${e.message}`))),
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

function sortedRows(rows, sort) {
  const col = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
  const sign = sort.dir === "ascending" ? 1 : -1;
  return rows
    .filter((x) => x.status !== "error")
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
  return el("td", { class: "queue-rule", "data-rule": rule.id }, el("span", { text: rule.text }), details);
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
        row.misses ? el("strong", { text: " Etter fristen: trenger tidligere time" }) : null,
      ),
    rule: () => ruleCell(row, cite),
  };
  return el("tr", { "data-row": row.row, "data-status": row.status, class: row.misses ? "queue-row--misses" : null }, cols.map((c) => cells[c.key]()));
}

/** The ranked table of result `r`, sorted by `sort` ({key, dir}); `onSort(key)` for a header. */
export function table(r, sort, cite, onSort) {
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
  for (const row of sortedRows(r.rows, sort)) rows.append(tableRow(row, cols, cite));
  body.append(rows);
  return el(
    "div",
    { class: "queue-table-wrap" },
    el(
      "table",
      { id: "queue-table", class: "queue-table" },
      el("caption", { text: "Deltakerne i den rekkefølgen de må få veiledning. Velg en kolonneoverskrift for å sortere etter den." }),
      el("thead", {}, head),
      body,
    ),
  );
}

/** The whole result: {node, heading}. `v`: {result, note, sort, cite, getFile, onSort}. */
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
    v.note ? el("p", { class: "guide-error", text: v.note }) : null,
    r.warnings.map((w) => el("p", { class: "guide-help queue-warning", text: w })),
    el("p", { id: "queue-summary", text: r.summary }),
    capacity,
    r.row_errors.length ? rowErrors(r.row_errors) : null,
    actions(r, v.getFile),
    table(r, v.sort, v.cite, v.onSort),
  ];
  return { nodes: parts.flat().filter(Boolean), heading };
}
