"""File drops in a landing folder: JSON Lines, text with YAML front matter, CSV and HTML.

Every record is judged alone: a bad line becomes a quarantine row and reading goes on, and a
file that cannot be read at all becomes one quarantine row for the whole file. The parsers are
bounded: YAML aliases are refused (an alias bomb is a few hundred bytes), JSON nesting is
limited by the parser's recursion guard, CSV fields by the article cap.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from engagement.sources.config import Source
from engagement.sources.pages import UndecodableError, decode_html, extract_page
from engagement.sources.records import Article, Limits, Origin, Rejected, make_article, stable_id

_IGNORED_STEMS = ("readme", "source")
MAX_FRONT_MATTER_CHARS = 65_536
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def drop_files(folder: Path) -> list[Path]:
    """Readable drops under ``folder``: no hidden files or folders, no README/SOURCE notes."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in _READERS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not path.stem.lower().startswith(_IGNORED_STEMS)
    )


def read_drop(path: Path, relative: str, source: Source, limits: Limits) -> Iterator[Article | Rejected]:
    """Every record of one file, as articles or quarantine rows, one at a time; never raises for
    its content (a reader that breaks ends the file with an ``unreadable_file`` row)."""
    context = _Context(path, relative, source, limits)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        yield context.reject(1, "too_large", f"file has {size} bytes > {limits.max_file_bytes}; split it")
        return
    count = 0
    try:
        for record in _READERS[path.suffix.lower()](path.read_bytes(), context):
            count += 1
            yield record
    except Exception as error:  # noqa: BLE001 - whatever breaks a file must not break the day
        yield context.reject(count + 1, "unreadable_file", f"{type(error).__name__}: {error}")


class _Context:
    """What a reader needs to know about the file it is reading."""

    def __init__(self, path: Path, relative: str, source: Source, limits: Limits):
        self.relative = relative
        self.source = source
        self.limits = limits
        self.read_at = datetime.now(UTC)
        self.mtime_day: date = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()

    def ref(self, line: int) -> str:
        return f"{self.relative}:{line}"

    def reject(self, line: int, reason: str, detail: str, article_id: str | None = None) -> Rejected:
        return Rejected(self.mtime_day, self.ref(line), article_id, reason, detail)

    def article(self, fields: dict, line: int) -> Article | Rejected:
        """Record fields (id, url, title, text, published, language, source) to an article.

        No id → sha1 of (source, url), else of (path, line).
        """
        source_name = fields.get("source") or self.source.name
        url = fields.get("url") or None
        if fields.get("id") not in (None, ""):
            article_id = fields["id"]
        elif isinstance(url, str):
            article_id = stable_id(source_name, url)
        else:
            article_id = stable_id(self.relative, line)
        record = {
            **fields,
            "id": article_id,
            "source": source_name,
            "language": fields.get("language") or self.source.language,
        }
        origin = Origin(self.ref(line), self.source.tz, self.mtime_day, self.read_at)
        try:
            return make_article(record, origin, self.limits)
        except Exception as error:  # noqa: BLE001 - one record's surprise stays that record's
            return self.reject(line, "bad_record", f"{type(error).__name__}: {error}", str(article_id))


def decode_text(body: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM), or UTF-16/32 when a byte-order mark says so."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnicodeDecodeError(
            error.encoding,
            error.object,
            error.start,
            error.end,
            f"not UTF-8 at byte {error.start} (and no UTF-16/32 byte-order mark); save the file as UTF-8",
        ) from None


def _read_jsonl(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-32 marks start alike
        body = decode_text(body).encode("utf-8")  # a BOM-marked file is decodable whole
    for number, raw_line in enumerate(body.splitlines(), start=1):
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield context.reject(number, "invalid_utf8", str(error))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield context.reject(number, "bad_record", f"not JSON: {error}")
            continue
        except RecursionError:
            yield context.reject(number, "bad_record", "JSON nested too deeply")
            continue
        if not isinstance(record, dict):
            yield context.reject(number, "bad_record", "JSON line is not an object")
            continue
        yield context.article(record, number)


def _decoded(body: bytes, context: _Context) -> str | Rejected:
    try:
        return decode_text(body)
    except UnicodeDecodeError as error:
        return context.reject(1, "invalid_utf8", error.reason)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: front matter never needs them, bombs do."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def _read_txt(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    text = _decoded(body, context)
    if isinstance(text, Rejected):
        yield text
        return
    stem_id = Path(context.relative).stem
    if not text.startswith("---"):
        yield context.article({"id": stem_id, "text": text}, 1)
        return
    head, separator, rest = text[3:].partition("\n---")
    if not separator:
        yield context.reject(1, "bad_record", "front matter is not closed by '---'", stem_id)
        return
    if len(head) > MAX_FRONT_MATTER_CHARS:
        detail = f"front matter has {len(head)} characters > {MAX_FRONT_MATTER_CHARS}"
        yield context.reject(1, "too_large", detail, stem_id)
        return
    try:
        meta = yaml.load(head, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        yield context.reject(1, "bad_record", f"front matter is not YAML: {error}", stem_id)
        return
    if not isinstance(meta, dict):
        yield context.reject(1, "bad_record", "front matter is not a mapping", stem_id)
        return
    body_text = rest.split("\n", 1)[1] if "\n" in rest else ""
    yield context.article({"id": stem_id, **meta, "text": body_text.strip("\n")}, 1)


def _read_csv(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    text = _decoded(body, context)
    if isinstance(text, Rejected):
        yield text
        return
    # The field limit is process-wide in Python's csv module: set to the article cap while this
    # file is read, then put back so other readers in the process are not affected.
    previous = csv.field_size_limit(context.limits.max_article_chars + 1)
    try:
        yield from _csv_rows(text, context)
    finally:
        csv.field_size_limit(previous)


def _csv_rows(text: str, context: _Context) -> Iterator[Article | Rejected]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason = "too_large" if "field limit" in str(error) else "bad_record"
            yield context.reject(reader.line_num, reason, f"CSV: {error}")
            continue
        if not row:
            continue
        if len(row) != len(header):
            yield context.reject(reader.line_num, "bad_record", f"{len(row)} fields, header has {len(header)}")
            continue
        yield context.article(dict(zip(header, row, strict=True)), reader.line_num)


def _read_html(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    try:
        html = decode_html(body)
    except UndecodableError as error:
        yield context.reject(1, "invalid_utf8", str(error))
        return
    page = extract_page(html, context.source.tz)
    if not page.text:
        yield context.reject(1, "no_main_text", "no article text found in the page")
        return
    fields = {"url": page.url, "title": page.title, "text": page.text, "language": page.language}
    yield context.article({**fields, "published": page.published}, 1)


_READERS = {".jsonl": _read_jsonl, ".txt": _read_txt, ".csv": _read_csv, ".html": _read_html}
