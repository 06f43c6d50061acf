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
CONSULT_TALKS = "040"  # the code whose kind (talks) an announced meeting points at


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


def kinds_differ(cameo: str | None, other: str | None) -> bool:
    """Whether two codes are both listed in data/happening_kinds.csv under different kinds: a
    visit (042) and talks (040), restored ties (050) and praise (051) are distinct happenings
    even within one family and on one date."""
    table = _kind_table()
    return cameo in table and other in table and table[cameo] != table[other]


def joining_kind(cameo: str | None) -> str:
    """The kind a report joins when a visit and talks both lie in its period: an intent to meet
    (036, "Modi will meet Putin in March") points at the talks, other codes at their own kind."""
    return _kind_table().get(CONSULT_TALKS, "") if cameo == INTENT_TO_MEET else happening_kind(cameo)
