"""Convert the public gold sets in ``../shared`` into the gold format, at run time.

The texts belong to others and stay where they are: these readers only read them. Label names
are mapped to PERSON / LOCATION / ORGANIZATION where the set has those kinds; every other kind
keeps its own name (MISC, NATIONALITY, TIMEX ...) because the country view still uses it
("Russian" is MISC in CoNLL-2003 and Nationality in re3d).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from engagement.evaluation.gold import GoldDocument, GoldEntity
from engagement.text.boilerplate import mask_boilerplate

# None of these sets dates its documents; the date only decides who holds an office, which the
# span scores do not look at. Chosen near each collection's time so person roles stay sensible.
HINER_PUBLISHED = date(2009, 1, 1)  # BBC Hindi style sentences about Obama, Manmohan Singh, IPL
CONLL_PUBLISHED = date(1996, 8, 30)  # Reuters RCV1, August to December 1996
RE3D_PUBLISHED = date(2017, 1, 1)  # documents from 2016 and early 2017

HINER_LABELS = {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION"}
CONLL_LABELS = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
RE3D_LABELS = {"Person": "PERSON", "Location": "LOCATION", "Organisation": "ORGANIZATION"}

# The seed gold names India's foreign ministry MEA_IND; the knowledge base's id for it is MFA_IND.
SEED_ID_SYNONYMS = {"MEA_IND": "MFA_IND"}
SEED_KINDS = {
    "persons": "PERSON",
    "countries": "COUNTRY",
    "places": "PLACE",
    "organisations": "ORG",
    "dates": "DATE",
}


# --- token-per-line sets (HiNER, CoNLL-2003) -----------------------------------------------------
def tagged_spans(tags: list[str], labels: dict[str, str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, last + 1, label)`` from BIO or IOB1 tags: B- always opens an entity,
    I- continues one of the same kind or opens one (IOB1 and sloppy BIO both work)."""
    spans: list[tuple[int, int, str]] = []
    open_kind, open_start = None, 0
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == open_kind
        if open_kind is not None and not continues:
            spans.append((open_start, index, labels.get(open_kind, open_kind)))
            open_kind = None
        if prefix in ("B", "I") and not continues:
            open_kind, open_start = kind, index
    return spans


def _document(
    doc_id: str,
    lang: str,
    published: date,
    sentences: list[list[tuple[str, str]]],
    labels: dict[str, str],
) -> GoldDocument:
    """Tokens joined by spaces, sentences by newlines; gold spans from the tags."""
    parts: list[str] = []
    entities: list[GoldEntity] = []
    offset = 0
    for sentence in sentences:
        starts = []
        for token, _ in sentence:
            starts.append(offset)
            offset += len(token) + 1
        for first, end, label in tagged_spans([tag for _, tag in sentence], labels):
            last_token = sentence[end - 1][0]
            entities.append(GoldEntity(starts[first], starts[end - 1] + len(last_token), label))
        parts.append(" ".join(token for token, _ in sentence))
    return GoldDocument(doc_id, lang, published, "\n".join(parts), tuple(entities))


def read_hiner(corpus_dir: Path) -> Iterator[GoldDocument]:
    """HiNER validation: two tab-separated columns, one sentence per block and no document
    boundaries, so every sentence is a document."""
    sentence: list[tuple[str, str]] = []
    number = 0
    with (corpus_dir / "validation.conll").open(encoding="utf-8") as handle:
        for line in [*handle, "\n"]:
            token, _, tag = line.rstrip("\n").partition("\t")
            if token.strip():
                sentence.append((token, tag or "O"))
            elif sentence:
                number += 1
                yield _document(f"hiner:{number}", "hi", HINER_PUBLISHED, [sentence], HINER_LABELS)
                sentence = []


def read_conll(corpus_dir: Path) -> Iterator[GoldDocument]:
    """CoNLL-2003 dev and test (eng.testa, eng.testb): "token POS chunk NER" lines, IOB1 tags,
    -DOCSTART- between Reuters stories; one document per story."""
    for split in ("eng.testa", "eng.testb"):
        stories: list[list[list[tuple[str, str]]]] = [[]]
        sentence: list[tuple[str, str]] = []
        with (corpus_dir / split).open(encoding="utf-8") as handle:
            for line in [*handle, "\n"]:
                columns = line.split()
                if columns and columns[0] == "-DOCSTART-":
                    stories.append([])
                elif columns:
                    sentence.append((columns[0], columns[-1]))
                elif sentence:
                    stories[-1].append(sentence)
                    sentence = []
        for number, story in enumerate((s for s in stories if s), start=1):
            yield _document(f"conll:{split}:{number}", "en", CONLL_PUBLISHED, story, CONLL_LABELS)


