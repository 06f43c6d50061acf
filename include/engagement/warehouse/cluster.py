"""Cluster event mentions into real-world events.

Several articles (or one article twice) report the same meeting; analysts count events and
mentions apart, so every mention gets the ``event_id`` of its event. Rules (docs/warehouse.md):

* Mentions can only share an event with the same unordered country pair and the same *family*:
  the CAMEO root, except 036 (intent to meet) which joins 04 (consult), so an announced meeting
  and the meeting held are one event.
* Day-precision mentions are taken in date order; each joins the first cluster of its group with
  a compatible location (equal, or either unknown) whose date range is the same as its own, or
  overlaps it when both have the CAMEO code of the cluster's first mention (widening the range);
  else it starts a cluster. So a meeting on 21 August inside a 19-21 August visit stays its own
  event, while two reports of the same visit with slightly different dates are one.
* A month- (then year-) precision mention joins the single finer cluster lying inside its month
  (year) with a compatible location and status, if exactly one exists; otherwise it joins a
  cluster of its own precision with an overlapping period (the same month or year) and a
  compatible status, or starts one. Status compatibility (``_Cluster.accepts_status``): held or
  ongoing never joins a cancelled cluster and cancelled never joins a held one; a plan published
  after a held cluster ended is a later occurrence.
* In the conflict families (roots 10-17: demand, disapprove, reject, threaten, protest, reduce
  relations, coerce) a mention directed the other way from a cluster's, with another CAMEO code,
  is another happening: India protesting to Pakistan (111) and Pakistan accusing India (112) on
  the same day are two events.
  (Not in 04, where a visit, 042, and its hosting, 043, report one happening both ways.)
* An undated mention (no publication date and no date in its sentence: ``date_basis``
  unknown or unanchored) joins the single undated cluster holding a report of its own article
  with the same status (any status when one of them is the headline, sentence 0, whose tense
  says little, and both have one CAMEO code), the same source when both are directed, and the same kind of
  happening (``events.families.happening_kind``: talks and calls one kind, a visit and its
  hosting another). An article repeats the talks it reports ("the call", "the talks between
  the two leaders"); a background event (``background``) and other kinds stay apart.
* Within a family, kinds of happening listed in ``events/data/happening_kinds.csv`` stay apart
  at every precision (``_Cluster.accepts_kind``): a visit and the talks held on it, ties
  restored and a leader's thanks, are two events (codebook §2) even on one date. A coarser
  report lying over both a visit and talks joins the one of its kind; an intent to meet (036)
  joins the talks.
* Multilateral meetings (no pair) group by forum, else by their sorted participants.
* Every ordering is total (ties broken by mention_id) and a group is always clustered whole, so
  the result does not depend on the order in which days were loaded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

import polars as pl

from engagement.events.families import family_of, happening_kind, joining_kind, kinds_differ
from engagement.events.periods import period_bounds
from engagement.warehouse.reference import level_ranks, status_tie_ranks

PRECISIONS = ("day", "month", "year")  # finest first
DIRECTED_FAMILIES = frozenset({"10", "11", "12", "13", "14", "15", "16", "17"})
_TOOK_PLACE = {"held", "ongoing"}
HEADLINE = 0  # sentence_idx of an article's first sentence: its headline, when it has one

EVENT_SCHEMA = {
    "event_id": pl.String,
    "actor1": pl.String,
    "actor2": pl.String,
    "source": pl.String,
    "target": pl.String,
    "family": pl.String,
    "cameo": pl.String,
    "root": pl.String,
    "goldstein": pl.Float64,
    "quad_class": pl.Int8,
    "plover": pl.String,
    "status": pl.String,
    "event_date": pl.String,
    "event_date_end": pl.String,
    "date_precision": pl.String,
    "date_start": pl.Date,
    "date_end": pl.Date,
    "level": pl.String,
    "location": pl.String,
    "forum": pl.String,
    "topics": pl.List(pl.String),
    "participants": pl.List(pl.String),
    "evidence_mention_id": pl.String,
    "evidence_article_id": pl.String,
    "evidence_text": pl.String,
    "mentions": pl.Int64,
    "articles": pl.Int64,
    "sources": pl.Int64,
    "first_reported": pl.Datetime("us", "UTC"),
    "last_reported": pl.Datetime("us", "UTC"),
}
ASSIGNMENT_SCHEMA = {"mention_id": pl.String, "event_id": pl.String}


def event_id_for(mention_id: str) -> str:
    """Stable event id derived from the mention that first reported the event."""
    return "ev_" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Cluster:
    precision: str | None  # None: the mention's date did not parse, it stays alone
    start: date | None
    end: date | None
    location: str | None
    members: list[dict] = field(default_factory=list)
    founding_cameo: str | None = None
    direction: tuple[str, str] | None = None  # (source, target) of its first directed mention
    # kept up to date by ``add``, so a large event's checks do not re-read all its members
    statuses: set[str] = field(default_factory=set)
    by_article: dict[str, list[dict]] = field(default_factory=dict)

    def accepts_direction(self, mention: dict) -> bool:
        """In a conflict family, a mention directed the other way with another CAMEO code is
        another happening (a protest and the counter-accusation); the same code the other way
        is more likely one report's direction read wrong."""
        if mention["_family"] not in DIRECTED_FAMILIES or mention["source"] is None or self.direction is None:
            return True
        return (mention["source"], mention["target"]) == self.direction or mention["cameo"] == self.founding_cameo

    def accepts_kind(self, mention: dict) -> bool:
        """A mention of a listed kind of happening (``data/happening_kinds.csv``) never joins a
        cluster founded by another listed kind: a visit and the talks held on it, or ties
        restored and a leader's thanks, are two events (codebook §2) even on one date. Codes not
        listed (036, an announced meeting) join by family as before."""
        return not kinds_differ(self.founding_cameo, mention["cameo"])

    def same_happening(self, mention: dict) -> bool:
        """Day precision: identical dates, or overlapping dates of the same kind of event."""
        start, end = mention["_start"], mention["_end"]
        if self.start == start and self.end == end:
            return True
        return self.overlaps(start, end) and mention["cameo"] == self.founding_cameo

    def overlaps(self, start: date, end: date) -> bool:
        return self.start is not None and start <= self.end and self.start <= end

    def lies_within(self, start: date, end: date) -> bool:
        return self.start is not None and start <= self.start and self.end <= end

    def accepts_location(self, location: str | None) -> bool:
        return self.location is None or location is None or self.location == location

    def accepts_status(self, mention: dict) -> bool:
        """Whether a month- or year-precision mention's status fits this cluster's happening.

        (At day precision the dates identify the happening and conflicting reports of it are
        settled by the status rule of ``_event_row``.)

        A happening called off did not take place: a report that it was held (or is going on)
        is another happening, and a cancellation does not join talks reported as held. A plan
        published after a held event had ended is about a later occurrence ("invited him for
        the next summit" after today's meeting). Planned mentions otherwise join anything, so
        an announcement and its later held or cancelled report stay one event.
        """
        statuses = self.statuses
        status = mention["status"]
        if status == "cancelled":
            return not statuses & _TOOK_PLACE
        if status in _TOOK_PLACE:
            return "cancelled" not in statuses
        published = mention["published_at"]
        return not (
            status == "planned"
            and statuses & _TOOK_PLACE
            and published is not None
            and self.end is not None
            and published.date() > self.end
        )

    def reports_kind_of(self, mention: dict) -> bool:
        """Whether the mention's own article already reports a happening of its kind here: an
        article names the talks it reports again and again ("the talks", "during the call")
        without a date, and those are one event."""
        if mention["date_basis"] == "background":
            return False
        kind = happening_kind(mention["cameo"])
        return any(
            (m["status"] == mention["status"] or _headline_and_body(m, mention))
            and m["date_basis"] != "background"
            and (m["source"] is None or mention["source"] is None or m["source"] == mention["source"])
            and happening_kind(m["cameo"]) == kind
            for m in self.by_article.get(mention["article_id"], ())
        )

    def add(self, mention: dict, widen: bool) -> None:
        self.members.append(mention)
        self.statuses.add(mention["status"])
        self.by_article.setdefault(mention["article_id"], []).append(mention)
        self.founding_cameo = self.founding_cameo or mention["cameo"]
        if self.direction is None and mention["source"] is not None:
            self.direction = (mention["source"], mention["target"])
        self.location = self.location or mention["location"]
        if widen:
            self.start = min(self.start, mention["_start"])
            self.end = max(self.end, mention["_end"])


