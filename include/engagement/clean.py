"""Clean stage: articles_raw → articles (+ quarantine_clean) for one day.

Each article is normalised, its language identified, boilerplate lines stripped and duplicates
within the day marked. Every input row ends up in ``articles`` or in quarantine (duplicates in
both: in ``articles`` with ``duplicate_of`` set, and in quarantine with the reason), so
``read == kept + quarantined`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from engagement.config import Settings
from engagement.quarantine import reason_counts, write_quarantine
from engagement.text.boilerplate import strip_boilerplate
from engagement.text.dedupe import Doc, find_duplicates
from engagement.text.language import identify, is_confident
from engagement.text.normalise import normalise, strip_controls

STAGE = "clean"
ADDED_COLUMNS = {"text_clean": pl.String, "removed_lines": pl.Int32, "duplicate_of": pl.String}


@dataclass(frozen=True)
class Verdict:
    """What cleaning made of one article: its cleaned text or why it was set aside."""

    text_clean: str | None = None
    language: str | None = None
    removed_lines: int = 0
    control_chars: int = 0
    reason: str | None = None
    detail: str = ""


def clean_article(
    text: str, title: str | None, declared: str | None, settings: Settings
) -> Verdict:
    """Clean one article; ``reason`` is set when it must be quarantined.

    A confident detection overrides the declared language; an unsure one falls back to it, but
    a text the detector cannot place at all (another script, no letters) is never taken on the
    declared language's word.
    """
    if len(text) > settings.max_article_chars:
        detail = f"{len(text)} chars > {settings.max_article_chars}"
        return Verdict(reason="too_large", detail=detail)
    normalised, controls = strip_controls(normalise(text))
    if len(normalised) < settings.min_article_chars:
        return Verdict(reason="empty_text", detail=f"{len(normalised)} chars after normalising")
    found = identify(normalised, settings.languages)
    if found.language is None:
        script = f"{found.script} script" if found.script else "no letters"
        return Verdict(reason="unknown_language", detail=f"detector cannot place it ({script}), declared {declared}")
    language = found.language if is_confident(found) else declared
    if language not in settings.languages:
        guess = f"detected {found.language} ({found.confidence:.2f})"
        return Verdict(reason="unknown_language", detail=f"{guess}, declared {declared}")
    text_clean, removed = strip_boilerplate(normalised, language, title)
    if len(text_clean) < settings.min_article_chars:
        return Verdict(
            reason="empty_text", detail=f"{len(text_clean)} chars after removing {removed} lines"
        )
    return Verdict(text_clean=text_clean, language=language, removed_lines=removed, control_chars=controls)


def _duplicates_frame(passed: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """One row per copy: its id, the kept id, and the quarantine reason and detail."""
    docs = (
        Doc(row["article_id"], row["published_at"], row["text_clean"])
        for row in passed.select("article_id", "published_at", "text_clean").iter_rows(named=True)
    )
    rows = [
        {
            "article_id": m.article_id,
            "duplicate_of": m.duplicate_of,
            "dup_reason": m.reason,
            "dup_detail": f"{m.reason} of {m.duplicate_of} (similarity {m.similarity:.2f})",
        }
        for m in find_duplicates(docs, threshold)
    ]
    schema = dict.fromkeys(("article_id", "duplicate_of", "dup_reason", "dup_detail"), pl.String)
    return pl.DataFrame(rows, schema=schema)


def run(day: date, settings: Settings) -> dict:
    """Clean the day's ``articles_raw`` into ``articles`` and ``quarantine_clean``."""
    raw = pl.read_parquet(settings.stage_path(day, "articles_raw")).sort("article_id")
    verdicts = [
        clean_article(row["text"] or "", row["title"], row["language"], settings)
        for row in raw.select("text", "title", "language").iter_rows(named=True)
    ]
    cleaned = raw.with_columns(
        pl.Series("text_clean", [v.text_clean for v in verdicts], dtype=pl.String),
        pl.Series("language", [v.language for v in verdicts], dtype=pl.String),
        pl.Series("removed_lines", [v.removed_lines for v in verdicts], dtype=pl.Int32),
        pl.Series("title", [strip_controls(t)[0] if t else t for t in raw["title"]], dtype=pl.String),
        pl.Series("reason", [v.reason for v in verdicts], dtype=pl.String),
        pl.Series("detail", [v.detail for v in verdicts], dtype=pl.String),
    )
    passed = cleaned.filter(pl.col("reason").is_null())
    copies_of = _duplicates_frame(passed, settings.near_duplicate_threshold)
    passed = passed.join(copies_of, on="article_id", how="left")
    articles = passed.select(*raw.columns, *ADDED_COLUMNS).sort("article_id")
    rejected = cleaned.filter(pl.col("reason").is_not_null()).select(
        "raw_ref", "article_id", "reason", "detail"
    )
    copies = passed.filter(pl.col("duplicate_of").is_not_null()).select(
        "raw_ref", "article_id", reason="dup_reason", detail="dup_detail"
    )

    paths = {
        "articles": settings.stage_path(day, "articles"),
        "quarantine": settings.stage_path(day, "quarantine_clean"),
    }
    paths["articles"].parent.mkdir(parents=True, exist_ok=True)
    articles.write_parquet(paths["articles"])
    quarantine = write_quarantine(
        pl.concat([rejected, copies]).to_dicts(), day, STAGE, paths["quarantine"]
    )

    kept = articles.filter(pl.col("duplicate_of").is_null()).height
    if raw.height != kept + quarantine.height:
        raise RuntimeError(
            f"clean lost rows: read {raw.height} != kept {kept} + quarantined {quarantine.height}"
        )
    by_reason = reason_counts(quarantine)
    return {
        "read": raw.height,
        "kept": kept,
        "quarantined": quarantine.height,
        "by_reason": by_reason,
        "removed_lines": int(articles["removed_lines"].sum()),
        "control_chars_removed": sum(v.control_chars for v in verdicts),
        "near_duplicates": by_reason.get("near_duplicate", 0),
        "paths": {name: str(path) for name, path in paths.items()},
    }
