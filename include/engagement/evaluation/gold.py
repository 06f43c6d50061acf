"""The gold format: JSON Lines, one document per line (see docs/evaluation.md).

``{"id", "lang", "published", "text", "entities": [{"start", "end", "label", "id"?}]}``;
offsets are character offsets into ``text``, ``end`` exclusive. Every reader of a public set
produces these objects, so the scorer knows one shape only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    label: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    lang: str
    published: date
    text: str
    entities: tuple[GoldEntity, ...]

    def to_json(self) -> dict:
        entities = []
        for entity in self.entities:
            record = {"start": entity.start, "end": entity.end, "label": entity.label}
            if entity.entity_id:
                record["id"] = entity.entity_id
            entities.append(record)
        return {
            "id": self.doc_id,
            "lang": self.lang,
            "published": self.published.isoformat(),
            "text": self.text,
            "entities": entities,
        }


class GoldFormatError(ValueError):
    """A gold line that does not follow the documented format (message names the line)."""


def parse_document(record: dict, where: str) -> GoldDocument:
    try:
        text = record["text"]
        entities = tuple(
            GoldEntity(int(e["start"]), int(e["end"]), str(e["label"]), e.get("id") or None)
            for e in record["entities"]
        )
        document = GoldDocument(
            str(record["id"]),
            record["lang"],
            date.fromisoformat(record["published"]),
            text,
            entities,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(f"{where}: {exc.__class__.__name__}: {exc}") from None
    for entity in entities:
        if not 0 <= entity.start < entity.end <= len(text):
            raise GoldFormatError(f"{where}: span {entity.start}-{entity.end} outside the text")
    return document


def read_gold(path: Path) -> Iterator[GoldDocument]:
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if line.strip():
                where = f"{path}:{line_no}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldFormatError(f"{where}: not JSON ({exc.msg})") from None
                yield parse_document(record, where)


def write_gold(documents: Iterable[GoldDocument], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count
