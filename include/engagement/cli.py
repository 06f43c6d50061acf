"""The ``engagement`` command: run the pipeline without Airflow, extract one article, inspect results.

Every sub-command reports bad input as one clear line on stderr and a non-zero exit, never a
traceback: analysts call it from scripts and notebooks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from engagement.config import SUPPORTED_LANGUAGES, load_settings


class UsageError(Exception):
    """Bad input from the user: reported as a message, exit status 2."""


def _expected_failures() -> tuple[type[BaseException], ...]:
    """Failures a person can act on from one line (exit status 1); anything else is a bug and
    keeps its traceback. Imported late so ``engagement --help`` stays quick."""
    import duckdb

    from engagement.check import DataQualityError
    from engagement.sources.config import SourceConfigError
    from engagement.warehouse.connect import WarehouseLocked
    from engagement.warehouse.migrate import MigrationError
    from engagement.warehouse.shrink import ShrinkError

    return (WarehouseLocked, ShrinkError, DataQualityError, SourceConfigError, MigrationError, duckdb.Error, OSError)


def _read_article(path: str) -> str:
    raw = sys.stdin.buffer.read() if path == "-" else _read_file(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{path}: not valid UTF-8 (byte {exc.start}); convert the file to UTF-8"
        ) from None
    if not text.strip():
        raise UsageError(f"{path}: the article is empty")
    return text


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    from engagement.extract import extract_article

    if args.lang not in SUPPORTED_LANGUAGES:
        raise UsageError(
            f"unknown language {args.lang!r}: supported are {', '.join(SUPPORTED_LANGUAGES)}"
        )
    text = _read_article(args.file)
    result = extract_article(
        text, args.lang, args.published, article_id=args.article_id
    )
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the stages for each day in order, in this process (Airflow runs the same functions);
    a sharded stage runs its shards one after another."""
    from engagement.stages import run_day, summary

    settings = load_settings()
    day, last = args.date, args.to or args.date
    if last < day:
        raise UsageError("--to is before --date")
    while day <= last:
        run_day(day, settings, lambda stage, result: print(summary(stage, result), flush=True))
        day += timedelta(days=1)
    return 0


def cmd_remove_articles(args: argparse.Namespace) -> int:
    """Record articles removed on purpose; the day's next run leaves them out (docs/operations.md)."""
    from engagement.removals import record_removals
    from engagement.sources.landing import day_records

    settings = load_settings()
    held = {getattr(r, "article_id", None) for r in day_records(settings.raw_store, args.day).records}
    unknown = [article_id for article_id in args.id if article_id not in held]
    if unknown and not args.force:
        raise UsageError(
            f"no article {', '.join(unknown)} in the raw store for {args.day} (file drops); "
            "check the id and day in core.articles, or pass --force for a feed article"
        )
    try:
        removals = record_removals(settings.raw_store, args.day, args.id, args.reason)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print(f"recorded {len(removals)} removal(s) for {args.day}; to apply, rerun: engagement run --date {args.day}")
    return 0


def cmd_top_pairs(args: argparse.Namespace) -> int:
    from engagement.report import top_pairs

    path = Path(args.db) if args.db else load_settings().published_path
    if not path.exists():
        raise UsageError(f"{path}: no published database yet; run the pipeline first")
    print(top_pairs(path, limit=args.limit))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from engagement.report import status

    settings = load_settings()
    if not settings.warehouse_path.exists():
        raise UsageError(f"{settings.warehouse_path}: no warehouse yet; run the pipeline first")
    print(status(settings.warehouse_path))
    return 0


def cmd_kb_validate(args: argparse.Namespace) -> int:
    from engagement.kb.loader import load_kb
    from engagement.kb.validate import validate_kb

    settings = load_settings()
    problems = validate_kb(load_kb(settings.kb_override_dir))
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the entity extractor against a gold file in our format or a public set in ../shared."""
    from engagement.evaluation.gold import GoldFormatError, read_gold
    from engagement.evaluation.readers import dataset_readers
    from engagement.evaluation.report import error_analysis, score_table
    from engagement.evaluation.scoring import evaluate

    if args.gold:
        documents = read_gold(Path(args.gold))
    else:
        shared = Path(args.shared)
        if not shared.is_dir():
            raise UsageError(
                f"{shared}: no shared folder; pass --shared DIR or set ENGAGEMENT_SHARED_DIR"
            )
        documents = dataset_readers(shared)[args.dataset]()
    try:
        results = evaluate(documents)
    except (GoldFormatError, OSError) as exc:
        raise UsageError(str(exc)) from None
    print(score_table(results))
    if args.errors:
        for view, mode in (("all", "exact"), ("kb", "exact"), ("country", "exact")):
            print(error_analysis(results[(view, mode)], args.errors))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="engagement", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="entities and events of one article, as JSON")
    p.add_argument("file", help="UTF-8 text file, or - for standard input")
    p.add_argument("--lang", required=True, help="hi or en")
    p.add_argument(
        "--published",
        type=_parse_date,
        help="publication date (default: unknown, and dates the text does not anchor stay unknown)",
    )
    p.add_argument("--article-id", default="article", help="id used in event mention ids")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="run every stage for a day or a range of days, without Airflow")
    p.add_argument("--date", type=_parse_date, required=True)
    p.add_argument("--to", type=_parse_date, help="last day (inclusive)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("remove-articles", help="take articles out of a day on purpose (recorded, with a reason)")
    p.add_argument("--day", type=_parse_date, required=True, help="the articles' UTC publication day")
    p.add_argument("--id", action="append", required=True, help="article id (repeat for several)")
    p.add_argument("--reason", required=True, help="why: kept in core.article_removals")
    p.add_argument("--force", action="store_true", help="record ids not found among the day's file drops")
    p.set_defaults(func=cmd_remove_articles)

    p = sub.add_parser("top-pairs", help="country pairs with most engagements (published copy)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--db", help="DuckDB file (default: the published reporting copy)")
    p.set_defaults(func=cmd_top_pairs)

    p = sub.add_parser("status", help="row counts and days loaded in the warehouse")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("evaluate", help="entity precision, recall and F1 per label against gold")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--gold", help="gold file in our JSON Lines format (docs/evaluation.md)")
    source.add_argument("--dataset", choices=("seed", "hiner", "conll", "re3d"), help="public set")
    p.add_argument(
        "--shared",
        default=os.environ.get("ENGAGEMENT_SHARED_DIR", "../shared"),
        help="folder holding gold/ and corpora/ (default: ../shared or $ENGAGEMENT_SHARED_DIR)",
    )
    p.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also print the N most common misses and false hits",
    )
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("kb", help="knowledge-base tools")
    kb_sub = p.add_subparsers(dest="kb_command", required=True)
    v = kb_sub.add_parser("validate", help="check the knowledge base (and your override files)")
    v.set_defaults(func=cmd_kb_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"engagement: {exc}", file=sys.stderr)
        return 2
    except _expected_failures() as exc:
        print(f"engagement: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
