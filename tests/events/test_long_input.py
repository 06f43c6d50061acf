"""A long unpunctuated article is coded on bounded spans (issue 12: linear in the input).

Assertions are on content, never on time: the splitter cuts runs without an end into bounded
sentences, no rule's window exceeds its cap, and the long input still gives the events its
clauses report. ``bench/linearity_bench.py`` measures the time.
"""

from __future__ import annotations

from datetime import date

import pytest
from engagement.config import load_settings
from engagement.events.coding import EventCoder, window
from engagement.nlp.entities import extract_entities
from engagement.nlp.sentences import MAX_SENTENCE_TOKENS

PUBLISHED = date(2025, 11, 17)


def test_the_window_helpers_never_return_more_than_the_cap():
    text = "भारत और रूस ने बातचीत की " * 1000
    cap = window.MAX_WINDOW_CHARS
    assert len(text) > 5 * cap
    for start in (0, 17, cap, len(text) - 10):
        assert len(window.after(text, start)) <= cap
        assert window.after(text, start, start + 30) == text[start : start + 30]
        assert len(window.before(text, 0, start)) <= cap
        assert window.before(text, max(0, start - 30), start) == text[max(0, start - 30) : start]
    assert window.after(text, 0) == text[:cap] and window.before(text, 0, len(text)) == text[-cap:]


@pytest.mark.parametrize(
    ("clause", "lang", "pair"),
    [
        ("विदेश मंत्री जयशंकर ने रूसी विदेश मंत्री लावरोव से मुलाकात की", "hi", ("IND", "RUS")),
        ("Jaishankar met Russian Foreign Minister Sergey Lavrov", "en", ("IND", "RUS")),
    ],
)
def test_a_long_line_without_punctuation_is_coded_sentence_by_bounded_sentence(clause, lang, pair):
    text = " ".join([clause] * 600)  # ~35,000 characters on one line, no sentence end
    result = extract_entities(text, lang, PUBLISHED)
    sentences = result.sentences
    assert len(sentences) > 1 and sentences[0].start == 0 and sentences[-1].end == len(text.rstrip())
    words_per_sentence = [len(s.text.split()) for s in sentences]
    assert max(words_per_sentence) <= MAX_SENTENCE_TOKENS
    mentions = EventCoder.from_settings(load_settings()).code("long", text, lang, PUBLISHED, sentences, result.mentions)
    # one meeting per sentence (the clauses of a sentence report one happening), each between the pair
    assert {(m.actor1, m.actor2, m.root, m.status) for m in mentions} == {(*pair, "04", "held")}
    assert len({m.sentence_idx for m in mentions}) == len(mentions)
    assert len(mentions) >= len(sentences) - 1  # a piece cut between two names may lack its pair
