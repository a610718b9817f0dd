// A whole (made-up) case handed over in the address by the practice page: #sak=<JSON {on, answers}>.
// Read once at start and taken out of the address at once; the guide itself never writes answers
// to the address.

const LIMIT = 20_000; // characters: a practice case is far smaller
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The handed-over case ({on, answers}), or null when the address carries none (or a broken one). */
export function takeHandover(loc = location, hist = history) {
  const m = /^#sak=(.+)$/.exec(loc.hash || "");
  if (!m) return null;
  hist.replaceState(null, "", loc.pathname + loc.search);
  if (m[1].length > LIMIT) return null;
  try {
    const data = JSON.parse(decodeURIComponent(m[1]));
    const answers = data && data.answers;
    if (!ISO.test(data.on) || !answers || typeof answers !== "object" || Array.isArray(answers)) return null;
    return { on: data.on, answers: { ...answers } };
  } catch {
    return null;
  }
}
