"""Clean stage: one shard of articles_raw → articles, signatures (+ quarantine_clean).

Each article is normalised, its language identified and boilerplate lines stripped. Every input
row ends up in ``articles`` or in quarantine, so ``read == passed + quarantined`` always holds.
Duplicates are a whole-day question: each passed article's ``signatures`` row (hash, MinHash)
lets the ``dedupe`` stage compare the day without reading any text.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from engagement.config import Settings
from engagement.staging import DATASETS, StageRun, Staging, reason_counts
from engagement.text.boilerplate import strip_boilerplate
from engagement.text.dedupe import Doc, minhash_scheme, sign
from engagement.text.language import identify, is_confident
from engagement.text.normalise import normalise, strip_controls

STAGE = "clean"


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


def warm(settings: Settings) -> None:
    """Import datasketch (scipy: a CPU second) and build the language detector in this process,
    so the task processes forked from it (Airflow's scheduler: ``airflow_local_settings``) start
    with them."""
    minhash_scheme()
    identify("The ministers met in New Delhi. विदेश मंत्रियों ने बातचीत की।", settings.languages)


def run(stage_run: StageRun, settings: Settings) -> dict:
    """Clean one shard of ``articles_raw`` into ``articles``, ``signatures`` and ``quarantine_clean``."""
    staging = Staging.from_settings(settings)
    raw = staging.read(stage_run, "articles_raw").sort("article_id")
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
        pl.lit(None, dtype=pl.String).alias("duplicate_of"),
    )
    articles = cleaned.filter(pl.col("reason").is_null()).select(*DATASETS["articles"].schema)
    rejected = cleaned.filter(pl.col("reason").is_not_null()).select("raw_ref", "article_id", "reason", "detail")
    staging.write(stage_run, "articles", articles)
    staging.write(stage_run, "signatures", _signatures(articles, staging))
    quarantine = staging.write_quarantine(stage_run, STAGE, rejected.to_dicts())

    if raw.height != articles.height + quarantine.height:
        raise RuntimeError(
            f"clean lost rows: read {raw.height} != passed {articles.height} + quarantined {quarantine.height}"
        )
    return {
        "read": raw.height,
        "passed": articles.height,
        "quarantined": quarantine.height,
        "by_reason": reason_counts(quarantine),
        "removed_lines": int(articles["removed_lines"].sum()),
        "control_chars_removed": sum(v.control_chars for v in verdicts),
    }


def _signatures(articles: pl.DataFrame, staging: Staging) -> pl.DataFrame:
    """What the whole-day ``dedupe`` stage needs of each passed article, without its text."""
    scheme = minhash_scheme()
    rows = []
    for row in articles.select("article_id", "raw_ref", "published_at", "text_clean").iter_rows(named=True):
        signed = sign(Doc(row["article_id"], row["published_at"], row["text_clean"]), scheme)
        rows.append(
            {
                "article_id": signed.article_id,
                "raw_ref": row["raw_ref"],
                "published_at": signed.published_at,
                "digest": signed.digest,
                "hashvalues": signed.hashvalues,
                "shingle_count": signed.shingle_count,
            }
        )
    return staging.frame("signatures", rows)
