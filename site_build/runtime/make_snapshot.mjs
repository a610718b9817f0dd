// Build-time runs of the site's own Pyodide under Node (site_build/runtime/node.py runs them).
//
//   node site_build/runtime/make_snapshot.mjs modules  <pyodide indexURL dir> <engine wheel>
//       Boots Pyodide with its whole standard library exactly as the guide's worker does (unpack
//       the wheel, import the bridge, ping, step, evaluate) and prints the names in sys.modules as
//       JSON: what Pyodide and the engine really import (site_build/runtime/stdlib.py keeps them).
//   node site_build/runtime/make_snapshot.mjs compile <pyodide indexURL dir> <in zip> <out zip>
//       Compiles every .py in a zip with Pyodide's own Python (optimize=2: no docstrings, no
//       asserts) into an uncompressed zip of unchecked-hash .pyc files: importing them costs no
//       compilation in the browser, and brotli over the whole stored zip beats per-file deflate.
//       Each code object's line table is cut to "every instruction is on the def line": the
//       tables were a third of the archive on the wire (913 kB → 587 kB brotli), and without
//       sources a line number in the standard library only ever shows in a traceback, where the
//       function's own line still names the place. (An empty table would make f_lineno None,
//       which the warnings machinery does not expect.)
//   node site_build/runtime/make_snapshot.mjs snapshot <pyodide indexURL dir> <engine wheel> <stdlib zip> <out file>
//       The same boot against the guide's own standard-library archive, with _makeSnapshot, then
//       writes the memory snapshot. The browser restores it with loadPyodide({_loadSnapshot}) and
//       the same stdLibURL, and must unpack the wheel again: the file system is not in the snapshot.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [mode, indexDir, wheel, stdlib, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const t0 = performance.now();
const options = { indexURL: indexDir.replace(/\/?$/, "/"), fullStdLib: false };
if (mode === "compile") {
  const [source, target] = [wheel, stdlib];
  const py = await loadPyodide(options);
  py.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(source)));
  py.runPython(`
import importlib._bootstrap_external as be, importlib.util, types, zipfile

def on_def_line(code):
    """The code object (and those nested in it) with one line-table entry per 8 code units:
    code 13 (no column information), line delta 0."""
    consts = tuple(on_def_line(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    units, table = len(code.co_code) // 2, bytearray()
    while units > 0:
        n = min(8, units)
        table += bytes([0x80 | (13 << 3) | (n - 1), 0])
        units -= n
    return code.replace(co_consts=consts, co_linetable=bytes(table))

src = zipfile.ZipFile("/tmp/in.zip")
with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as out:
    for info in src.infolist():
        data = src.read(info)
        name = info.filename
        if name.endswith(".py"):
            code = on_def_line(compile(data, "/lib/python314.zip/" + name, "exec", dont_inherit=True, optimize=2))
            data, name = be._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False), name + "c"
        zi = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
        zi.external_attr = 0o644 << 16
        out.writestr(zi, data)
`);
  writeFileSync(target, py.FS.readFile("/tmp/out.zip"));
  process.exit(0);
}
if (mode === "snapshot") {
  options.stdLibURL = stdlib;
  options._makeSnapshot = true;
} else if (mode !== "modules") {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const py = await loadPyodide(options);
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const bridge = py.pyimport("guide_engine.bridge");
const answers = {
  county: "more-og-romsdal", municipality: "Molde", participant_ref: "AB-12",
  permit_group: "refugee", permit_date: "2026-08-01", age_at_permit: 34,
  settlement_date: "2026-10-01", settled_by_agreement: true, interpreter_needed: true,
  interpreter_language: "tigrinja", competence_mapping_done: true,
  individual_plan_exists: true, norwegian_plan_exists: false,
};
// One step and one evaluation, so their lazy imports and data loads are in memory.
for (const op of ["ping", "questions", "step", "evaluate"]) {
  const reply = JSON.parse(bridge.handle(JSON.stringify({ op, answers })));
  if (!reply.ok) throw new Error(`${op}: ${reply.error}`);
}
bridge.destroy();
if (mode === "modules") {
  console.log(py.runPython("import json, sys; json.dumps(sorted(sys.modules))"));
} else {
  py.runPython("import gc; gc.collect()");
  const snap = py.makeMemorySnapshot();
  writeFileSync(out, snap);
  console.log(JSON.stringify({ bytes: snap.length, ms: Math.round(performance.now() - t0) }));
}
