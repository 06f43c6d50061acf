"""Reference data for the warehouse: the knowledge-base dimensions (countries, organisations,
actors, levels), the CAMEO table of the events package, and the status / quad-class tables kept as
CSV next to this module.

Ranks are loaded into tables so clustering (Python), checks and reporting views (SQL) share one
definition of "highest level" and "which status wins".

Building the frames costs about a second (16,841 Phoenix office-holders), and every aggregate
would pay it, so the tables are reloaded only when the fingerprint of their sources differs
from the one recorded in ``main.reference_source``.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import duckdb
import polars as pl

from engagement.config import PACKAGE_ROOT
from engagement.kb import loader as kb_loader
from engagement.kb.loader import load_kb
from engagement.kb.model import LEVELS

DATA_DIR = Path(__file__).resolve().parent / "data"
CAMEO_CSV = PACKAGE_ROOT / "events" / "data" / "cameo.csv"
CAMEO_COLUMNS = ("cameo", "name", "root", "goldstein", "quad_class", "plover")
# The events package may name the PLOVER column after its event/mode/context split.
_PLOVER_ALIASES = ("plover", "plover_event")
# Code that turns the source files into tables: a change to it must reload them too.
_BUILDING_CODE = (Path(__file__).resolve(), Path(kb_loader.__file__).resolve(), PACKAGE_ROOT / "kb" / "model.py")


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def level_ranks() -> dict[str, int]:
    """Participant level -> rank, 1 = highest (head_of_state)."""
    return {level: rank for rank, level in enumerate(LEVELS, start=1)}


@cache
def status_tie_ranks() -> dict[str, int]:
    """Status -> tie rank, 1 wins when articles published at the same moment disagree."""
    return {row["status"]: int(row["tie_rank"]) for row in _read_csv("statuses.csv")}


def read_cameo_codes(path: Path = CAMEO_CSV) -> pl.DataFrame:
    """The CAMEO table in the warehouse's columns; empty when the events package has none yet."""
    schema = {
        "cameo": pl.String,
        "name": pl.String,
        "root": pl.String,
        "goldstein": pl.Float64,
        "quad_class": pl.Int8,
        "plover": pl.String,
    }
    if not path.exists():
        return pl.DataFrame(schema=schema)
    raw = pl.read_csv(path, infer_schema=False)
    plover = next((c for c in _PLOVER_ALIASES if c in raw.columns), None)
    return (
        raw.select(
            pl.col("cameo"),
            pl.col("name") if "name" in raw.columns else pl.lit(None).alias("name"),
            pl.col("root") if "root" in raw.columns else pl.col("cameo").str.slice(0, 2).alias("root"),
            pl.col("goldstein"),
            pl.col("quad_class"),
            pl.col(plover).alias("plover") if plover else pl.lit(None).alias("plover"),
        )
        .with_columns(pl.col("name").replace("", None))
        .cast(schema)
    )


def _kb_frames(kb_override_dir: Path | None) -> dict[str, pl.DataFrame]:
    kb = load_kb(kb_override_dir)
    countries = pl.DataFrame(
        [(c.iso3, c.iso2, c.name_en, c.name_hi) for c in kb.countries.values()],
        schema=["iso3", "iso2", "name_en", "name_hi"],
        orient="row",
    )
    organisations = pl.DataFrame(
        [(o.org_id, o.name_en, o.kind, o.country, o.is_actor) for o in kb.organisations.values()],
        schema={
            "org_id": pl.String,
            "name_en": pl.String,
            "kind": pl.String,
            "country": pl.String,
            "is_actor": pl.Boolean,
        },
        orient="row",
    )
    actor_rows = []
    for person in kb.persons.values():
        offices = kb.offices_of(person.person_id) or [None]
        for office in offices:
            actor_rows.append(
                (
                    person.person_id,
                    person.name_en,
                    office.country if office else None,
                    office.role if office else None,
                    office.start if office else None,
                    office.end if office else None,
                )
            )
    actors = pl.DataFrame(
        actor_rows,
        schema={
            "person_id": pl.String,
            "name_en": pl.String,
            "country": pl.String,
            "role": pl.String,
            "start": pl.Date,
            "end": pl.Date,
        },
        orient="row",
    )
    return {"countries": countries, "organisations": organisations, "actors": actors}


def reference_frames(kb_override_dir: Path | None = None) -> dict[str, pl.DataFrame]:
    """Every reference table of schema ``core`` as a frame, keyed by table name."""
    frames = _kb_frames(kb_override_dir)
    frames["cameo_codes"] = read_cameo_codes()
    frames["levels"] = pl.DataFrame(
        {"level": list(level_ranks()), "rank": list(level_ranks().values())},
        schema={"level": pl.String, "rank": pl.Int32},
    )
    frames["statuses"] = pl.read_csv(DATA_DIR / "statuses.csv")
    frames["quad_classes"] = pl.read_csv(DATA_DIR / "quad_classes.csv", infer_schema=False)
    return frames


def reference_fingerprint(kb_override_dir: Path | None = None) -> str:
    """sha256 over the names and contents of every file the reference tables are built from."""
    sources = kb_loader.kb_sources(kb_override_dir)
    sources += [("warehouse", path) for path in sorted(DATA_DIR.rglob("*"))]
    sources += [("code", path) for path in (CAMEO_CSV, *_BUILDING_CODE)]
    return kb_loader.files_digest(sources)


def replace_reference_tables(con: duckdb.DuckDBPyConnection, kb_override_dir: Path | None = None) -> dict[str, int]:
    """Reload every reference table when its sources changed (inside the caller's transaction);
    return rows per table reloaded, none when the recorded fingerprint still holds."""
    fingerprint = reference_fingerprint(kb_override_dir)
    if con.execute("SELECT fingerprint FROM main.reference_source").fetchall() == [(fingerprint,)]:
        return {}
    counts = {}
    for table, frame in reference_frames(kb_override_dir).items():
        ordered = frame.sort(frame.columns[0])
        con.execute(f"DELETE FROM core.{table}")
        con.register("reference_frame", ordered)
        columns = ", ".join(f'"{c}"' for c in ordered.columns)
        con.execute(f"INSERT INTO core.{table} ({columns}) SELECT {columns} FROM reference_frame")
        con.unregister("reference_frame")
        counts[table] = ordered.height
    con.execute(_REFRESH_CAMEO_NAMES)
    con.execute("DELETE FROM main.reference_source")
    con.execute("INSERT INTO main.reference_source VALUES (?, now())", [fingerprint])
    return counts


# Events keep their code's name (migration 010): a reloaded code table renames them too.
_REFRESH_CAMEO_NAMES = """
UPDATE core.events SET cameo_name = renamed.name
FROM (SELECT e.event_id, c.name FROM core.events e LEFT JOIN core.cameo_codes c ON c.cameo = e.cameo
      WHERE e.cameo_name IS DISTINCT FROM c.name) AS renamed
WHERE core.events.event_id = renamed.event_id
"""
