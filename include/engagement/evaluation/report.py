"""Plain-text tables of evaluation results: what ``engagement evaluate`` and the benchmark print."""

from __future__ import annotations

from engagement.evaluation.scoring import MODES, TOTAL, VIEWS, Result

ROW = "{:<8} {:<8} {:<13} {:>6} {:>6} {:>6} {:>8} {:>6} {:>8}"
HEADER = ROW.format("view", "mode", "label", "P", "R", "F1", "support", "fp", "neutral")
ERROR_LIST_LENGTH = 10


def score_table(results: dict[tuple[str, str], Result]) -> str:
    lines = [HEADER]
    for view in VIEWS:
        for mode in MODES:
            result = results[(view, mode)]
            for label in [*sorted(result.by_label), TOTAL]:
                c = result.counts(label)
                figures = (f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}")
                lines.append(ROW.format(view, mode, label, *figures, c.support, c.fp, c.neutral))
    return "\n".join(lines)


def error_analysis(result: Result, limit: int = ERROR_LIST_LENGTH) -> str:
    """The most common misses and false hits of one view and mode, with their counts."""
    lines = [f"{result.view}/{result.mode}: {limit} most common misses"]
    lines += [
        f"  {n:5d}  {label:<13} {text}" for (label, text), n in result.misses.most_common(limit)
    ]
    lines.append(f"{result.view}/{result.mode}: {limit} most common false hits")
    lines += [
        f"  {n:5d}  {label:<13} {text}" for (label, text), n in result.false_hits.most_common(limit)
    ]
    return "\n".join(lines)