def _headline_and_body(one: dict, other: dict) -> bool:
    """A headline (sentence 0) and a later sentence of its article reporting the same CAMEO code:
    one happening, whatever the headline's tense ("Rumsfeld Visits Iraq" over "began a visit")."""
    lines = {one["sentence_idx"], other["sentence_idx"]}
    return HEADLINE in lines and len(lines) == 2 and one["cameo"] == other["cameo"]


def _with_dates(mention: dict) -> dict:
    """Attach the mention's date range and precision, read from the date's own format."""
    bounds = period_bounds(mention["event_date"])
    end_bounds = period_bounds(mention["event_date_end"]) or bounds
    return {
        **mention,
        "_start": bounds[0] if bounds else None,
        "_end": max(end_bounds[1], bounds[0]) if bounds else None,
        "_precision": bounds[2] if bounds else None,
    }


def _sort_key(mention: dict) -> tuple:
    published = mention["published_at"]
    return (mention["_start"], mention["_end"], published is None, published, mention["mention_id"])


def _cluster_group(mentions: list[dict]) -> list[_Cluster]:
    """Cluster the mentions of one (pair, family) group; see the module docstring."""
    clusters: list[_Cluster] = []
    for precision in PRECISIONS:
        tier = sorted((m for m in mentions if m["_precision"] == precision), key=_sort_key)
        finer = [c for c in clusters if c.precision != precision]
        for mention in tier:
            start, end, location = mention["_start"], mention["_end"], mention["location"]
            inside = [
                c
                for c in finer
                if c.lies_within(start, end)
                and c.accepts_location(location)
                and c.accepts_status(mention)
                and c.accepts_direction(mention)
                and c.accepts_kind(mention)
            ]
            if len(inside) > 1:  # a visit and its talks: the report joins the one of its kind
                inside = [c for c in inside if happening_kind(c.founding_cameo) == joining_kind(mention["cameo"])]
            if len(inside) == 1:
                inside[0].add(mention, widen=False)
                continue
            same = next(
                (
                    c
                    for c in clusters
                    if c.precision == precision
                    and (c.same_happening(mention) if precision == "day" else c.overlaps(start, end))
                    and c.accepts_location(location)
                    and c.accepts_direction(mention)
                    and c.accepts_kind(mention)
                    and (precision == "day" or c.accepts_status(mention))
                ),
                None,
            )
            if same is None:
                same = _Cluster(precision, start, end, location)
                clusters.append(same)
            same.add(mention, widen=True)
    undated = (m for m in mentions if m["_precision"] is None)
    undated_of_article: dict[str, list[_Cluster]] = {}  # only a cluster holding the article can take it
    for mention in sorted(undated, key=lambda m: m["mention_id"]):
        same_report = [c for c in undated_of_article.get(mention["article_id"], ()) if c.reports_kind_of(mention)]
        if len(same_report) == 1:
            same_report[0].add(mention, widen=False)
            continue
        lone = _Cluster(None, None, None, mention["location"])
        lone.add(mention, widen=False)
        clusters.append(lone)
        undated_of_article.setdefault(mention["article_id"], []).append(lone)
    return clusters


