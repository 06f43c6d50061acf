"""Short text reports read back from DuckDB, for the command line and the demo's last step."""

from __future__ import annotations

from pathlib import Path

from engagement.warehouse.connect import connect, open_reader

TOP_PAIRS_SQL = """
SELECT actor1 || '-' || actor2 AS pair,
       count(*) AS events,
       sum(mentions) AS mentions,
       count(*) FILTER (WHERE status = 'held') AS held,
       count(*) FILTER (WHERE status = 'planned') AS planned,
       round(sum(goldstein), 1) AS goldstein_sum,
       min(event_date) AS first_event,
       max(event_date) AS last_event
FROM core.events
WHERE actor1 IS NOT NULL AND actor2 IS NOT NULL
GROUP BY ALL
ORDER BY events DESC, mentions DESC, pair
LIMIT ?
"""


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """A plain fixed-width table: readable in a terminal and in Airflow's task log."""
    cells = [columns] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _query(path: Path, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    with open_reader(path) as con:
        cur = con.execute(sql, params or [])
        return [d[0] for d in cur.description], cur.fetchall()


def top_pairs(path: Path, limit: int = 10) -> str:
    """Country pairs ranked by distinct events (each happening once, however often reported)."""
    columns, rows = _query(path, TOP_PAIRS_SQL, [limit])
    return format_table(columns, rows)


def status(path: Path) -> str:
    """Tables of the warehouse with their row counts."""
    with connect(path, read_only=True) as con:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY 1, 2"
        ).fetchall()
        rows = [
            (
                f"{schema}.{name}",
                con.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchone()[0],
            )
            for schema, name in tables
        ]
    return format_table(["table", "rows"], rows)
