"""Event families: which CAMEO codes report the same kind of happening.

One definition for the coder (one mention per happening in a sentence) and the warehouse's
clustering (one event per happening across articles).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

KINDS_CSV = Path(__file__).resolve().parent / "data" / "happening_kinds.csv"
INTENT_TO_MEET = "036"
CONSULT_FAMILY = "04"


def family_of(cameo: str | None, root: str | None) -> str:
    """Clustering family: the CAMEO root, with 036 (intent to meet) counted as 04 (consult)."""
    if cameo == INTENT_TO_MEET:
        return CONSULT_FAMILY
    return root or (cameo or "")[:2]


@cache
def _kind_table() -> dict[str, str]:
    with KINDS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["cameo"]: row["kind"] for row in csv.DictReader(handle)}


def happening_kind(cameo: str | None) -> str:
    """The kind of happening a code reports within its family (data/happening_kinds.csv): a
    visit and its hosting are one kind, a meeting, a call and negotiations another; a code not
    listed is a kind of its own. Undated reports of one article merge only within one kind."""
    return _kind_table().get(cameo or "", cameo or "")
