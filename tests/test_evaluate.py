"""The entity scorer on hand-made gold, the readers on the real public files, and the seed."""

from __future__ import annotations

import json
from datetime import date

import pytest
from engagement.cli import main
from engagement.evaluation.gold import (
    GoldDocument,
    GoldEntity,
    GoldFormatError,
    read_gold,
    write_gold,
)
from engagement.evaluation.readers import read_conll, read_hiner, read_re3d, read_seed, tagged_spans
from engagement.evaluation.scoring import Result, Span, ViewSpans, evaluate, match, score_document

from tests.conftest import SEED_GOLD, SHARED, require_shared

CORPORA = SHARED / "corpora"


def _span(start, end, label, text, entity_id=None):
    return Span(start, end, label, entity_id, text)


# --- scorer on hand-made gold -------------------------------------------------------------------
def test_exact_and_overlap_matching_count_per_label():
    gold = [_span(0, 13, "PERSON", "Sergey Lavrov"), _span(18, 23, "LOCATION", "India")]
    predicted = [
        _span(7, 13, "PERSON", "Lavrov"),
        _span(18, 23, "LOCATION", "India"),
        _span(30, 36, "LOCATION", "Russia"),
    ]
    exact, overlap = Result("all", "exact"), Result("all", "overlap")
    for mode, result in (("exact", exact), ("overlap", overlap)):
        score_document(ViewSpans(gold, [], predicted), gold, mode, result)
    # "Lavrov" inside "Sergey Lavrov": a miss in exact mode but no false hit (a name in a name)
    assert (exact.counts("PERSON").tp, exact.counts("PERSON").fn, exact.counts("PERSON").fp) == (
        0,
        1,
        0,
    )
    assert exact.counts("PERSON").neutral == 1
    assert (overlap.counts("PERSON").tp, overlap.counts("PERSON").fn) == (1, 0)
    location = exact.counts("LOCATION")
    assert (location.tp, location.fp, location.fn) == (1, 1, 0)
    assert location.precision == 0.5 and location.recall == 1.0
    assert exact.false_hits == {("LOCATION", "Russia"): 1}
    assert exact.misses == {("PERSON", "Sergey Lavrov"): 1}


def test_matching_is_one_to_one_and_respects_labels_and_ids():
    gold = [_span(0, 5, "COUNTRY", "India", "IND")]
    assert match(gold, [_span(0, 5, "COUNTRY", "India", "IDN")], "exact") == {}
    assert match(gold, [_span(0, 5, "LOCATION", "India", "IND")], "exact") == {}
    two = [_span(0, 5, "COUNTRY", "India", "IND"), _span(0, 5, "COUNTRY", "India", "IND")]
    assert match(gold, two, "overlap") == {0: 0}


def test_prediction_matching_a_gold_span_outside_the_view_is_neutral():
    outside = [_span(0, 7, "PERSON", "Mishra")]
    result = Result("kb", "exact")
    score_document(
        ViewSpans([], outside, [_span(0, 7, "PERSON", "Mishra")]), outside, "exact", result
    )
    assert (result.counts("PERSON").fp, result.counts("PERSON").neutral) == (0, 1)


def test_evaluate_maps_our_labels_to_ner_labels_and_keeps_adjectives_out():
    text = "Russian Foreign Minister Sergey Lavrov met officials in New Delhi and India ."
    entities = (
        GoldEntity(25, 38, "PERSON"),
        GoldEntity(56, 65, "LOCATION"),
        GoldEntity(70, 75, "LOCATION"),
        GoldEntity(0, 7, "MISC"),
    )
    results = evaluate([GoldDocument("t1", "en", date(2025, 11, 17), text, entities)])
    for label in ("PERSON", "LOCATION"):
        counts = results[("all", "exact")].counts(label)
        assert (counts.precision, counts.recall) == (1.0, 1.0), label
    country = results[("country", "exact")].counts("COUNTRY")  # "India"; "Russian" is an adjective
    assert (country.tp, country.fp, country.fn) == (1, 0, 0)


