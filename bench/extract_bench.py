"""Words per second of the entity extractor next to spaCy's bare tokenizer, and peak memory.

Issue 3's target: ``extract_entities`` (tokenizer, folding, sentences, KB matcher, resolver,
dates) runs at >= 60% of the words per second of ``spacy.blank(lang).tokenizer`` on the same
texts in the same run. Over 5 MB of varied real news from the shared corpora, read in place
(``$ENGAGEMENT_SHARED_DIR``, default ``<repo>/../shared``); every text is a distinct document,
because spaCy caches the analysis of words it has seen and a repeated article would flatter both.
The two take turns text by text (which goes first flips each round), so load from other
processes on the shared machine hits both alike; medians over the rounds.

    .venv/bin/python bench/extract_bench.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import statistics
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from engagement.nlp import pipeline
from engagement.nlp.entities import extract_entities

SHARED = Path(os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[1] / ".." / "shared")).resolve()
CORPORA = SHARED / "corpora"
# The corpora carry no publication dates we trust; relative dates resolve against this one.
PUBLISHED = date(2025, 11, 17)
HINER_SENTENCES_PER_DOCUMENT = 20  # a short news article's worth
TARGET_RATIO = 0.60
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Corpus:
    name: str
    lang: str
    texts: list[str]

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)

    @property
    def megabytes(self) -> float:
        return sum(len(text.encode("utf-8")) for text in self.texts) / 1e6


# --- the shared corpora as lists of documents --------------------------------------------------


def bbc_hindi() -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with (CORPORA / "bbc_hindi_cohn/hindi-cleaned-test.csv").open(encoding="utf-8", newline="") as handle:
        return [row["1"] for row in csv.DictReader(handle) if row["1"].strip()]


def hindi_disaster_events() -> list[str]:
    """The words of each XML article, a line per paragraph (the markup holds only gold tags)."""
    texts = []
    for path in sorted((CORPORA / "hindi_disaster_events/Hindi_Train").glob("*.xml")):
        root = ElementTree.parse(path).getroot()
        paragraphs = (" ".join(word.text.strip() for word in p.iter("W") if word.text) for p in root.iter("P"))
        texts.append("\n".join(p for p in paragraphs if p))
    return [text for text in texts if text]


def conll_sentences(path: Path, separator: str) -> Iterable[list[str]]:
    """Token columns of a CoNLL file, a list per sentence; "-DOCSTART-" lines come through as
    one-token sentences so callers can split documents."""
    tokens: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            tokens.append(line.split(separator, 1)[0])
        elif tokens:
            yield tokens
            tokens = []


def hiner_documents() -> list[str]:
    """HiNER's validation sentences, consecutive ones joined into article-sized documents."""
    sentences = [" ".join(tokens) for tokens in conll_sentences(CORPORA / "hiner_val/validation.conll", "\t")]
    step = HINER_SENTENCES_PER_DOCUMENT
    return [" ".join(sentences[i : i + step]) for i in range(0, len(sentences), step)]


def agnews_world() -> list[str]:
    with (CORPORA / "agnews_world/agnews_test_world.csv").open(encoding="utf-8", newline="") as handle:
        return [f"{row['title']}. {row['description']}" for row in csv.DictReader(handle)]


def conll2003_documents() -> list[str]:
    """CoNLL-2003 testa+testb Reuters stories, a line per sentence."""
    documents: list[list[str]] = []
    for name in ("eng.testa", "eng.testb"):
        for tokens in conll_sentences(CORPORA / "conll2003_en" / name, " "):
            if tokens[0] == "-DOCSTART-":
                documents.append([])
            elif documents:
                documents[-1].append(" ".join(tokens))
    return ["\n".join(lines) for lines in documents if lines]


def re3d_documents() -> list[str]:
    """re3d's documents.json files hold one JSON object after another."""
    texts = []
    decoder = json.JSONDecoder()
    for path in sorted(CORPORA.glob("re3d/*/documents.json")):
        raw, position = path.read_text(encoding="utf-8"), 0
        while match := _NON_SPACE.search(raw, position):
            document, position = decoder.raw_decode(raw, match.start())
            texts.append(document["text"])
    return texts


