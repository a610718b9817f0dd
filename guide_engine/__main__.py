"""Command line: ``python -m guide_engine counties [--on YYYY-MM-DD]`` and
``python -m guide_engine evaluate CASE.json [--on YYYY-MM-DD]`` and
``python -m guide_engine ages [--on YYYY-MM-DD]`` (every fact by the age of its source, oldest first) and
``python -m guide_engine routine check FILE [--on YYYY-MM-DD]`` (a submitted county file checked as the build
checks it, and what it would change; exit 0 valid, 1 invalid, 2 unreadable) and
``python -m guide_engine municipalities [--on YYYY-MM-DD] [--county ID] [--json]`` (the municipality
register: every row, or those of one date and county).

The CLI is the only place that may read the system clock: without ``--on`` and without ``"on"`` in
the case file, the reference date is today. Exit status: 0 for a result, 1 when the result has
validation errors (with ``--checklist``/``--referral`` the errors are printed on stderr), 2 for a case
file that cannot be read (not UTF-8, not JSON, nested too deeply) or an output that cannot be written
(a folder, a path without access), 3 when standard output is closed. Output is UTF-8 whatever the
locale (the JSON and CSV are UTF-8 by definition).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

from . import api
from .counties import all_counties
from .dates import parse_iso


class OutputError(Exception):
    """An output file that cannot be written: its message is a fixed Norwegian sentence."""


def run(argv: list[str] | None = None) -> int:
    """``main`` with the streams made safe: UTF-8 out whatever the locale, a closed or vanished
    standard output an exit status with one line on stderr, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError, OSError):
                pass
    try:
        code = main(argv)
        sys.stdout.flush()
        return code
    except OutputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (BrokenPipeError, ValueError, OSError) as exc:
        if isinstance(exc, ValueError) and "closed file" not in str(exc):
            raise
        # the reader went away (``| head``) or stdout was closed (``>&-``): stop without a traceback
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout again at exit
            print("Kunne ikke skrive resultatet: standard utdata er lukket.", file=sys.stderr)
        except (OSError, ValueError):
            pass
        return 3


