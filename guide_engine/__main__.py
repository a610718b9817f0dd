"""Command line: ``python -m guide_engine counties [--on YYYY-MM-DD]`` and
``python -m guide_engine evaluate CASE.json [--on YYYY-MM-DD]``.

The CLI is the only place that may read the system clock: without ``--on`` and without ``"on"`` in
the case file, the reference date is today. Exit status: 0 for a result, 1 when the result has
validation errors, 2 for a case file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import api
from .counties import all_counties
from .dates import parse_iso


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
    args = p.parse_args(argv)

    if args.cmd == "counties":
        on = parse_iso(args.on) if args.on else None
        if args.on and on is None:
            print("Ugyldig dato for --on (ÅÅÅÅ-MM-DD).", file=sys.stderr)
            return 2
        for cid, county in all_counties().items():
            if on is None or county.exists_on(on):
                print(cid)
        return 0

    try:
        text = sys.stdin.read() if args.case == "-" else open(args.case, encoding="utf-8").read()
        case = json.loads(text)
    except (OSError, ValueError) as exc:
        print(json.dumps({"ok": False, "errors": [{"field": "_case", "message": f"Saksfilen kan ikke leses: {exc}"}]}, ensure_ascii=False, indent=2))
        return 2
    on = args.on or (case.get("on") if isinstance(case, dict) else None) or date.today().isoformat()
    result = api.evaluate(case, on)
    if args.checklist:
        print(api.checklist_text(result), end="")
    elif args.referral and result.get("referral"):
        r = result["referral"]
        print(f"Til: {r['to'] or '(ingen adresse registrert)'}\nEmne: {r['subject']}\n\n{r['body']}\n{r['reminder']}")
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
