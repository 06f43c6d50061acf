"""Versioned schema migrations: ``migrations/NNN_name.sql`` applied once each, in order.

The ledger ``main.schema_migrations`` records each applied file with its checksum, so re-applying
is a no-op and an edited, already-applied file is refused (a schema change is a new file).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_FILE_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

_LEDGER_DDL = (Path(__file__).resolve().parent / "sql" / "schema_migrations.sql").read_text(encoding="utf-8")


class MigrationError(RuntimeError):
    """The database and the migration files disagree; a person must look."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def discover_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Migration files sorted by version; a malformed name or a repeated version is an error."""
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise MigrationError(f"migration file name must be NNN_name.sql: {path.name}")
        migrations.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    versions = [m.version for m in migrations]
    if len(versions) != len(set(versions)):
        raise MigrationError(f"duplicate migration versions in {directory}: {versions}")
    return migrations


def apply_migrations(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply the pending migrations, each in its own transaction; return the versions applied."""
    con.execute(_LEDGER_DDL)
    applied = {
        version: (name, checksum)
        for version, name, checksum in con.execute(
            "SELECT version, name, checksum FROM main.schema_migrations"
        ).fetchall()
    }
    migrations = discover_migrations(directory)
    known = {m.version for m in migrations}
    missing = sorted(set(applied) - known)
    if missing:
        raise MigrationError(f"applied migrations have no file any more: {missing}")
    newly_applied = []
    for migration in migrations:
        if migration.version in applied:
            if applied[migration.version][1] != migration.checksum:
                raise MigrationError(
                    f"migration {migration.version:03d}_{migration.name} was changed after it was"
                    " applied; add a new migration instead"
                )
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO main.schema_migrations VALUES (?, ?, ?, now())",
                [migration.version, migration.name, migration.checksum],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        newly_applied.append(migration.version)
    return newly_applied