def _write(path: str, data: str) -> None:
    """Write an output file, or say in Norwegian why it cannot be written."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(data)
    except IsADirectoryError:
        raise OutputError(f"Kan ikke skrive til «{path}»: det er en mappe. Oppgi et filnavn, for eksempel {path.rstrip('/')}/ko.csv.") from None
    except PermissionError:
        raise OutputError(f"Kan ikke skrive til «{path}»: du har ikke skrivetilgang der.") from None
    except OSError:
        raise OutputError(f"Kan ikke skrive til «{path}»: finner ikke mappen, eller den kan ikke skrives til.") from None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m guide_engine", description="Karriereveiledning § 11: beslutningsmotoren")
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("counties", help="list county ids (with --on: only those existing on that date)")
    c.add_argument("--on", help="YYYY-MM-DD")
    e = sub.add_parser("evaluate", help="evaluate a case file (JSON) and print the result as JSON")
    e.add_argument("case", help="path to the case JSON, or - for stdin")
    e.add_argument("--on", help="reference date YYYY-MM-DD (default: the case's \"on\", else today)")
    e.add_argument("--checklist", action="store_true", help="print the checklist as text instead of JSON")
    e.add_argument("--referral", action="store_true", help="print the draft referral as text instead of JSON")
    s = sub.add_parser("ages", help="list every county fact and national guidance by the age of its source, oldest first")
    s.add_argument("--on", help="the date to measure ages from, YYYY-MM-DD (default: today)")
    _add_queue_parser(sub)
    r = sub.add_parser("routine", help="a county's routine submitted as a data file")
    rsub = r.add_subparsers(dest="routine_cmd", required=True)
    rc = rsub.add_parser("check", help="check a submitted county file as the build does, and list what it would change")
    rc.add_argument("file", help="path to the county file (TOML)")
    rc.add_argument("--on", help="the build's date for the date checks, YYYY-MM-DD (default: today)")
    m = sub.add_parser("municipalities", help="list the municipalities of the register (number, name, county, period)")
    m.add_argument("--on", help="only those existing on this date, YYYY-MM-DD")
    m.add_argument("--county", help="only those of this county id (see `counties`)")
    m.add_argument("--json", action="store_true", help="print a JSON list of {number, name, county, valid_from, valid_to}")
    args = p.parse_args(argv)
    if args.cmd == "routine":
        return _routine_check(args)
    if args.cmd == "municipalities":
        return _municipalities(args)
    if args.cmd == "queue":
        return _queue(args)
    if args.cmd == "ages":
        return _ages(args)

    if args.cmd == "counties":
        on = parse_iso(args.on) if args.on else None
        if args.on and on is None:
            print("Ugyldig dato for --on (ÅÅÅÅ-MM-DD).", file=sys.stderr)
            return 2
        for cid, county in all_counties().items():
            if on is None or county.exists_on(on):
                print(cid)
        return 0

    case, problem = _read_case(args.case)
    if problem:
        print(json.dumps({"ok": False, "errors": [{"field": "_case", "message": problem}]}, ensure_ascii=False, indent=2))
        return 2
    on = args.on or (case.get("on") if isinstance(case, dict) else None) or date.today().isoformat()
    result = api.evaluate(case, on)
    if (args.checklist or args.referral) and not result.get("ok"):
        # the text forms exist only for a valid case: say why there is none, field by field
        what = "sjekkliste" if args.checklist else "henvisning"
        print(f"Saken har feil, så det er ikke laget noen {what}:", file=sys.stderr)
        for e in result.get("errors") or []:
            print(f"- {e['field']}: {e['message']}", file=sys.stderr)
        return 1
    if args.checklist:
        print(api.checklist_text(result), end="")
    elif args.referral:
        r = result["referral"]
        if not r.get("applicable", True):
            print(r.get("reason") or "Ingen henvisning for denne saken.")
        else:
            print(f"Til: {r['to'] or '(ingen adresse registrert)'}\nEmne: {r['subject']}\n\n{r['body']}\n{r['reminder']}")
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result.get("ok") else 1


def _read_case(name: str) -> tuple[object, str | None]:
    """The case read from a file or stdin, or a fixed Norwegian sentence saying why it cannot be read."""
    try:
        text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
    except UnicodeDecodeError:
        return None, "Saksfilen kan ikke leses: den må være tekst i UTF-8."
    except OSError:
        return None, "Saksfilen kan ikke leses: finner ikke filen, eller du har ikke tilgang til den."
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"Saksfilen er ikke gyldig JSON (feil på linje {exc.lineno}, tegn {exc.colno})."
    except (RecursionError, ValueError):
        return None, "Saksfilen er for dypt nestet eller for stor. En sak er ett JSON-objekt med svar, for eksempel {\"county\": \"oslo\"}."


def _add_queue_parser(sub) -> None:
    q = sub.add_parser("queue", help="rank the participants of a CSV file (one case per row) and print the list")
    q.add_argument("cases", help="path to the CSV file (comma, semicolon or tab), or - for stdin")
    q.add_argument("--on", help="reference date YYYY-MM-DD or DD.MM.YYYY (default: today)")
    q.add_argument("--capacity", help="sessions per week, e.g. 6 or 6/week: projects a session date per row")
    q.add_argument("--from", dest="start", help="first date of the capacity (default: the reference date)")
    q.add_argument("--plan", choices=["overdue_first", "most_met"], help="with --capacity: the plan that gives the dates (default overdue_first)")
    q.add_argument("--csv", metavar="OUT", help="write the export (semicolons, UTF-8 with BOM) to OUT, or - for stdout")
    q.add_argument("--ics", metavar="OUT", help="write the projected sessions as iCalendar to OUT (needs --capacity)")


def _read_text(name: str, not_utf8: str) -> str | None:
    """A file's (or stdin's, for "-") text; None after saying on stderr why it cannot be read."""
    try:
        return (sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()).decode("utf-8")
    except UnicodeDecodeError:
        print(not_utf8, file=sys.stderr)
    except OSError:
        print("Filen kan ikke leses: finner ikke filen, eller du har ikke tilgang til den.", file=sys.stderr)
    return None


def _queue(args) -> int:
    """Exit status: 0 all rows ranked or listed, 1 some rows have errors, 2 the file or an option is unusable."""
    from . import calendar_ics, queue

    if args.ics and not args.capacity:
        # without a capacity no session is planned, and an empty calendar would look like success
        print("--ics trenger --capacity (timer per uke): uten kapasitet planlegges ingen timer å legge i kalenderen.", file=sys.stderr)
        return 2
    try:
        raw = sys.stdin.buffer.read() if args.cases == "-" else open(args.cases, "rb").read()
        text, note = queue.decode(raw)
        if note:
            print(f"Merk: {note}", file=sys.stderr)
    except UnicodeDecodeError:
        print("Filen kan ikke leses: den er verken UTF-8, UTF-16 eller Windows-1252. Lagre den som «CSV UTF-8» fra regnearket.", file=sys.stderr)
        return 2
    except OSError:
        print("Filen kan ikke leses: finner ikke filen, eller du har ikke tilgang til den.", file=sys.stderr)
        return 2
    capacity = args.capacity.replace("/week", "").replace("/uke", "") if args.capacity else None
    result = queue.evaluate(text, args.on or date.today().isoformat(), capacity, args.start, max_rows=queue.CLI_MAX_ROWS, plan=args.plan)
    for w in result["warnings"]:
        print(f"Merk: {w}", file=sys.stderr)
    if result["errors"]:
        for e in result["errors"]:
            print(f"Feil ({e['field']}): {e['message']}", file=sys.stderr)
        if not result["rows"]:
            return 2
    if args.csv:
        data = queue.export_csv(result)
        if args.csv == "-":
            sys.stdout.write(data)
            return 0 if not result["row_errors"] else 1
        _write(args.csv, data)
    if args.ics:
        _write(args.ics, calendar_ics.sessions_ics(result))
    print(f"Køen per {result['on_text']}. {result['summary']}")
    if result["capacity"]:
        print(result["capacity"]["summary"] + "".join(" " + n for n in result["capacity"]["notes"]))
        print(result["capacity"]["comparison"])
    for r in result["rows"]:
        if r["status"] == "error":
            continue
        rank = f"{r['rank']:>4}" if r["rank"] else "   -"
        when = r["guidance_by"] or "-"
        proj = f"  time {r['projected']}{' (etter fristen)' if r['misses'] else ''}" if r["projected"] else ""
        mark = "  [uavklart]" if r.get("unclear") else ""
        print(f"{rank}  rad {r['row']:>4}  {r['label'][:30]:<30}  frist {when:<10}{proj}{mark}  {r['rule']['text']}")
    for e in result["row_errors"]:
        print(f"Rad {e['row']}, kolonne «{e['column']}»: {e['message']}" if e.get("column") else f"Rad {e['row']}: {e['message']}")
    return 1 if result["row_errors"] or result["errors"] else 0


def _municipalities(args) -> int:
    """The register's rows (all, or those existing on --on), optionally of one county; exit 2 for a bad option."""
    from .municipalities import load_register, on as existing_on, register_json

    on = parse_iso(args.on) if args.on else None
    if args.on and on is None:
        print("Ugyldig dato for --on (ÅÅÅÅ-MM-DD).", file=sys.stderr)
        return 2
    if args.county and args.county not in all_counties():
        print(f"Ukjent fylke «{args.county}». Se fylkes-id-ene med: python -m guide_engine counties", file=sys.stderr)
        return 2
    rows = existing_on(on) if on else list(load_register().rows)
    rows = [r for r in rows if not args.county or r.county == args.county]
    if args.json:
        print(json.dumps(register_json(rows), ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.number}  {r.label:<32} {r.county:<22} {r.valid_from.isoformat()}–{r.valid_to.isoformat() if r.valid_to else ''}")
    return 0


def _ages(args) -> int:
    """Every fact by the age of its source (oldest first), with where its source's date comes from."""
    from .provenance import OLD_SOURCE_YEARS, fact_ages

    on = parse_iso(args.on) if args.on else date.today()
    if on is None:
        print("Ugyldig dato for --on (ÅÅÅÅ-MM-DD).", file=sys.stderr)
        return 2
    rows = fact_ages(on)
    print(f"Fakta etter kildens alder per {on.isoformat()} (eldst først; * = kilden er over {OLD_SOURCE_YEARS} år gammel):")
    for r in rows:
        flags = ("*" if r["old"] else " ") + (" anslått periode" if r["estimated"] else "") + (
            f" bekreftet til {r['confirmed_until']}" if r["confirmed_until"] else "")
        print(f"{r['source_date']}  {r['age_text']:<12}{flags[:1]} {r['county_name']:<22} {r['label']:<40} {r['source']}{flags[1:]}")
    return 0


def _routine_check(args) -> int:
    """Exit status: 0 the file is valid (its changes listed), 1 it breaks a rule (file and key named), 2 unreadable."""
    from pathlib import Path

    from . import routine_check

    on = parse_iso(args.on) if args.on else date.today()
    if on is None:
        print("Ugyldig dato for --on (ÅÅÅÅ-MM-DD).", file=sys.stderr)
        return 2
    text = _read_text(args.file, "Filen kan ikke leses: den må være tekst i UTF-8.")
    if text is None:
        return 2
    try:
        report = routine_check.check(text, Path(args.file).name, on)
    except routine_check.Unreadable as e:
        print(f"Filen kan ikke leses. {e}", file=sys.stderr)
        return 2
    if not report.ok:
        print(f"Filen kan ikke tas inn slik den er: {report.error}", file=sys.stderr)
        return 1
    print("\n".join(routine_check.report_lines(report)))
    if Path(args.file).name != report.file:
        print(f"Merk: lagre filen som guide_engine/data/counties/{report.file}.")
    return 0


if __name__ == "__main__":
    sys.exit(run())
