"""The staging area: the one place that knows how stages hand data to each other.

Every dataset of a day lives at ``staging/<day>/<dataset>/part-<shard:05d>.parquet`` below the
storage URL (``engagement.storage``), whole-day datasets as shard 0. Schemas are derived once
from the dataclasses that produce the rows, so a stage cannot write a column the next one or the
warehouse does not expect (``tests/test_staging.py`` checks them against the migrated DDL).
Parts are written to memory and then stored in one atomic write, so a reader sees a whole part
or none. What travels between tasks is a :class:`StageRun`, a key, never data.
"""

from __future__ import annotations

import dataclasses
import io
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from engagement.config import Settings
from engagement.storage import Storage

PART_PREFIX, PART_SUFFIX = "part-", ".parquet"
ARROW_BATCH_ROWS = 1024
# Python field types -> Parquet column types; ints are 32-bit unless a dataset narrows them.
_POLARS_TYPES: dict[type, pl.DataType] = {
    str: pl.String(),
    int: pl.Int32(),
    float: pl.Float64(),
    bool: pl.Boolean(),
    datetime: pl.Datetime("us", "UTC"),
    date: pl.Date(),
}


def schema_of(cls: type, renamed: dict[str, str] | None = None, narrowed: dict | None = None) -> dict:
    """A polars schema from a dataclass's fields (``X | None`` is a nullable X, tuples are lists)."""
    hints = typing.get_type_hints(cls)
    renamed, narrowed = renamed or {}, narrowed or {}
    schema = {}
    for field in dataclasses.fields(cls):
        name = renamed.get(field.name, field.name)
        schema[name] = narrowed.get(name) or _polars_type(hints[field.name])
    return schema


def _polars_type(hint) -> pl.DataType:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _polars_type(inner)
    if typing.get_origin(hint) in (tuple, list):
        return pl.List(_polars_type(typing.get_args(hint)[0]))
    return _POLARS_TYPES[hint]


def columns_of(records: list, names: dict[str, str]) -> dict[str, list]:
    """Dataclass objects as columns (column name -> attribute name): one attribute read per
    value, where ``dataclasses.asdict`` builds a dict per object and deep-copies every field."""
    return {column: [getattr(record, attribute) for record in records] for column, attribute in names.items()}


def field_columns(cls: type, renamed: dict[str, str] | None = None) -> dict[str, str]:
    """Column name -> attribute name of a dataclass, as ``schema_of`` names the columns."""
    renamed = renamed or {}
    return {renamed.get(field.name, field.name): field.name for field in dataclasses.fields(cls)}


@dataclass(frozen=True)
class Dataset:
    """A staged dataset: how to build its schema and the core table it is loaded into (None: not
    loaded). The schema is built on first use, so a stage imports only the dataclasses of the
    datasets it writes (the entity and event ones pull in spaCy and the coder)."""

    name: str
    columns: Callable[[], dict]
    table: str | None = None

    @cached_property
    def schema(self) -> dict:
        return self.columns()


def _signatures() -> dict:
    """What near-duplicate detection needs of a cleaned article (engagement.text.dedupe.Signature)."""
    from engagement.text.dedupe import NUM_PERM

    return {
        "article_id": pl.String(),
        "raw_ref": pl.String(),
        "published_at": pl.Datetime("us", "UTC"),
        "digest": pl.String(),
        "hashvalues": pl.Array(pl.UInt32(), NUM_PERM),
        "shingle_count": pl.Int32(),
    }


def _duplicates() -> dict:
    from engagement.text.dedupe import DuplicateMatch

    return schema_of(DuplicateMatch)


def _sentences() -> dict:
    from engagement.nlp.model import Sentence

    return {"article_id": pl.String(), **schema_of(Sentence, {"idx": "sentence_idx"})}


def _mentions() -> dict:
    from engagement.nlp.model import Mention

    return {"article_id": pl.String(), **schema_of(Mention)}


def _events() -> dict:
    from engagement.events.coding.model import EventMention

    return schema_of(EventMention, narrowed={"quad_class": pl.Int8()})


def _articles_raw() -> dict:
    from engagement.sources.records import Article  # the sources package pulls in HTTP clients

    return schema_of(Article)


QUARANTINE = {
    "day": pl.Date(),
    "stage": pl.String(),
    "raw_ref": pl.String(),
    "article_id": pl.String(),
    "reason": pl.String(),
    "detail": pl.String(),
}
# stage -> its quarantine dataset
QUARANTINE_DATASETS = {
    "ingest": "quarantine_ingest",
    "clean": "quarantine_clean",
    "dedupe": "quarantine_dedupe",
    "extract_entities": "quarantine_extract",
    "detect_events": "quarantine_events",
}
# Quarantine reasons that mean our code failed on an article, not that the article was bad: a
# share of them above Settings.error_share_limit fails the day's check (engagement.check).
EXTRACTION_ERROR = "extraction_error"
EVENT_CODING_ERROR = "event_coding_error"
PROCESSING_ERRORS = (EXTRACTION_ERROR, EVENT_CODING_ERROR)
DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in (
        Dataset("articles_raw", _articles_raw),
        # The raw text stays behind in articles_raw: from here on only text_clean is read.
        Dataset(
            "articles",
            lambda: {
                **{name: kind for name, kind in _articles_raw().items() if name != "text"},
                "text_clean": pl.String(),
                "removed_lines": pl.Int32(),
                "duplicate_of": pl.String(),
            },
            "articles",
        ),
        Dataset("signatures", _signatures),
        Dataset("duplicates", _duplicates),
        Dataset("sentences", _sentences, "sentences"),
        Dataset("mentions", _mentions, "mentions"),
        Dataset("events", _events, "event_mentions"),
        *(Dataset(name, lambda: QUARANTINE, "quarantine") for name in QUARANTINE_DATASETS.values()),
    )
}