def lee_abc_news() -> list[str]:
    return [
        line
        for line in (CORPORA / "lee_abc_news/lee_background.cor").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def load_corpora() -> list[Corpus]:
    return [
        Corpus("BBC Hindi articles", "hi", bbc_hindi()),
        Corpus("Hindi disaster news", "hi", hindi_disaster_events()),
        Corpus("HiNER sentences x20", "hi", hiner_documents()),
        Corpus("AG News World snippets", "en", agnews_world()),
        Corpus("CoNLL-2003 Reuters", "en", conll2003_documents()),
        Corpus("re3d documents", "en", re3d_documents()),
        Corpus("Lee ABC news", "en", lee_abc_news()),
    ]


# --- timing ---------------------------------------------------------------------------------

Job = Callable[[Corpus, int], None]  # runs on one text: corpus.texts[index]


class BareTokenizers:
    """spaCy's bare tokenizer per language, each with its own vocabulary; ``reset`` gives them
    empty word caches again."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.by_lang = {lang: spacy.blank(lang).tokenizer for lang in ("hi", "en")}

    def __call__(self, corpus: Corpus, index: int) -> None:
        self.by_lang[corpus.lang](corpus.texts[index])


def cold_start(tokenizers: BareTokenizers) -> Callable[[], None]:
    """What runs before each round unless ``--warm``: the bare tokenizers and our pipelines
    rebuilt, so both meet the corpus with empty word caches, as a DAG task does (every task
    instance is a new process). Kept warm, spaCy's tokenizer serves every word of round 2 from
    its cache: about twice as fast as on unseen text, a speed no production run reaches."""

    def reset() -> None:
        tokenizers.reset()
        pipeline._build_nlp.cache_clear()
        for lang in ("hi", "en"):
            pipeline.get_nlp(lang)

    return reset


def extract_job(corpus: Corpus, index: int) -> None:
    extract_entities(corpus.texts[index], corpus.lang, PUBLISHED)


def timed_rounds(
    corpora: list[Corpus],
    jobs: dict[str, Job],
    rounds: int,
    before_round: Callable[[], None] | None = None,
) -> dict[tuple[str, str], list[float]]:
    """Seconds per (corpus, job) and round. The jobs take turns text by text, in an order that
    rotates from round to round, so a burst of load from other processes hits them alike.
    ``before_round`` runs outside the timings."""
    seconds = {(c.name, job): [0.0] * rounds for c in corpora for job in jobs}
    names = list(jobs)
    clock = time.perf_counter
    for round_index in range(rounds):
        if before_round:
            before_round()
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        for corpus in corpora:
            totals = [seconds[(corpus.name, name)] for name in order]
            for index in range(len(corpus.texts)):
                for name, total in zip(order, totals, strict=True):
                    began = clock()
                    jobs[name](corpus, index)
                    total[round_index] += clock() - began
        print(f"  round {round_index + 1}/{rounds} done", file=sys.stderr)
    return seconds


def median_seconds(seconds: dict[tuple[str, str], list[float]], corpora: list[Corpus], job: str) -> float:
    """Median over rounds of the summed seconds of ``corpora`` (a group is timed per round)."""
    rounds = len(seconds[(corpora[0].name, job)])
    return statistics.median(sum(seconds[(c.name, job)][r] for c in corpora) for r in range(rounds))


def groups(corpora: list[Corpus]) -> list[tuple[str, list[Corpus]]]:
    """Each corpus, each language, and everything."""
    by_lang = [(f"all {lang}", [c for c in corpora if c.lang == lang]) for lang in ("hi", "en")]
    return [(c.name, [c]) for c in corpora] + by_lang + [("all", corpora)]


def print_table(corpora: list[Corpus], seconds: dict, baseline: str, headline: str) -> None:
    """Words/s of every job per group, then the headline job's articles/s and its ratio to the
    baseline's words/s."""
    jobs = list(dict.fromkeys(job for _, job in seconds))
    print(
        f"{'texts':<24}{'docs':>6}{'MB':>6}{'words':>9}"
        + "".join(f"{job + ' w/s':>15}" for job in jobs)
        + f"{headline + ' art/s':>16}{headline + '/' + baseline:>20}"
    )
    for name, members in groups(corpora):
        words = sum(c.words for c in members)
        docs = sum(len(c.texts) for c in members)
        rates = {job: words / median_seconds(seconds, members, job) for job in jobs}
        articles = docs / median_seconds(seconds, members, headline)
        print(
            f"{name:<24}{docs:>6}{sum(c.megabytes for c in members):>6.2f}{words:>9}"
            + "".join(f"{rate:>15,.0f}" for rate in rates.values())
            + f"{articles:>16,.0f}{rates[headline] / rates[baseline]:>20.2f}"
        )


def add_cache_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warm",
        action="store_true",
        help="keep word caches across rounds (rounds after the first see only words seen before)",
    )


def rounds_label(rounds: int, warm: bool) -> str:
    caches = "word caches kept warm across rounds" if warm else "word caches emptied before each round"
    return f"medians over {rounds} rounds, {caches}"


def peak_memory(corpora: list[Corpus], job: Job) -> tuple[float, float]:
    """(tracemalloc peak MB of Python allocations during one pass, process max RSS MB)."""
    tracemalloc.start()
    for corpus in corpora:
        for index in range(len(corpus.texts)):
            job(corpus, index)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    add_cache_argument(parser)
    args = parser.parse_args()
    corpora = load_corpora()
    total_mb = sum(c.megabytes for c in corpora)
    print(f"corpora from {CORPORA}: {total_mb:.2f} MB UTF-8, published date {PUBLISHED}")
    extract_job(Corpus("warm-up", "hi", ["भारत"]), 0)  # build both pipelines outside the timings
    extract_job(Corpus("warm-up", "en", ["India"]), 0)
    tokenizers = BareTokenizers()
    seconds = timed_rounds(
        corpora,
        {"tokenizer": tokenizers, "extract": extract_job},
        args.rounds,
        None if args.warm else cold_start(tokenizers),
    )
    print(f"{rounds_label(args.rounds, args.warm)}; target extract/tokenizer >= {TARGET_RATIO:.2f}")
    print_table(corpora, seconds, "tokenizer", "extract")
    traced, rss = peak_memory(corpora, extract_job)
    print(f"peak memory of one extraction pass: tracemalloc {traced:.1f} MB, process max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
