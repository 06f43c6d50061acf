"""A small landing folder of good news over two days, run end to end with one poison added.

Each hostile test builds the same world (two days of realistic articles we wrote), adds one kind
of bad input or fault, runs every stage for both days in this process (``engagement run``, the
functions Airflow runs), and compares the published tables with a clean run of the same world.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
from engagement.cli import main as engagement

DAY = date(2025, 11, 17)
OTHER_DAY = date(2025, 11, 18)
MTIME = datetime(2025, 11, 17, 12, 0, tzinfo=UTC).timestamp()

GOOD = [
    {
        "id": "good-en-1",
        "published": "2025-11-17T09:00:00Z",
        "language": "en",
        "title": "India and Japan hold talks in Tokyo",
        "text": "External Affairs Minister S. Jaishankar met Japanese Foreign Minister Takeshi Iwaya in Tokyo"
        " on Monday and the two sides agreed to expand cooperation on semiconductors and defence.",
    },
    {
        "id": "good-hi-1",
        "published": "2025-11-17T10:30:00+05:30",
        "language": "hi",
        "title": "भारत-रूस वार्ता",
        "text": "विदेश मंत्री एस जयशंकर ने सोमवार को मॉस्को में रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की।"
        " दोनों नेताओं ने व्यापार और रक्षा सहयोग पर चर्चा की।",
    },
    {
        "id": "good-en-2",
        "published": "2025-11-18T08:00:00Z",
        "language": "en",
        "title": "Australia's Wong to visit India",
        "text": "Australian Foreign Minister Penny Wong will visit New Delhi next week for talks with her"
        " Indian counterpart on maritime security in the Indian Ocean.",
    },
]


class World:
    """One test's landing folder, raw store, warehouse and published copy, all under tmp_path."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        self.landing = root / "landing"
        self.landing.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(root / "data"))
        monkeypatch.setenv("ENGAGEMENT_LANDING_DIR", str(self.landing))
        monkeypatch.delenv("ENGAGEMENT_SOURCES_FILE", raising=False)
        self.drop("good.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GOOD))

    @property
    def settings(self):
        from engagement.config import load_settings

        return load_settings()

    def drop(self, name: str, content: str | bytes) -> Path:
        """Put a file in the landing folder, dated like a file received on DAY."""
        path = self.landing / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        os.utime(path, (MTIME, MTIME))
        return path

    def run(self, first: date = DAY, last: date = OTHER_DAY) -> int:
        return engagement(["run", "--date", first.isoformat(), "--to", last.isoformat()])

    def rows(self, sql: str, *params) -> list[tuple]:
        with duckdb.connect(str(self.settings.published_path), read_only=True) as con:
            return con.execute(sql, list(params)).fetchall()

    def quarantine(self, day: date = DAY) -> list[tuple]:
        """(stage, reason, article_id) of the day's quarantine rows, sorted."""
        return self.rows("SELECT stage, reason, article_id FROM core.quarantine WHERE day = ? ORDER BY ALL", day)

    def articles(self) -> list[str]:
        return [article_id for (article_id,) in self.rows("SELECT article_id FROM core.articles ORDER BY 1")]

    def checksums(self, *, without: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
        """(rows, hash sum) of every published core table, except the named ones."""
        with duckdb.connect(str(self.settings.published_path), read_only=True) as con:
            tables = [
                name
                for (name,) in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'core' ORDER BY 1"
                ).fetchall()
                if name not in without
            ]
            return {
                name: con.execute(f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM core.{name} t").fetchone()
                for name in tables
            }
