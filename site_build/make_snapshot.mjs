// Build-time Pyodide memory snapshot of the booted engine (site_build/runtime.py runs it).
//   node site_build/make_snapshot.mjs <pyodide indexURL dir> <engine wheel> <out file>
// Boots Pyodide in Node with _makeSnapshot, unpacks the wheel, imports the engine and runs one
// step and one evaluation (so their lazy imports and data loads are in memory), then writes the
// memory snapshot. The browser restores it with loadPyodide({_loadSnapshot}) and must unpack the
// wheel again: the file system is not part of the snapshot.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [indexDir, wheel, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const t0 = performance.now();
const py = await loadPyodide({ indexURL: indexDir.replace(/\/?$/, "/"), fullStdLib: false, _makeSnapshot: true });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
py.runPython(`
import json
from guide_engine import bridge
_case = {"county": "more-og-romsdal", "municipality": "Molde", "participant_ref": "AB-12",
         "permit_group": "refugee", "permit_date": "2026-08-01", "age_at_permit": 34,
         "settlement_date": "2026-10-01", "settled_by_agreement": True, "interpreter_needed": True,
         "interpreter_language": "tigrinja", "competence_mapping_done": True,
         "individual_plan_exists": True, "norwegian_plan_exists": False}
for _op in ("ping", "step", "evaluate"):
    assert json.loads(bridge.handle(json.dumps({"op": _op, "answers": _case})))["ok"], _op
del _case, _op
`);
const snap = py.makeMemorySnapshot();
writeFileSync(out, snap);
console.log(JSON.stringify({ bytes: snap.length, ms: Math.round(performance.now() - t0) }));