def _latest_first(mention: dict) -> tuple:
    """The mention whose status the event takes: the latest report, and within one report the
    body's sentence over the headline's ("Rumsfeld Visits Iraq": a headline's tense is no tense)."""
    published = mention["published_at"]
    newest = -published.timestamp() if published else float("inf")
    headline = mention["sentence_idx"] == HEADLINE and mention["event_date"] is None  # a lead dates its event
    return (newest, headline, status_tie_ranks().get(mention["status"], 99), mention["mention_id"])


def _most_precise_first(mention: dict) -> tuple:
    precision = PRECISIONS.index(mention["_precision"]) if mention["_precision"] else len(PRECISIONS)
    published = mention["published_at"]
    newest = -published.timestamp() if published else float("inf")
    return (precision, newest, mention["mention_id"])


def _earliest_first(mention: dict) -> tuple:
    published = mention["published_at"]
    return (published is None, published or datetime.min, mention["mention_id"])


def _first_set(mentions: list[dict], column: str):
    return next((m[column] for m in mentions if m[column] is not None), None)


def _union(mentions: list[dict], column: str) -> list[str]:
    return sorted({value for m in mentions for value in (m[column] or [])})


def _event_row(members: list[dict]) -> dict:
    """Event attributes from its mentions (rules in core.events column comments)."""
    precise = sorted(members, key=_most_precise_first)
    latest = min(members, key=_latest_first)
    first = min(members, key=_earliest_first)
    best = precise[0]
    directed = next((m for m in precise if m["source"] is not None), None)
    ranks = level_ranks()
    levels = [m["level"] for m in members if m["level"] in ranks]
    published = [m["published_at"] for m in members if m["published_at"] is not None]
    return {
        "event_id": event_id_for(first["mention_id"]),
        "actor1": best["actor1"],
        "actor2": best["actor2"],
        "source": directed["source"] if directed else None,
        "target": directed["target"] if directed else None,
        "family": best["_family"],
        "cameo": best["cameo"],
        "root": best["root"],
        "goldstein": best["goldstein"],
        "quad_class": best["quad_class"],
        "plover": best["plover"],
        "status": latest["status"],
        "event_date": best["event_date"],
        "event_date_end": best["event_date_end"],
        "date_precision": best["_precision"],
        "date_start": best["_start"],
        "date_end": best["_end"],
        "level": min(levels, key=ranks.__getitem__) if levels else None,
        "location": _first_set(precise, "location"),
        "forum": _first_set(precise, "forum"),
        "topics": _union(members, "topics"),
        "participants": _union(members, "participants"),
        "evidence_mention_id": best["mention_id"],
        "evidence_article_id": best["article_id"],
        "evidence_text": best["evidence_text"],
        "mentions": len(members),
        "articles": len({m["article_id"] for m in members}),
        "sources": len({m["outlet"] for m in members if m["outlet"] is not None}),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
    }


