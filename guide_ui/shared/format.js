// Formatting in Norwegian. Month names and who-labels come from the engine's data
// (guide_engine/data/labels.toml, in the boot data); the page keeps no copy of its own.

let labels = { months: [], who: {} };

/** Use the engine's labels (the boot data's `labels`). */
export function useLabels(l) {
  if (l) labels = { months: l.months || [], who: l.who || {} };
}

/** "2026-12-10" -> "10. desember 2026"; anything else is returned as it is. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ""));
  if (!m || !labels.months.length) return String(iso ?? "");
  return `${Number(m[3])}. ${labels.months[Number(m[2]) - 1]} ${m[1]}`;
}

/** The label for an actor id ("county", "municipality", ...). */
export function whoLabel(id) {
  return labels.who[id] || id;
}

/** Today's date on the device as YYYY-MM-DD (local time). */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Bytes as megabytes with one decimal and a decimal comma: 3145728 -> "3,1". */
export function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1).replace(".", ",");
}

/** Whether `iso` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ""));
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