def test_gold_round_trip_and_format_errors(tmp_path):
    document = GoldDocument(
        "d1", "hi", date(2025, 11, 17), "भारत और रूस", (GoldEntity(0, 4, "COUNTRY", "IND"),)
    )
    path = tmp_path / "gold.jsonl"
    write_gold([document], path)
    assert json.loads(path.read_text(encoding="utf-8"))["entities"] == [
        {"start": 0, "end": 4, "label": "COUNTRY", "id": "IND"}
    ]
    assert list(read_gold(path)) == [document]
    path.write_text(
        '{"id": "x", "lang": "en", "published": "2025-01-01", "text": "ab", '
        '"entities": [{"start": 1, "end": 9, "label": "PERSON"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldFormatError, match="gold.jsonl:1: span 1-9 outside the text"):
        list(read_gold(path))


def test_cli_scores_a_gold_file(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    text = "विदेश मंत्री एस जयशंकर ने मॉस्को में रूस के विदेश मंत्री सर्गेई लावरोव से मुलाकात की।"
    entities = [(13, 22, "PERSON"), (26, 32, "PLACE"), (37, 40, "COUNTRY"), (57, 70, "PERSON")]
    record = {
        "id": "x",
        "lang": "hi",
        "published": "2025-11-17",
        "text": text,
        "entities": [{"start": s, "end": e, "label": label} for s, e, label in entities],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(path)]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["all", "exact", "TOTAL", "1.000", "1.000", "1.000", "4", "0", "0"] in rows


# --- readers on the real files ----------------------------------------
def test_bio_and_iob1_tags():
    assert tagged_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"], {"PER": "PERSON"}) == [
        (0, 2, "PERSON"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
    ]


def _spans(document):
    return [(document.text[e.start : e.end], e.label) for e in document.entities]


@pytest.mark.parametrize(
    ("reader", "folder", "first_line", "first_spans"),
    [
        (
            read_hiner,
            "hiner_val",
            'अमरीकी सेना के प्रवक्ता कैप्टन विलियम पेलेटियर ने बीबीसी को बताया , "अभियान के',
            [
                ("अमरीकी सेना", "ORGANIZATION"),
                ("विलियम पेलेटियर", "PERSON"),
                ("बीबीसी", "ORGANIZATION"),
            ],
        ),
        (
            read_conll,
            "conll2003_en",
            "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
            [("LEICESTERSHIRE", "ORGANIZATION"), ("LONDON", "LOCATION"), ("West Indian", "MISC")],
        ),
    ],
)
def test_token_per_line_readers_rebuild_text_and_spans(reader, folder, first_line, first_spans):
    first = next(reader(require_shared(CORPORA / folder)))
    assert first.text.splitlines()[0].startswith(first_line)
    assert _spans(first)[:3] == first_spans


def test_re3d_reader_keeps_the_most_confident_type():
    documents = {d.doc_id: d for d in read_re3d(require_shared(CORPORA / "re3d"))}
    bbc = documents["re3d:BBC Online:3095FB15AFF7B552702E9EF46C083FDD"]
    assert _spans(bbc)[:4] == [
        ("Syria", "ORGANIZATION"),
        ("Israel", "LOCATION"),
        ("west of Damascus", "LOCATION"),
        ("Damascus", "LOCATION"),
    ]
    assert len(documents) == 98


def test_seed_reader_places_every_listed_form_outside_also_read_lines():
    (seed,) = read_seed(require_shared(SEED_GOLD))
    found = {(seed.text[e.start : e.end], e.label, e.entity_id) for e in seed.entities}
    assert ("संयुक्त राष्ट्र सुरक्षा परिषद", "ORG", "UNSC") in found
    assert ("विदेश मंत्रालय ने कहा", "ORG", "MFA_IND") in found  # the gold's MEA_IND
    also_read = seed.text.index("इसे भी पढ़ें")
    line_end = seed.text.index("\n", also_read)
    assert not [e for e in seed.entities if also_read <= e.start < line_end]
    assert not [
        e
        for e in seed.entities
        if seed.text[e.start : e.end] == "संयुक्त राष्ट्र"
        and seed.text[e.start : e.end + 10].endswith("सुरक्षा")
    ]


def test_seed_scores_one_for_what_the_gold_lists():
    results = evaluate(read_seed(require_shared(SEED_GOLD)))
    for view in ("all", "country"):
        total = results[(view, "overlap")].total()
        assert (total.precision, total.recall) == (1.0, 1.0), view
    assert results[("all", "overlap")].counts("PERSON").support == 11
