// Runs guide_engine inside Pyodide (the npm package, under Node) on a list of cases and prints the
// results as JSON on stdout. Used by tests/test_pyodide_parity.py.
//
//   node tests/pyodide_runner.mjs CASES.json
//
// CASES.json: [{"id": "...", "case": {...}, "on": "YYYY-MM-DD"}, ...]
// Output:     {"python": "3.x.y", "results": {"<id>": <api.evaluate result>, ...}, "counties": [...]}
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
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
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/", stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") });

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
results = {c["id"]: api.evaluate(c["case"], c["on"]) for c in json.loads(cases_json)}
json.dumps({"python": sys.version.split()[0], "results": results, "counties": list(all_counties())}, ensure_ascii=False)
`);
process.stdout.write(out);
