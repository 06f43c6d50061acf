"""Migrations apply once, in order; an edited applied file is refused; everything is documented."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from engagement.warehouse.connect import open_for_writing
from engagement.warehouse.migrate import MIGRATIONS_DIR, MigrationError, apply_migrations
from engagement.warehouse.reference import replace_reference_tables
from engagement.warehouse.reporting import REPORTING_SQL, apply_reporting


def test_migrations_apply_in_order_and_reapply_is_a_no_op():
    con = duckdb.connect()
    assert apply_migrations(con) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert apply_migrations(con) == []
    ledger = con.execute("SELECT version, name FROM main.schema_migrations ORDER BY 1").fetchall()
    assert ledger == [
        (1, "core"),
        (2, "reporting"),
        (3, "multilateral"),
        (4, "reporting_views_move"),
        (5, "article_removals"),
        (6, "load_log"),
        (7, "event_spans"),
        (8, "mention_published_at"),
        (9, "event_evidence_article"),
        (10, "event_cameo_name"),
        (11, "settled_reports"),
        (12, "group_combos"),
    ]
    # 004 leaves schema reporting empty: its views and macros come from sql/reporting.sql only.
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE schema_name = 'reporting'").fetchone() == (0,)
    tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'core'").fetchall()}
    assert {
        "articles",
        "quarantine",
        "sentences",
        "mentions",
        "event_mentions",
        "events",
        "countries",
        "organisations",
        "actors",
        "cameo_codes",
    } <= tables


def test_changed_applied_migration_is_an_error(tmp_path):
    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, directory)
    con = duckdb.connect()
    apply_migrations(con, directory)
    edited = directory / "001_core.sql"
    edited.write_text(edited.read_text() + "\nCREATE TABLE core.sneaky (x INTEGER);\n")
    with pytest.raises(MigrationError, match="001_core was changed"):
        apply_migrations(con, directory)


def test_new_migration_file_is_applied_later(tmp_path):
    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, directory)
    con = duckdb.connect()
    apply_migrations(con, directory)
    (directory / "099_extra.sql").write_text("CREATE TABLE core.extra (x INTEGER);")
    assert apply_migrations(con, directory) == [99]
    assert con.execute("SELECT count(*) FROM core.extra").fetchone() == (0,)


def test_every_table_view_column_and_macro_has_a_comment(tmp_path):
    con = open_for_writing(tmp_path / "wh.duckdb")
    undocumented_columns = con.execute(
        "SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns()"
        " WHERE NOT internal AND schema_name IN ('main', 'core', 'reporting')"
        " AND coalesce(comment, '') = ''"
    ).fetchall()
    undocumented_objects = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND coalesce(comment, '') = ''"
        " UNION ALL SELECT view_name FROM duckdb_views()"
        " WHERE schema_name = 'reporting' AND coalesce(comment, '') = ''"
        " UNION ALL SELECT function_name FROM duckdb_functions()"
        " WHERE schema_name = 'reporting' AND coalesce(comment, '') = ''"
    ).fetchall()
    assert undocumented_columns == []
    assert undocumented_objects == []
    views = {
        v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'reporting'").fetchall()
    }
    assert {
        "dyad_daily",
        "dyad_monthly",
        "dyad_forum",
        "dyad_topics",
        "forum_dyads",
        "upcoming_engagements",
        "country_partners",
    } <= views


def test_warehouse_built_by_the_old_migrations_moves_to_the_reporting_file(tmp_path):
    """A warehouse migrated up to 003 (views made by 002/003) gets 004, then the views of reporting.sql."""
    old = tmp_path / "old_migrations"
    old.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("00[123]_*.sql")):
        shutil.copy(path, old / path.name)
    database = tmp_path / "wh.duckdb"
    with duckdb.connect(str(database)) as con:
        apply_migrations(con, old)
        assert con.execute("SELECT count(*) FROM reporting.dyad_monthly").fetchone() == (0,)
    con = open_for_writing(database)
    assert con.execute("SELECT max(version) FROM main.schema_migrations").fetchone() == (12,)
    views = reporting_views(con)
    assert {"dyad_monthly", "country_partner_monthly", "events_with_evidence"} <= views


def test_reporting_file_is_applied_again_only_when_it_changed(tmp_path):
    con = duckdb.connect()
    apply_migrations(con)
    assert apply_reporting(con) is True
    assert apply_reporting(con) is False
    edited = tmp_path / "reporting.sql"
    edited.write_text(
        REPORTING_SQL.read_text(encoding="utf-8").replace(
            "CREATE VIEW reporting.dyad_yearly", "CREATE VIEW reporting.dyad_by_year"
        )
    )
    assert apply_reporting(con, edited) is True
    views = reporting_views(con)
    assert "dyad_by_year" in views and "dyad_yearly" not in views  # the file is the whole schema: no leftovers


def reporting_views(con) -> set[str]:
    return {
        v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'reporting'").fetchall()
    }


def test_the_mention_publication_times_are_filled_from_the_articles_by_migration_8(tmp_path):
    """A warehouse loaded before migration 008 gets each event mention's article publication
    time; a mention whose article has none keeps NULL."""
    directory = tmp_path / "migrations"
    migrations_before(directory, 8)
    con = duckdb.connect()
    assert apply_migrations(con, directory) == [1, 2, 3, 4, 5, 6, 7]
    con.execute(
        "INSERT INTO core.articles (day, article_id, source, published_at) VALUES"
        " ('2025-11-17', 'pti-001', 'pti', '2025-11-17 09:30:00+00'), ('2025-11-17', 'ani-002', 'ani', NULL)"
    )
    con.execute(
        "INSERT INTO core.event_mentions (day, article_id, mention_id) VALUES"
        " ('2025-11-17', 'pti-001', 'pti-001:0'), ('2025-11-17', 'pti-001', 'pti-001:1'),"
        " ('2025-11-17', 'ani-002', 'ani-002:0')"
    )
    assert apply_migrations(con) == [8, 9, 10, 11, 12]
    rows = con.execute(
        "SELECT mention_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M')"
        " FROM core.event_mentions ORDER BY 1"
    ).fetchall()
    assert rows == [("ani-002:0", None), ("pti-001:0", "2025-11-17 09:30"), ("pti-001:1", "2025-11-17 09:30")]


def migrations_before(directory, version: int) -> None:
    """Copy the migrations older than ``version`` into ``directory``: a warehouse made before it."""
    directory.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        if int(path.name[:3]) < version:
            shutil.copy(path, directory)


def test_events_get_their_evidence_article_by_migration_9(tmp_path):
    """A warehouse loaded before migration 009 gets each event's evidence article fields from
    core.articles, so events_with_evidence needs no join; an event whose article is gone keeps NULLs."""
    directory = tmp_path / "migrations"
    migrations_before(directory, 9)
    con = duckdb.connect()
    assert apply_migrations(con, directory) == [1, 2, 3, 4, 5, 6, 7, 8]
    con.execute(
        "INSERT INTO core.articles (day, article_id, source, url, title, language, published_at) VALUES"
        " ('2025-11-17', 'pti-001', 'pti', 'https://pti.example/1', 'Jaishankar meets Lavrov in Moscow', 'en',"
        " '2025-11-17 09:30:00+00')"
    )
    con.execute(
        "INSERT INTO core.events (event_id, actor1, actor2, family, evidence_article_id) VALUES"
        " ('ev_1', 'IND', 'RUS', '04', 'pti-001'), ('ev_2', 'IND', 'RUS', '04', 'gone-002')"
    )
    assert apply_migrations(con) == [9, 10, 11, 12]
    rows = con.execute(
        "SELECT event_id, article_title, article_url, article_source, article_language,"
        " strftime(article_published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') FROM core.events ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("ev_1", "Jaishankar meets Lavrov in Moscow", "https://pti.example/1", "pti", "en", "2025-11-17 09:30"),
        ("ev_2", None, None, None, None, None),
    ]


def test_events_get_their_cameo_name_by_migration_10_and_keep_it_when_the_codes_reload(tmp_path):
    """Migration 010 names each stored event's code; a reloaded code table renames them, and an
    event whose code left the table loses its name (reference.replace_reference_tables)."""
    directory = tmp_path / "migrations"
    migrations_before(directory, 10)
    con = duckdb.connect()
    apply_migrations(con, directory)
    con.execute("INSERT INTO core.cameo_codes (cameo, name, root) VALUES ('112', 'Accuse, not specified below', '11')")
    con.execute(
        "INSERT INTO core.events (event_id, actor1, actor2, family, cameo) VALUES"
        " ('ev_1', 'IND', 'PAK', '11', '112'), ('ev_2', 'IND', 'PAK', '11', '999')"
    )
    assert apply_migrations(con) == [10, 11, 12]
    assert con.execute("SELECT event_id, cameo_name FROM core.events ORDER BY 1").fetchall() == [
        ("ev_1", "Accuse, not specified below"),
        ("ev_2", None),
    ]
    con.execute("UPDATE core.events SET cameo_name = 'a stale name'")
    replace_reference_tables(con)
    named = dict(con.execute("SELECT cameo, name FROM core.cameo_codes").fetchall())
    assert con.execute("SELECT event_id, cameo_name FROM core.events ORDER BY 1").fetchall() == [
        ("ev_1", named["112"]),
        ("ev_2", None),
    ]