def _group_key(mention: dict) -> tuple[str, str, str]:
    """Bilateral mentions group by their pair; a multilateral meeting (no pair) by its forum, or
    by its sorted participants when no forum is named, so it never merges into a bilateral."""
    if mention["actor1"] is not None:
        return mention["actor1"], mention["actor2"], mention["_family"]
    plenary = mention["forum"] or "+".join(sorted(mention["participants"] or []))
    return "", plenary, mention["_family"]


def span_of(mention: dict) -> tuple[date, date] | None:
    """The days a mention's date covers (its whole month or year at coarse precision), or None
    when undated. Mentions whose spans do not overlap, directly or through others of their group,
    never affect each other's clustering: every joining rule needs overlapping dates."""
    dated = _with_dates(mention)
    return (dated["_start"], dated["_end"]) if dated["_precision"] else None


def group_of(mention: dict) -> tuple[str, str, str]:
    """The clustering group of a mention row; events never span groups, so reclustering whole
    groups gives exactly what reclustering everything would (``rebuild.rebuild_events``)."""
    return _group_key({**mention, "_family": family_of(mention["cameo"], mention["root"])})


def cluster_events(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster event mentions; return (mention_id -> event_id assignments, one row per event).

    ``mentions`` has the columns of ``events.parquet`` plus ``published_at`` and ``outlet`` (the
    reporting article's publication time and news source).
    """
    groups: dict[tuple, list[dict]] = {}
    for row in mentions.to_dicts():
        mention = _with_dates(row)
        mention["_family"] = family_of(mention["cameo"], mention["root"])
        groups.setdefault(_group_key(mention), []).append(mention)
    events, assignments = [], []
    for key in sorted(groups):
        for cluster in _cluster_group(groups[key]):
            event = _event_row(cluster.members)
            events.append(event)
            assignments.extend((m["mention_id"], event["event_id"]) for m in cluster.members)
    events_frame = pl.DataFrame(events, schema=EVENT_SCHEMA).sort("event_id")
    assignment_frame = pl.DataFrame(assignments, schema=ASSIGNMENT_SCHEMA, orient="row").sort("mention_id")
    return assignment_frame, events_frame