def datasets_of_table(table: str) -> list[Dataset]:
    """The datasets loaded into ``core.<table>``, in registry order."""
    return [dataset for dataset in DATASETS.values() if dataset.table == table]


def loaded_tables() -> list[str]:
    return list(dict.fromkeys(dataset.table for dataset in DATASETS.values() if dataset.table))


@dataclass(frozen=True)
class StageRun:
    """The envelope of one stage call: which day, which shard of how many. Goes through XCom."""

    day: date
    shard: int = 0
    shards: int = 1

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "shard": self.shard, "shards": self.shards}

    @classmethod
    def from_dict(cls, data: dict) -> StageRun:
        """Also takes a stage's whole result, whose envelope keys sit beside its counts."""
        return cls(date.fromisoformat(data["day"]), int(data.get("shard", 0)), int(data.get("shards", 1)))

    def runs(self) -> list[StageRun]:
        """One envelope per shard of this run's day."""
        return [StageRun(self.day, shard, self.shards) for shard in range(self.shards)]


class Staging:
    """Reads and writes the staging datasets on one :class:`Storage`."""

    def __init__(self, storage: Storage):
        self.storage = storage

    @classmethod
    def from_settings(cls, settings: Settings) -> Staging:
        return cls(Storage.from_url(settings.storage_url).child("staging"))

    def _part(self, day: date, dataset: str, shard: int) -> tuple[str, str, str]:
        return (day.isoformat(), dataset, f"{PART_PREFIX}{shard:05d}{PART_SUFFIX}")

    def url(self, day: date, dataset: str, shard: int = 0) -> str:
        return self.storage.url(*self._part(day, dataset, shard))

    def path(self, day: date, dataset: str, shard: int = 0) -> str:
        """A part's path on the storage's file system (a local path with ``file://`` storage)."""
        return self.storage.path(*self._part(day, dataset, shard))

    def frame(self, dataset: str, rows: list[dict] | dict[str, list]) -> pl.DataFrame:
        """A frame of ``dataset`` from rows (dicts) or from columns (name -> values)."""
        return pl.DataFrame(rows, schema=DATASETS[dataset].schema)

    def write(self, run: StageRun, dataset: str, frame: pl.DataFrame) -> str:
        """Store one part atomically; the frame must have the dataset's schema exactly."""
        expected = pl.Schema(DATASETS[dataset].schema)
        if frame.schema != expected:
            raise TypeError(f"{dataset}: frame schema {dict(frame.schema)} is not {dict(expected)}")
        buffer = io.BytesIO()
        frame.write_parquet(buffer)
        self.storage.write_bytes(buffer.getvalue(), *self._part(run.day, dataset, run.shard))
        return self.url(run.day, dataset, run.shard)

    def read(self, run: StageRun, dataset: str) -> pl.DataFrame:
        """One shard's part of ``dataset``."""
        return pl.read_parquet(io.BytesIO(self.storage.read_bytes(*self._part(run.day, dataset, run.shard))))

    def shards(self, day: date, dataset: str) -> list[int]:
        """Shard numbers of the parts ``dataset`` has for ``day`` (none when it has no folder)."""
        names = (path.rsplit("/", 1)[-1] for path in self.storage.list(day.isoformat(), dataset))
        return sorted(
            int(name[len(PART_PREFIX) : -len(PART_SUFFIX)])
            for name in names
            if name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)
        )

    def arrow_parts(self, day: date, dataset: str) -> Iterator[pa.RecordBatchReader]:
        """Every part of the day's ``dataset``, one at a time, as a stream of Arrow batches (for
        DuckDB to insert without holding a whole part twice)."""
        for shard in self.shards(day, dataset):
            part = pq.ParquetFile(io.BytesIO(self.storage.read_bytes(*self._part(day, dataset, shard))))
            batches = part.iter_batches(batch_size=ARROW_BATCH_ROWS, use_threads=False)
            yield pa.RecordBatchReader.from_batches(part.schema_arrow, batches)

    def read_all(self, day: date, dataset: str) -> pl.DataFrame:
        """All parts of a small dataset together (signatures, duplicates), with its schema when empty."""
        frames = [pl.from_arrow(part.read_all()) for part in self.arrow_parts(day, dataset)]
        return pl.concat(frames) if frames else self.frame(dataset, [])

    def row_count(self, day: date, dataset: str) -> int:
        """Rows in all parts, read from the Parquet footers only."""
        total = 0
        for shard in self.shards(day, dataset):
            with self.storage.fs.open(self.path(day, dataset, shard), "rb") as handle:
                total += pq.ParquetFile(handle).metadata.num_rows
        return total

    def clear_day(self, day: date) -> None:
        """Remove every part of ``day``: a rerun with another shard count leaves no stale parts."""
        self.storage.remove_tree(day.isoformat())

    def write_quarantine(self, run: StageRun, stage: str, rows: list[dict]) -> pl.DataFrame:
        """The stage's quarantine rows for this shard (an empty part when there are none)."""
        frame = pl.DataFrame(
            [{**row, "day": run.day, "stage": stage} for row in rows], schema=QUARANTINE
        ).sort(["article_id", "reason", "raw_ref"], nulls_last=True)
        self.write(run, QUARANTINE_DATASETS[stage], frame)
        return frame


def reason_counts(frame: pl.DataFrame) -> dict[str, int]:
    """Counts per quarantine reason, for task logs and XCom."""
    if frame.is_empty():
        return {}
    return dict(frame.group_by("reason").len().sort("reason").iter_rows())
