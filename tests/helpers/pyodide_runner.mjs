// Runs guide_engine inside Pyodide (the npm package, under Node) on a list of cases and prints the
// results as JSON on stdout. Used by tests/engine/test_pyodide_parity.py.
//
//   node tests/helpers/pyodide_runner.mjs CASES.json
//   STDLIB_ZIP=site/guide/stdlib.zip node tests/helpers/pyodide_runner.mjs CASES.json   (the guide's own
//       standard-library archive instead of Pyodide's whole one; tests/site/test_stdlib_archive.py)
//
// CASES.json: [{"id": "...", "case": {...}, "on": "YYYY-MM-DD"}, ...]
// Output:     {"python": "3.x.y", "results": {"<id>": <api.evaluate result>, ...}, "counties": [...]}
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");  // tests/helpers/ → the repository
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "__pycache__") yield* walk(p);
    } else if (/\.(py|toml|txt|json)$/.test(name)) {
      yield p;
    }
  }
}

const cases = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const stdlib = process.env.STDLIB_ZIP ? { stdLibURL: resolve(process.env.STDLIB_ZIP) } : {};
const pyodide = await loadPyodide({ ...stdlib, indexURL: join(root, "node_modules", "pyodide") + "/", stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") });

// Put the package into Pyodide's file system, exactly as it is in the repository.
const target = "/home/pyodide/guide_engine";
for (const file of walk(join(root, "guide_engine"))) {
  const dest = join(target, relative(join(root, "guide_engine"), file));
  pyodide.FS.mkdirTree(dirname(dest));
  pyodide.FS.writeFile(dest, readFileSync(file));
}

pyodide.globals.set("cases_json", JSON.stringify(cases));
const out = await pyodide.runPythonAsync(`
import json, sys
sys.path.insert(0, "/home/pyodide")
from guide_engine import api
from guide_engine.counties import all_counties
from guide_engine import bridge
results = {c["id"]: api.evaluate(c["case"], c["on"]) for c in json.loads(cases_json)}
# Every bridge message the worker answers, on every case (their replies, for the archive test).
ops = {c["id"]: [json.loads(bridge.handle(json.dumps({"op": op, "answers": c["case"], "on": c["on"]})))
                 for op in ("ping", "questions", "step", "evaluate")] for c in json.loads(cases_json)}
# The queue page's messages (csv, hashlib for the .ics), on the queue template's rows.
from guide_engine.queue import template_csv
queue_msg = {"csv": template_csv(), "on": "2026-11-23", "per_week": 3, "from": "2026-11-23"}
queue_ops = {op: json.loads(bridge.handle(json.dumps({"op": op, **queue_msg}))) for op in ("queue", "queue_files")}
import importlib.util
missing = [m for m in ("xml", "email", "sqlite3") if importlib.util.find_spec(m) is None]
# Line numbers in the standard library (the guide's archive cuts its line tables): a function's
# lines, a traceback through it, and a warning attributed to one of its frames.
import contextlib, traceback, warnings
code = json.decoder.JSONDecoder.raw_decode.__code__
try:
    json.loads("{")
except ValueError:
    tb = traceback.format_exc()
@contextlib.contextmanager
def warns():
    warnings.warn("prøve", UserWarning, stacklevel=2)  # stacklevel 2: contextlib's own frame
    yield
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with warns():
        pass
w = caught[0]
lines = {"first": code.co_firstlineno, "lines": sorted({l for _, _, l in code.co_lines() if l is not None}),
         "traceback": tb, "warning": [w.filename, w.lineno, warnings.formatwarning(w.message, w.category, w.filename, w.lineno)]}
json.dumps({"python": sys.version.split()[0], "results": results, "counties": list(all_counties()),
            "ops": ops, "queue_ops": queue_ops, "missing": missing, "lines": lines}, ensure_ascii=False)
`);
process.stdout.write(out);
