// After a restore from the build-time snapshot, let the browser optimise Python's interpreter
// before the engine's first call runs.
//
// Why: V8 first compiles WebAssembly with its quick baseline compiler (Liftoff) and optimises a
// function (TurboFan) in the background once it has run for a while; a call already running keeps
// the code it started with. An ordinary boot runs enough Python (the standard library's and the
// engine's imports) for the interpreter loop to be optimised before the engine is ready; a restore
// skips that work, so the first long call (a list of 500 participants) ran wholly in baseline
// code: 2–3 × slower (measured under Node: a million-step loop 128–147 ms after a restore against
// 50 ms after an ordinary boot, and 56 ms after a restore with `node --no-liftoff`; the second
// call after a restore, 50 ms).
//
// How: short Python calls, each a new entry into the interpreter, with the worker's event loop
// free in between; each is timed. Once a call takes at most RATIO of the first one, the optimised
// code is in use. A device whose code was already optimised (a code cache) never shows the drop,
// so the wait is capped: CAP_PROBES times the first call, within CAP_MS (a slow or busy CPU both
// runs the probe and compiles more slowly: here the drop came after 40–150 ms, idle). Calls to the
// engine wait for this (worker.js), the message that the engine is ready does not: on the guide
// the user is still on the opening questions.

// What the engine's code does most (the interpreter loop above all; dicts, strings, dates, regular
// expressions, JSON), so that V8 optimises those functions too.
// (__import__: the bundle test refuses any text that reads like a leftover ES import.)
const PROBE = `
_json, _re, _dt = (__import__(m) for m in ("json", "re", "datetime"))
def _tier_up_probe(n=600):
    d, out, day = {}, [], _dt.date(2026, 1, 1)
    word = _re.compile(r"[a-zæøå]+")
    for i in range(n):
        key = f"k{i & 63}"
        d[key] = d.get(key, 0) + i
        text = " ".join(("rad", key, str(i))).upper().lower()
        out.append({"id": key, "n": len(word.findall(text)), "date": (day + _dt.timedelta(days=i % 400)).isoformat()})
    return len(_json.loads(_json.dumps(out))) + sum(d.values())
`;export const RATIO = 0.6;
export const CAP_PROBES = 20;
export const CAP_MS = [150, 1000];

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves once the interpreter's optimised code is in use, or at the cap: {probes, ms, first, last}. */
export async function tierUp(py, { ratio = RATIO, capProbes = CAP_PROBES, capMs = CAP_MS } = {}) {
  let t0 = performance.now();
  let probe, first, last, cap = capMs[0], probes = 0;
  try {
    py.runPython(PROBE);
    probe = py.globals.get("_tier_up_probe");
    t0 = performance.now();
    while (performance.now() - t0 < cap) {
      const t = performance.now();
      probe();
      last = performance.now() - t;
      probes += 1;
      if (first === undefined) {
        first = last;
        cap = Math.min(Math.max(capProbes * first, capMs[0]), capMs[1]);
      } else if (last <= ratio * first) break;
      await tick();
    }
  } catch (err) {
    console.info("Oppvarming av Python etter øyeblikksbildet feilet:", err && err.message); // never fatal
  } finally {
    if (probe) probe.destroy();
  }
  return { probes, ms: performance.now() - t0, first, last };
}
