"""Event families: which CAMEO codes report the same kind of happening.

One definition for the coder (one mention per happening in a sentence) and the warehouse's
clustering (one event per happening across articles).
"""

from __future__ import annotations

INTENT_TO_MEET = "036"
CONSULT_FAMILY = "04"


def family_of(cameo: str | None, root: str | None) -> str:
    """Clustering family: the CAMEO root, with 036 (intent to meet) counted as 04 (consult)."""
    if cameo == INTENT_TO_MEET:
        return CONSULT_FAMILY
    return root or (cameo or "")[:2]
