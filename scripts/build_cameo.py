"""Build include/engagement/events/data/cameo.csv: CAMEO code, root, name, Goldstein, quad, PLOVER.

Inputs: ``goldstein_gdelt.tsv`` (GDELT 2.0's CAMEO.goldsteinscale.txt, 2- and 3-digit codes,
kept beside the output as the versioned source) and the public CAMEO→PLOVER table
(Schrodt, PLOVER draft 0.8, 2021-09-17) read from ``../shared/anchors_raw/PLOVER``. Re-run when
either source changes; the output is committed so the pipeline never needs ../shared.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "include" / "engagement" / "events" / "data"
PLOVER = ROOT.parent / "shared" / "anchors_raw" / "PLOVER" / "CAMEO2PLOVER-2021.txt"


def quad_class(root: str) -> int:
    """GDELT quad classes: 1 verbal coop (01-05), 2 material coop (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_plover(path: Path) -> dict[str, tuple[str, str, str, str]]:
    mapping: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if not code.isdigit():
            continue
        fields, _, name = rest.partition("#")
        parts = [p.strip() for p in fields.split(",")] + ["", "", ""]
        mapping.setdefault(code, (parts[0], parts[1], parts[2], name.strip()))
    return mapping


def main() -> int:
    plover = read_plover(PLOVER)
    rows = []
    with (DATA / "goldstein_gdelt.tsv").open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            code = rec["cameo"]
            event, mode, context, name = plover.get(code, ("", "", "", ""))
            rows.append(
                {
                    "cameo": code,
                    "root": code[:2],
                    "name": name,
                    "goldstein": rec["goldstein"],
                    "quad_class": quad_class(code[:2]),
                    "plover_event": event,
                    "plover_mode": mode,
                    "plover_context": context,
                }
            )
    with (DATA / "cameo.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {DATA / 'cameo.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
