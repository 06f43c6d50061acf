"""Build include/engagement/events/data/triggers_cameo_en.csv from PETRARCH-2's CAMEO verb dictionary.

Input: ``../shared/anchors_raw/petrarch2/dictionaries/CAMEO.2.0.txt`` (openeventdata/petrarch2,
MIT): synonym sets (``&NAME`` + phrases), verb blocks (``--- NAME [code] ---``, verbs with their
irregular forms and codes) and phrase patterns (``- pre * post [code]``). PETRARCH matches the
patterns on a parse tree; we have none, so a pattern becomes a regular expression over the
sentence: the verb's forms, then each noun, noun phrase ``{...}`` and preposition phrase
``(PREP ...)`` in the written order, with up to three words between them ("offered *urgent
humanitarian* aid"). Actor slots (``$ + % ^``) are dropped: the coder finds the actors itself.

Kept: codes whose family the pipeline codes (state-to-state engagement, ``scripts/data/
cameo_verb_kinds.csv``: code prefix -> our trigger kind and default status). A verb alone
becomes a trigger only where that table allows bare verbs and the verb is not listed in
``scripts/data/cameo_verbs_excluded.csv`` (generic verbs: "express", "order", "delay" ...); in
its patterns ("order an investigation") it stays. That list's scope ``all`` leaves a verb out
with its patterns, and a CAMEO code leaves out only its patterns of that code ("links with
Russia" is a noun, not LINK [031]; "linked Iran to the attack" stays 112).
Our hand-written triggers win: a verb one of ours already matches is left out. What is left
out and why is counted in the output's header and in docs/events.md.

Re-run when the source or the two tables change; the output is committed, so the pipeline never
reads ../shared.    .venv/bin/python scripts/build_cameo_verbs.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "include"))

from engagement.events.lexicon import DATA_DIR, compile_trigger, openings  # noqa: E402
from generated_notice import generated_header, write_tables  # noqa: E402

SOURCE_DIR = ROOT.parent / "shared" / "anchors_raw" / "petrarch2" / "dictionaries"
SOURCE = SOURCE_DIR / "CAMEO.2.0.txt"
SNAPSHOT = (
    "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt"
)
KINDS = ROOT / "scripts" / "data" / "cameo_verb_kinds.csv"
EXCLUDED = ROOT / "scripts" / "data" / "cameo_verbs_excluded.csv"
OUTPUT = DATA_DIR / "triggers_cameo_en.csv"
# openings: lexicon.openings() of the pattern, worked out here so that loading parses no regex
COLUMNS = ["lang", "kind", "cameo", "default_status", "needs", "pattern", "openings", "origin"]

# Up to three words between the elements of a pattern, within the clause: no punctuation and no
# word that opens another clause or verb ("agreed to lift the sanctions" is no "agree ... sanctions").
GAP = r"\s+(?:(?!(?:to|that|and|but|or|which|who|not|if|after|before|when|while)\b)[\w'-]+\s+){0,3}?"
# Between a preposition and its noun only determiners and the like ("for *the* aid"; "to *lift
# the* sanctions" is another verb's object).
PREPOSITION_GAP = (
    r"\s+(?:(?:the|a|an|its|their|his|her|our|this|these|those|new|further|more|fresh|all|any|some"
    r"|[\w-]+'s)\s+){0,2}"
)
ACTOR_SLOTS = {"$", "+", "%", "^"}
# Words of a pattern that take no plural: particles and prepositions.
NO_PLURAL = {
    "up",
    "down",
    "off",
    "out",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "with",
    "from",
    "by",
    "into",
    "over",
    "against",
    "as",
    "back",
    "forward",
    "away",
    "aside",
    "not",
    "will",
    "closer",
    "toward",
    "towards",
    "under",
    "before",
    "behind",
    "about",
    "through",
    "across",
    "between",
    "upon",
}


@dataclass
class Verb:
    forms: tuple[str, ...]
    code: str | None  # its own code, else the block's
    line: str

    @property
    def key(self) -> str:
        """The verb as pattern comments name it: ``ASK_FOR``."""
        return self.forms[0].upper().replace(" ", "_")


@dataclass
class Pattern:
    pre: str
    post: str
    code: str
    line: str
    verb: str  # the verb the pattern was written for (its comment), upper case; "" if none


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def active_code(raw: str) -> str | None:
    """CAMEO code of the active voice (``042:043`` -> ``042``), at most 3 digits; None for the
    null code ``---`` and passive-only codes (``:173``)."""
    code = raw.split(":", 1)[0].strip()
    return code[:3] if code.isdigit() else None


def noun_regex(word: str) -> str:
    """A dictionary noun with PETRARCH's regular plural (S; Y -> IES; SS -> ES)."""
    word = word.lower()
    bare = word.endswith("_")
    word = word.rstrip("_")
    text = re.escape(word)
    if bare or word in NO_PLURAL or not word[-1:].isalpha() or word.endswith(("s", "ed", "ing")):
        return text
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith("ss"):
        return text + "(?:es)?"
    return text + "s?"