# --- re3d ----------------------------------------
def _position(entity: GoldEntity) -> tuple[int, int]:
    return entity.start, entity.end


def _json_lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:  # mongoexport files start with a BOM
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_re3d(corpus_dir: Path) -> Iterator[GoldDocument]:
    """re3d: per source folder, documents.json and entities.json (mongoexport lines). One span
    annotated with several types (Syria as Location and as Organisation) keeps the type with the
    highest annotator confidence; annotations whose offsets do not reproduce their value are
    dropped (five in the whole set)."""
    for source in sorted(p for p in corpus_dir.iterdir() if (p / "documents.json").is_file()):
        texts = {d["_id"]: d["text"] for d in _json_lines(source / "documents.json")}
        best: dict[tuple[str, int, int], tuple[float, str]] = {}
        for e in _json_lines(source / "entities.json"):
            key = (e["documentId"], e["begin"], e["end"])
            if texts[e["documentId"]][e["begin"] : e["end"]] != e["value"]:
                continue
            label = RE3D_LABELS.get(e["type"], e["type"].upper())
            if key not in best or e["confidence"] > best[key][0]:
                best[key] = (e["confidence"], label)
        for doc_id, text in texts.items():
            entities = sorted(
                (
                    GoldEntity(start, end, label)
                    for (owner, start, end), (_, label) in best.items()
                    if owner == doc_id
                ),
                key=_position,
            )
            yield GoldDocument(
                f"re3d:{source.name}:{doc_id}", "en", RE3D_PUBLISHED, text, tuple(entities)
            )


# --- the seed article ----------------------------------------
def read_seed(gold_path: Path) -> Iterator[GoldDocument]:
    """The hand-made seed gold lists surface forms per entity, not offsets. Every whole-word
    occurrence of a listed form becomes a gold span, longest forms first and never overlapping
    one already placed ("संयुक्त राष्ट्र सुरक्षा परिषद" is the UNSC, not also the UN), and
    nothing is taken from "also read" lines (they are blanked the way the pipeline blanks them)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent.parent / gold["source_file"]).read_text(encoding="utf-8")
    searchable = mask_boilerplate(text, gold["language"])
    forms = sorted(_seed_forms(gold["entities"]), key=lambda form: -len(form[0]))
    taken: list[GoldEntity] = []
    for surface, label, entity_id in forms:
        for start in _whole_word_starts(searchable, surface):
            end = start + len(surface)
            if all(end <= other.start or start >= other.end for other in taken):
                taken.append(GoldEntity(start, end, label, entity_id))
    yield GoldDocument(
        "seed:000",
        gold["language"],
        date.fromisoformat(gold["published"]),
        text,
        tuple(sorted(taken, key=_position)),
    )


def _seed_forms(entities: dict) -> Iterable[tuple[str, str, str | None]]:
    for kind, label in SEED_KINDS.items():
        for entry in entities.get(kind, []):
            if isinstance(entry, str):  # dates are listed as bare strings
                yield entry, label, None
                continue
            entity_id = entry.get("id")
            entity_id = SEED_ID_SYNONYMS.get(entity_id, entity_id)
            for surface in entry["surface_hi"]:
                yield surface, label, entity_id


def _whole_word_starts(text: str, surface: str) -> Iterator[int]:
    for match in re.finditer(re.escape(surface), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not (_is_word_char(before) or _is_word_char(after)):
            yield match.start()


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def dataset_readers(shared: Path) -> dict[str, Callable[[], Iterator[GoldDocument]]]:
    """Name -> documents, for ``engagement evaluate --dataset`` and the benchmark (lazy)."""
    corpora = shared / "corpora"
    return {
        "seed": lambda: read_seed(shared / "gold" / "seed_000.json"),
        "hiner": lambda: read_hiner(corpora / "hiner_val"),
        "conll": lambda: read_conll(corpora / "conll2003_en"),
        "re3d": lambda: read_re3d(corpora / "re3d"),
    }
