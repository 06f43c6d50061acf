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
* In the conflict families (roots 10-20: demand, disapprove, reject, threaten, protest, reduce
  relations, coerce, assault, fight, mass violence; codebook §8 directs each) a mention directed
  the other way from a cluster's, with another CAMEO code, is another happening: India
  protesting to Pakistan (111) and Pakistan accusing India (112) on the same day are two events;
  so is the same code the other way when its own article reports both directions (fire and the
  answering fire), also among an article's undated reports.
  (Not in 04, where a visit, 042, and its hosting, 043, report one happening both ways.)
* An undated mention (no publication date and no date in its sentence: ``date_basis``
  unknown or unanchored) joins the single undated cluster holding a report of its own article
  with the same status (any status when one of them is the headline, sentence 0, whose tense
  says little, and both have one CAMEO code; held or ongoing when one is a hosting, the welcome
  on a visit going on), the same visitor when both are directed (a hosting's is its target),
  the same kind of happening (``events.families.happening_kind``: talks and calls one kind, a
  visit and its hosting another), and a compatible status (``_Cluster.accepts_status``: a visit
  called off and a visit made are two, even when the headline reports the first). An article
  repeats the talks it reports ("the call", "the talks between the two leaders"); a background
  event (``background``) and other kinds stay apart.
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

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from engagement.events.families import family_of, happening_kind, joining_kind, kinds_differ
from engagement.events.periods import period_bounds

PRECISIONS = ("day", "month", "year")  # finest first
DIRECTED_FAMILIES = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
TOOK_PLACE = frozenset({"held", "ongoing"})
HOSTING = "043"  # host a visit: the visit (042) seen from the host's side
HEADLINE = 0  # sentence_idx of an article's first sentence: its headline, when it has one
# A coarse mention's key for the last day of the finer clusters that settled it (``_Within``):
# while none of them changes, the mention joins none of them whatever else a load adds, so an
# incremental recluster may keep it (``rebuild``).
SETTLED_BY = "_settled_by"


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
    stored_id: str | None = None  # the stored event this cluster continues (``StoredGroup``)

    def accepts_direction(self, mention: dict) -> bool:
        """In a conflict family, a mention directed the other way with another CAMEO code is
        another happening (a protest and the counter-accusation); the same code the other way
        is more likely one report's direction read wrong, unless its own article reports both
        directions here (India's summons and Pakistan's in one story: tit for tat)."""
        if mention["_family"] not in DIRECTED_FAMILIES or mention["source"] is None or self.direction is None:
            return True
        if (mention["source"], mention["target"]) == self.direction:
            return True
        reverse = (mention["target"], mention["source"])
        return mention["cameo"] == self.founding_cameo and not any(
            (m["source"], m["target"]) == reverse for m in self.by_article.get(mention["article_id"], ())
        )

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

    def accepts_location(self, location: str | None) -> bool:
        return self.location is None or location is None or self.location == location

    def accepts_status(self, mention: dict) -> bool:
        """Whether a month- or year-precision mention's status fits this cluster's happening.

        (At day precision the dates identify the happening and conflicting reports of it are
        settled by the status rule of ``_event_row``.)

        A happening called off did not take place: a report that it was held (or is going on)
        is another happening, and a cancellation does not join talks reported as held. A plan
        published after a held event had ended is about a later occurrence ("invited him for
        the next summit" after today's meeting), and so is one published on the day talks were
        held, not going on ("invited him for a return visit" in the report of the meeting; "will
        meet the royal family during the visit" belongs to a visit going on). Planned mentions
        otherwise join anything, so an announcement and its later held or cancelled report stay
        one event.
        """
        statuses = self.statuses
        status = mention["status"]
        if status == "cancelled":
            return not statuses & TOOK_PLACE
        if status in TOOK_PLACE:
            return "cancelled" not in statuses
        published = mention["published_at"]
        if status != "planned" or not statuses & TOOK_PLACE or published is None or self.end is None:
            return True
        day = published.date()
        return not (day > self.end or (day == self.end and "ongoing" not in statuses))

    def reports_kind_of(self, mention: dict) -> bool:
        """Whether the mention's own article already reports a happening of its kind here: an
        article names the talks it reports again and again ("the talks", "during the call")
        without a date, and those are one event."""
        if mention["date_basis"] == "background":
            return False
        kind = happening_kind(mention["cameo"])
        return any(
            (_same_status(m, mention) or _headline_and_body(m, mention))
            and m["date_basis"] != "background"
            and (m["source"] is None or mention["source"] is None or _visitor(m) == _visitor(mention))
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


def _same_status(one: dict, other: dict) -> bool:
    """One status, or a visit going on and the welcome held on it (a hosting, both taking place)."""
    statuses, cameos = {one["status"], other["status"]}, {one["cameo"], other["cameo"]}
    return len(statuses) == 1 or (statuses <= TOOK_PLACE and HOSTING in cameos)


def _visitor(mention: dict) -> str | None:
    """The side a directed report starts from, a hosting (043) read as the visit it receives:
    "the PM welcomed the Crown Prince" and "the Crown Prince arrived on a visit" are one visit."""
    return mention["target"] if mention["cameo"] == HOSTING else mention["source"]


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


@dataclass
class StoredGroup:
    """What an incremental recluster keeps of a group from the warehouse (``rebuild``): its stored
    clusters as they stood before the reclustered mentions (state from their kept members, in
    founding order), the kept coarser mentions that joined them, and the coarse periods whose
    finer clusters were read only in part (a capped read; see ``_Within``)."""

    clusters: list[_Cluster] = field(default_factory=list)
    joiners: list[tuple[_Cluster, dict]] = field(default_factory=list)
    # (precision, start, end) of a period read in part -> the day every unread finer cluster of
    # it, all of them held, had ended by (None when that is not known)
    partial_spans: dict[tuple, date | None] = field(default_factory=dict)

    def read_in_part(self, mention: dict) -> bool:
        """Whether finer clusters that could take this coarse mention may be unread. A plan
        published after every unread cluster (all held or going on) had ended fits none of them
        (``_Cluster.accepts_status``): its read is whole."""
        key = (mention["_precision"], mention["_start"], mention["_end"])
        if key not in self.partial_spans:
            return False
        ended_by, published = self.partial_spans[key], mention["published_at"]
        return not (
            ended_by is not None
            and mention["status"] == "planned"
            and published is not None
            and published.date() > ended_by
        )


class PartialRead(Exception):
    """The inside rule needed every finer cluster of a span that was read only in part."""


def _finer_than(precision: str | None, tier: str) -> bool:
    return precision is not None and PRECISIONS.index(precision) < PRECISIONS.index(tier)


class _Within:
    """A tier's finer clusters sorted by start, for the inside rule: a coarse mention joins the
    single compatible finer cluster lying in its period (of its joining kind when several lie
    there). Scanning stops once two compatible clusters, two of them of its kind, are seen: no
    later cluster can make either count one again."""

    def __init__(self, clusters: list[_Cluster]):
        self.clusters = sorted(clusters, key=lambda c: c.start)
        self.starts = [c.start for c in self.clusters]

    def single(self, mention: dict, partial: bool) -> _Cluster | None:
        """The finer cluster the mention joins, if any. A mention that met two compatible
        clusters, two of its kind, joins none whatever else lies in its period: it is marked
        ``_settled_by`` the last day those four end (``SETTLED_BY``)."""
        start, end, kind = mention["_start"], mention["_end"], joining_kind(mention["cameo"])
        first_any = first_kind = None
        ends_any: list[date] = []
        ends_kind: list[date] = []
        for index in range(bisect_left(self.starts, start), bisect_right(self.starts, end)):
            cluster = self.clusters[index]
            if not (
                cluster.end <= end
                and cluster.accepts_location(mention["location"])
                and cluster.accepts_status(mention)
                and cluster.accepts_direction(mention)
                and cluster.accepts_kind(mention)
            ):
                continue
            ends_any.append(cluster.end)
            first_any = first_any or cluster
            if happening_kind(cluster.founding_cameo) == kind:
                ends_kind.append(cluster.end)
                first_kind = first_kind or cluster
            if len(ends_any) > 1 and len(ends_kind) > 1:
                mention[SETTLED_BY] = max(*ends_any[:2], *ends_kind[:2])
                return None
        count_any, count_kind = len(ends_any), len(ends_kind)
        if partial:
            raise PartialRead(mention["mention_id"])
        if count_any == 1:
            return first_any
        return first_kind if count_kind == 1 else None


def _cluster_tier(precision: str, tier: list[dict], clusters: list[_Cluster], stored: StoredGroup) -> list[_Cluster]:
    """Place one tier's mentions (in date order) into the finer clusters lying in their period
    or the first cluster of their own precision they fit; return the clusters it started.

    Mentions come by start date and every own-precision rule needs overlapping dates, so a
    cluster ending before a mention's start is out of reach of it and of every later one."""
    within = _Within([c for c in clusters if _finer_than(c.precision, precision)]) if precision != "day" else None
    reachable = [c for c in clusters if c.precision == precision]  # creation order
    started: list[_Cluster] = []
    since = None
    for mention in tier:
        start, end, location = mention["_start"], mention["_end"], mention["location"]
        if start != since:
            reachable = [c for c in reachable if c.end >= start]
            since = start
        if within is not None:
            inside = within.single(mention, stored.read_in_part(mention))
            if inside is not None:
                inside.add(mention, widen=False)
                continue
        fitting = [
            c
            for c in reachable
            if (c.same_happening(mention) if precision == "day" else c.overlaps(start, end))
            and c.accepts_location(location)
            and c.accepts_direction(mention)
            and c.accepts_kind(mention)
            and (precision == "day" or c.accepts_status(mention))
        ]
        same = _own_direction_first(mention, fitting)
        if same is None:
            same = _Cluster(precision, start, end, location)
            reachable.append(same)
            started.append(same)
        same.add(mention, widen=True)
    return started


def _own_direction_first(mention: dict, fitting: list[_Cluster]) -> _Cluster | None:
    """The first cluster a mention fits; a directed conflict mention takes the first of its own
    code and direction where there is one (the two summonses of a tit for tat are two events)."""
    first = fitting[0] if fitting else None
    if mention["_family"] in DIRECTED_FAMILIES and mention["source"] is not None:
        own = (mention["source"], mention["target"])
        return next((c for c in fitting if c.direction == own and c.founding_cameo == mention["cameo"]), first)
    return first


def _cluster_group(mentions: list[dict], stored: StoredGroup | None = None) -> list[_Cluster]:
    """Cluster the mentions of one (pair, family) group; see the module docstring. ``stored``
    continues the group's clustering from the warehouse: its clusters come first (in founding
    order) and its kept joiners join them at their tier, as in a run over every mention."""
    stored = stored or StoredGroup()
    clusters: list[_Cluster] = list(stored.clusters)
    for precision in PRECISIONS:
        for cluster, joiner in stored.joiners:
            if joiner["_precision"] == precision:
                cluster.add(joiner, widen=False)
        tier = sorted((m for m in mentions if m["_precision"] == precision), key=_sort_key)
        clusters.extend(_cluster_tier(precision, tier, clusters, stored))
    undated = (m for m in mentions if m["_precision"] is None)
    undated_of_article: dict[str, list[_Cluster]] = {}  # only a cluster holding the article can take it
    for mention in sorted(undated, key=lambda m: m["mention_id"]):
        same_report = [
            c
            for c in undated_of_article.get(mention["article_id"], ())
            if c.reports_kind_of(mention) and c.accepts_direction(mention) and c.accepts_status(mention)
        ]
        if len(same_report) == 1:
            same_report[0].add(mention, widen=False)
            continue
        lone = _Cluster(None, None, None, mention["location"])
        lone.add(mention, widen=False)
        clusters.append(lone)
        undated_of_article.setdefault(mention["article_id"], []).append(lone)
    return clusters


def _group_key(mention: dict) -> tuple[str, str, str]:
    """Bilateral mentions group by their pair; a multilateral meeting (no pair) by its forum, or
    by its sorted participants when no forum is named, so it never merges into a bilateral."""
    if mention["actor1"] is not None:
        return mention["actor1"], mention["actor2"], mention["_family"]
    plenary = mention["forum"] or "+".join(sorted(mention["participants"] or []))
    return "", plenary, mention["_family"]


def span_of(mention: dict) -> tuple[date, date, str] | None:
    """The days a mention's date covers (its whole month or year at coarse precision) and that
    precision, or None when undated. Every joining rule needs overlapping dates."""
    dated = _with_dates(mention)
    return (dated["_start"], dated["_end"], dated["_precision"]) if dated["_precision"] else None


def group_of(mention: dict) -> tuple[str, str, str]:
    """The clustering group of a mention row; events never span groups, so reclustering whole
    groups gives exactly what reclustering everything would (``rebuild.rebuild_events``)."""
    return _group_key({**mention, "_family": family_of(mention["cameo"], mention["root"])})


@dataclass
class Reclustered:
    """A recluster's result, as mention ids: the clusters it started that no stored event equals
    (``event_rows`` makes their events from the members' full rows), the reclustered mentions
    that joined each stored cluster (``rebuild`` recomputes those with their kept members), the
    stored events a new cluster equals member for member (kept as they are), and the groups that
    need a full read of their stored clusters (``PartialRead``)."""

    started: list[list[str]] = field(default_factory=list)
    joined: dict[str, list[str]] = field(default_factory=dict)
    unchanged: set[str] = field(default_factory=set)
    partial_groups: set[tuple] = field(default_factory=set)
    # reclustered coarse mention id -> the day it is settled by (``SETTLED_BY``)
    settled: dict[str, date] = field(default_factory=dict)


def dated(row: dict) -> dict:
    mention = _with_dates(row)
    mention["_family"] = family_of(mention["cameo"], mention["root"])
    return mention


def recluster(mentions: list[dict], stored: dict[tuple, StoredGroup] | None = None) -> Reclustered:
    """Cluster event mentions, continuing each group's ``stored`` clusters when given.

    Each mention needs the columns the rules read (group, code, status, dates, location,
    direction, article, sentence) and ``published_at``; ``previous_event`` and
    ``previous_mentions`` when it comes from the warehouse.
    """
    stored = stored or {}
    groups: dict[tuple, list[dict]] = {}
    for row in mentions:
        mention = dated(row)
        groups.setdefault(_group_key(mention), []).append(mention)
    result = Reclustered()
    for key in sorted(groups):
        try:
            clusters = _cluster_group(groups[key], stored.get(key))
        except PartialRead:
            result.partial_groups.add(key)
            continue
        result.settled.update((m["mention_id"], m[SETTLED_BY]) for m in groups[key] if SETTLED_BY in m)
        for cluster in clusters:
            ids = [m["mention_id"] for m in cluster.members if not m.get("_kept")]
            if cluster.stored_id is not None:
                if ids:
                    result.joined[cluster.stored_id] = ids
                continue
            previous = same_as_stored(cluster.members)
            if previous is None:
                result.started.append(ids)
            else:
                result.unchanged.add(previous)
    return result


def same_as_stored(members: list[dict]) -> str | None:
    """The stored event these members made up exactly (each was in it, and it had as many), whose
    row therefore stands as it is; None otherwise."""
    previous = {m.get("previous_event") for m in members}
    if len(previous) != 1 or None in previous or members[0].get("previous_mentions") != len(members):
        return None
    return previous.pop()


def stored_groups(clusters: list[dict], joiners: list[dict], partial_spans: list[tuple]) -> dict[tuple, StoredGroup]:
    """Build each group's ``StoredGroup`` from rows ``rebuild`` read: ``clusters`` (a stored
    event's group, precision, span and state from its kept members, founding order), ``joiners``
    (kept coarser mentions with their event and the columns ``_Cluster.add`` reads) and
    ``partial_spans`` ((group, precision, start, end, ended_by): see ``StoredGroup``)."""
    by_id: dict[str, _Cluster] = {}
    stored: defaultdict[tuple, StoredGroup] = defaultdict(StoredGroup)  # one per group, not per row
    for row in clusters:
        cluster = _Cluster(row["precision"], row["span_start"], row["span_end"], row["location"])
        cluster.founding_cameo = row["founding_cameo"]
        cluster.direction = (row["source"], row["target"]) if row["source"] is not None else None
        cluster.statuses = set(row["statuses"])
        cluster.stored_id = row["event_id"]
        by_id[row["event_id"]] = cluster
        stored[row["group"]].clusters.append(cluster)
    for row in sorted((_with_dates(r) for r in joiners), key=_sort_key):  # every joiner's event is read
        stored[row["group"]].joiners.append((by_id[row["event_id"]], {**row, "_kept": True}))
    for group, precision, start, end, ended_by in partial_spans:
        stored[group].partial_spans[(precision, start, end)] = ended_by
    return dict(stored)