def read_synsets(lines: list[str]) -> dict[str, str]:
    """``&NAME`` -> regex alternation of its phrases (plurals unless the label or phrase ends in _)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    no_plural = False
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):  # a comment line: test it before stripping comments
            break
        line = _strip_comment(raw).strip()
        if line.startswith("&"):
            current, no_plural = line.rstrip("_"), line.endswith("_")
            synsets[current] = []
        elif line.startswith("+") and current:
            words = line[1:].strip().split("_") if "_" in line[1:].strip().rstrip("_") else [line[1:].strip()]
            words = [w for w in words if w]
            last = words[-1] + ("_" if no_plural or line.endswith("_") else "")
            phrase = [re.escape(w.lower().rstrip("_")) for w in words[:-1]] + [noun_regex(last)]
            synsets[current].append(r"\s+".join(phrase))
    return {
        name: "(?:" + "|".join(sorted(set(alts), key=lambda a: (-len(a), a))) + ")"
        for name, alts in synsets.items()
        if alts
    }


def _regular_forms(word: str) -> list[str]:
    """Present, third person, past and gerund of a regular English verb."""
    consonant_y = word.endswith("y") and word[-2:-1] not in set("aeiou")
    if word.endswith(("s", "sh", "ch", "x", "z")):
        third = word + "es"
    else:
        third = word[:-1] + "ies" if consonant_y else word + "s"
    past = word + "d" if word.endswith("e") else word[:-1] + "ied" if consonant_y else word + "ed"
    silent_e = word.endswith("e") and not word.endswith(("ee", "ie"))
    gerund = word[:-2] + "ying" if word.endswith("ie") else word[:-1] + "ing" if silent_e else word + "ing"
    return [word, third, past, gerund]


_VERB_LINE = re.compile(r"^(?P<verb>\S+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?")


def parse_verb(line: str, block_code: str | None) -> Verb | None:
    """``+ASK_FOR {+ASKED_FOR ...} [020]``, ``HURRY {HURRIES ...}``, ``REQUEST [020]``."""
    m = _VERB_LINE.match(_strip_comment(line).strip())
    if not m:
        return None
    base = m["verb"]
    words = base.replace("+", "").lower().split("_")
    words = [w for w in words if w]
    if m["forms"] is not None:
        listed = [f.replace("+", "").replace("_", " ").lower().strip() for f in m["forms"].split()]
        forms = [" ".join(words), *listed]
    else:
        marked = next((i for i, w in enumerate(base.split("_")) if w.startswith("+")), 0)
        forms = [" ".join(words[:marked] + [form] + words[marked + 1 :]) for form in _regular_forms(words[marked])]
    code = active_code(m["code"]) if m["code"] is not None else block_code
    return Verb(tuple(dict.fromkeys(f for f in forms if f)), code, line.strip())


_PATTERN_LINE = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")


def read_blocks(lines: list[str], stats: Counter) -> list[Block]:
    blocks: list[Block] = []
    in_verbs = False
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not _strip_comment(line).strip():
            continue
        if line.startswith("---"):
            head = re.match(r"---\s*(\S+)\s*\[([^\]]*)\]", line)
            blocks.append(Block(head[1], active_code(head[2])) if head else Block(line, None))
        elif line.startswith("~"):
            stats["transformation (verb-verb rule; needs a parse)"] += 1
        elif line.startswith("-") and blocks:
            m = _PATTERN_LINE.match(line)
            if not m or "*" not in m["body"]:
                stats["pattern without verb slot or code"] += 1
                continue
            pre, _, post = m["body"].partition("*")
            comment = line.partition("#")[2].split()
            verb = comment[0].upper() if comment and comment[0].replace("_", "").isalpha() else ""
            blocks[-1].patterns.append(Pattern(pre.strip(), post.strip(), m["code"], line.strip(), verb))
        elif blocks and (line[:1].isalpha() or line[:1] == "+"):
            verb = parse_verb(line, blocks[-1].code)
            if verb:
                blocks[-1].verbs.append(verb)
    return blocks


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


def element_regex(token: str, synsets: dict[str, str]) -> str | None:
    """One pattern element as a regex; None when it is only an actor slot or unknown synset."""
    if token in ACTOR_SLOTS:
        return None
    if token.startswith("{"):  # a noun phrase: only its last word, the head, takes a plural
        *modifiers, head = token[1:-1].split()
        words = [element_regex(t if t.startswith("&") else t + "_", synsets) for t in modifiers]
        words = [w for w in [*words, element_regex(head, synsets)] if w]
        return r"\s+".join(words) if words else None
    if token.startswith("("):
        inner = [element_regex(t, synsets) for t in _TOKEN.findall(token[1:-1])]
        inner = [w for w in inner if w]
        return PREPOSITION_GAP.join(inner) if inner else None
    if token.startswith("&"):
        return synsets.get(token.rstrip("_"))
    return noun_regex(token)


# Nouns that news writes far more often as month names: "postponed her March visit" is no
# postponed protest march (POSTPONE * MARCH, 030).
MONTH_NOUNS = frozenset({"march", "may"})


def sequence_regex(part: str, synsets: dict[str, str], stats: Counter) -> str | None:
    tokens = _TOKEN.findall(part)
    unknown = [t for t in tokens if t.startswith("&") and t.rstrip("_") not in synsets]
    if unknown:
        stats["pattern naming an undefined synset"] += 1
        return None
    if any(t.lower().rstrip("_") in MONTH_NOUNS for t in tokens):
        stats["pattern whose noun is also a month (March, May)"] += 1
        return None
    regexes = [r for r in (element_regex(t, synsets) for t in tokens) if r]
    return GAP.join(regexes) if regexes else ""


# A verb form right after an article or possessive is a noun ("a ban on", "a hail of", "its exports",
# "China's improving relations", "at some distance from"); after a verb of motion it is a particle
# ("pushed back by Polish officials" backs no one).
NOT_AFTER = (
    *("a", "an", "the", "of", "its", "their", "his", "her", "our", "'s", "some", "any", "no", "this", "these", "those"),
    *("pushed", "pushing", "came", "went", "fought", "hit", "flew", "turned", "pulled", "stepped", "rolled"),
)
NOUN_CONTEXT = "".join(rf"(?<!\b{word}\s)" for word in NOT_AFTER)


def verb_alternation(forms: list[str]) -> str:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return NOUN_CONTEXT + "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered) + ")"


def _kind_table() -> list[dict[str, str]]:
    with KINDS.open(encoding="utf-8", newline="") as fh:
        return sorted(csv.DictReader(fh), key=lambda r: -len(r["code_prefix"]))


def kind_of(code: str, table: list[dict[str, str]]) -> dict[str, str] | None:
    """The table row of the longest prefix of ``code``; None when no row or a row without a
    kind (a sub-family we do not code, such as 034 political reform) claims it."""
    row = next((row for row in table if code.startswith(row["code_prefix"])), None)
    return row if row and row["kind"] else None


def _hand_written() -> list:
    with (DATA_DIR / "triggers.csv").open(encoding="utf-8", newline="") as fh:
        return [compile_trigger("en", r["pattern"]) for r in csv.DictReader(fh) if r["lang"] == "en"]


def build_rows(lines: list[str], stats: Counter) -> list[dict[str, str]]:
    synsets = read_synsets(lines)
    blocks = read_blocks(lines, stats)
    table = _kind_table()
    with EXCLUDED.open(encoding="utf-8", newline="") as fh:
        excluded = {r["verb"].lower(): r["scope"] for r in csv.DictReader(fh)}
    ours = _hand_written()
    rows: list[dict[str, str]] = []

    def add(kind: dict[str, str], code: str, pattern: str, origin: str) -> None:
        rows.append(
            {
                "lang": "en",
                "kind": kind["kind"],
                "cameo": code,
                "default_status": kind["default_status"],
                "needs": "",
                "pattern": pattern,
                "origin": origin,
            }
        )

    for block in blocks:
        verbs = []
        for verb in block.verbs:
            if any(rx.fullmatch(form) for rx in ours for form in verb.forms):
                stats["verb our hand-written triggers already cover (ours win)"] += 1
            elif "all" in (excluded.get(verb.forms[0]), excluded.get(verb.forms[0].split()[0])):
                stats["verb left out with its patterns (cameo_verbs_excluded.csv, scope all)"] += 1
            else:
                verbs.append(verb)
        for verb in verbs:  # a verb alone, under its own or its block's code
            kind = kind_of(verb.code, table) if verb.code else None
            if not kind or kind["bare_verb"] != "yes":
                continue
            if verb.forms[0] in excluded:
                stats["bare verb left out as generic (cameo_verbs_excluded.csv)"] += 1
            else:
                add(kind, verb.code, rf"\b{verb_alternation(list(verb.forms))}\b", f"{block.name}: {verb.line}")
                stats["bare verb kept"] += 1
        by_key = {verb.key: verb for verb in verbs}
        written = {verb.key for verb in block.verbs}
        grouped: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
        for pattern in block.patterns:
            code = active_code(pattern.code)
            if code is None:
                stats["pattern with null or passive-only code"] += 1
                continue
            if kind_of(code, table) is None:
                stats[f"pattern of a code not taken from CAMEO (root {code[:2]}; see cameo_verb_kinds.csv)"] += 1
                continue
            # a pattern belongs to the verb its comment names: PETRARCH's blocks are loose
            # synonym sets ("condemn ... war" must not become "indict ... war")
            owners = [by_key[pattern.verb]] if pattern.verb in by_key else [] if pattern.verb in written else verbs
            if not owners:
                stats["pattern of a verb our triggers cover or excluded"] += 1
                continue
            pre = sequence_regex(pattern.pre, synsets, stats)
            post = sequence_regex(pattern.post, synsets, stats)
            if pre is None or post is None:
                continue
            if not pre and not post:
                stats["pattern of actor slots only (would be the bare verb)"] += 1
                continue
            stats["pattern kept"] += 1
            for owner in owners:
                grouped.setdefault((owner.key, code, pre), []).append((post, pattern.line))
        for (key, code, pre), posts in grouped.items():
            if excluded.get(by_key[key].forms[0]) == code:
                stats["pattern of a verb left out under its code (cameo_verbs_excluded.csv)"] += 1
                continue
            kind = kind_of(code, table)
            objects = sorted({p for p, _ in posts if p}, key=lambda p: (-len(p), p))
            # a pattern with nothing after the verb makes the others' objects moot
            tail = (GAP + "(?:" + "|".join(objects) + ")") if all(p for p, _ in posts) else ""
            origin = (
                f"{block.name}/{key} [{code}]: "
                + " | ".join(sorted({line.split("[")[0].strip() for _, line in posts}))[:300]
            )
            head = (rf"\b{pre}{GAP}" if pre else r"\b") + verb_alternation(list(by_key[key].forms))
            add(kind, code, head + tail + r"\b", origin)
    return _deduplicated(rows, stats)


def _deduplicated(rows: list[dict[str, str]], stats: Counter) -> list[dict[str, str]]:
    """One row per pattern (the first block's code wins), none equal to a hand-written pattern."""
    with (DATA_DIR / "triggers.csv").open(encoding="utf-8", newline="") as fh:
        seen = {r["pattern"] for r in csv.DictReader(fh) if r["lang"] == "en"}
    unique = []
    for row in rows:
        if row["pattern"] in seen:
            stats["duplicate pattern dropped"] += 1
            continue
        seen.add(row["pattern"])
        starts = openings(compile_trigger("en", row["pattern"]))  # fails on a pattern the lexicon cannot load
        if "" in starts:
            stats["pattern with no literal opening to screen it (a long synset before the verb)"] += 1
            continue
        unique.append({**row, "openings": "|".join(sorted(starts))})
    return unique


def main() -> int:
    if not SOURCE.is_file():
        print(f"missing {SOURCE}", file=sys.stderr)
        return 1
    stats: Counter = Counter()
    rows = build_rows(SOURCE.read_text(encoding="utf-8").splitlines(), stats)
    stats["rows written"] = len(rows)
    header = generated_header("scripts/build_cameo_verbs.py", SOURCE, SNAPSHOT, stats)
    ordered = [{column: row[column] for column in COLUMNS} for row in rows]
    write_tables(OUTPUT.parent, {OUTPUT.name: ordered}, header, stats)
    print(f"wrote {len(rows)} triggers to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
