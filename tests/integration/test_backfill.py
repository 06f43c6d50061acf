"""`airflow backfill create` against a running scheduler fills each past day, and a reprocessing
backfill of the same range leaves every table exactly as it was."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import duckdb
import pytest

from tests.integration.airflow_runs import table_checksums
from tests.integration.airflow_stack import airflow_stack, postgres_server_url

pytestmark = pytest.mark.integration

FIRST, LAST = date(2025, 10, 1), date(2025, 10, 5)
DAYS = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
RUNS_TIMEOUT = 360  # seconds per backfill of the five days; measured 100-140 s on 2 busy cores

# Written for this test: (day, language, country pair the article reports on, text).
ARTICLES = [
    (
        "2025-10-01",
        "hi",
        ("IND", "JPN"),
        "विदेश मंत्री एस. जयशंकर ने बुधवार को नई दिल्ली में जापान के विदेश मंत्री ताकेशी इवाया से "
        "मुलाकात की। दोनों नेताओं ने रक्षा सहयोग, व्यापार और हिंद-प्रशांत क्षेत्र की स्थिति पर विस्तार से "
        "चर्चा की।\nविदेश मंत्रालय के प्रवक्ता ने कहा कि बातचीत सौहार्दपूर्ण माहौल में हुई और दोनों पक्षों ने "
        "अगले वर्ष वार्षिक शिखर सम्मेलन की तैयारियों की समीक्षा की।",
    ),
    (
        "2025-10-01",
        "en",
        ("FRA", "IND"),
        "External Affairs Minister S. Jaishankar spoke by phone with French Foreign Minister "
        "Jean-Noël Barrot on Wednesday, discussing defence cooperation, civil nuclear energy and "
        "the situation in West Asia.\nThe two ministers agreed to keep in close touch ahead of "
        "next year's strategic dialogue, the Ministry of External Affairs said in a statement.",
    ),
    (
        "2025-10-02",
        "en",
        ("AUS", "IND"),
        "Australian Foreign Minister Penny Wong held talks with External Affairs Minister "
        "S. Jaishankar in Canberra on Thursday, covering critical minerals, maritime security and "
        "education links.\nOfficials said the two sides also discussed student visas and research "
        "partnerships between universities.",
    ),
    (
        "2025-10-03",
        "hi",
        ("IND", "RUS"),
        "विदेश मंत्री एस. जयशंकर ने शुक्रवार को मॉस्को में रूस के विदेश मंत्री सर्गेई लावरोव के साथ वार्ता "
        "की। दोनों मंत्रियों ने ऊर्जा सहयोग, व्यापार भुगतान और संपर्क परियोजनाओं पर चर्चा की।\n"
        "अधिकारियों ने बताया कि बैठक में बहुपक्षीय मंचों पर समन्वय की भी समीक्षा की गई।",
    ),
    (
        "2025-10-04",
        "en",
        ("IND", "USA"),
        "External Affairs Minister S. Jaishankar and U.S. Secretary of State Marco Rubio spoke by "
        "phone on Saturday about the proposed bilateral trade agreement and energy cooperation.\n"
        "A State Department spokesperson said both sides remained committed to the partnership.",
    ),
    (
        "2025-10-05",
        "hi",
        ("BRA", "IND"),
        "विदेश मंत्री एस. जयशंकर ने रविवार को नई दिल्ली में ब्राज़ील के विदेश मंत्री माउरो विएरा से "
        "मुलाकात की। दोनों नेताओं ने व्यापार, कृषि और जलवायु सहयोग पर चर्चा की।\nब्रिक्स देशों के बीच "
        "समन्वय पर भी बातचीत हुई, विदेश मंत्रालय ने एक बयान में कहा।",
    ),
]


def _article_id(n: int, language: str) -> str:
    return f"bf-{language}-{n:03d}"


def _land(landing) -> None:
    """One JSONL file per language, as the wires deliver them."""
    for language in ("hi", "en"):
        lines = [
            json.dumps(
                {
                    "id": _article_id(n, lang),
                    "url": f"https://example.org/backfill/{day}/{lang}-{n}",
                    "title": text.split("\n")[0][:60],
                    "text": text,
                    "published": f"{day}T{'11:30:00+05:30' if lang == 'hi' else '11:00:00+00:00'}",
                    "language": lang,
                    "source": f"test-{lang}-wire",
                },
                ensure_ascii=False,
            )
            for n, (day, lang, _, text) in enumerate(ARTICLES)
            if lang == language
        ]
        (landing / f"{language}_wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _query(path, sql: str):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    server_url = postgres_server_url()
    root = tmp_path_factory.mktemp("backfill")
    landing = root / "landing"
    landing.mkdir()
    _land(landing)
    with airflow_stack(root, server_url, landing, root / "data") as running:
        running.unpause()
        yield running, root / "data" / "published" / "engagement_reporting.duckdb"


def _backfill_and_wait(running, *options: str) -> None:
    running.backfill(FIRST, LAST, *options)
    states = running.wait_for_backfill(DAYS, timeout=RUNS_TIMEOUT)
    assert states == {day: "success" for day in DAYS}, f"{states}\n{running.log_tail()}"


def test_backfill_fills_every_day_then_reprocessing_changes_nothing(stack):
    running, published = stack
    _backfill_and_wait(running, "--max-active-runs", "3")

    per_day = dict(_query(published, "SELECT day, count(*) FROM core.articles GROUP BY day"))
    assert per_day == Counter(date.fromisoformat(day) for day, *_ in ARTICLES)

    reported = set(
        _query(
            published,
            "SELECT m.day, m.article_id, e.actor1, e.actor2 "
            "FROM core.event_mentions m JOIN core.events e USING (event_id)",
        )
    )
    for n, (day, language, (actor1, actor2), _) in enumerate(ARTICLES):
        row = (date.fromisoformat(day), _article_id(n, language), actor1, actor2)
        assert row in reported, f"no {actor1}-{actor2} event from {row[1]} on {day}"

    # publishes left to another run's pending publish skip; the last one to run copies them all
    publishes = [ti for ti in running.task_instances() if ti["task_id"] == "publish"]
    assert {ti["state"] for ti in publishes} <= {"success", "skipped"}, publishes
    assert max(publishes, key=lambda ti: ti["end_date"])["state"] == "success", publishes

    first = table_checksums(published)
    _backfill_and_wait(running, "--reprocess-behavior", "completed", "--max-active-runs", "3")
    again = table_checksums(published)
    changed = sorted(
        name for name in first.keys() | again.keys() if first.get(name) != again.get(name)
    )
    assert not changed, f"reprocessing changed {changed}"
