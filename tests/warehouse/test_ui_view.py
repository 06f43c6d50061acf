"""The engagement view's queries and app, on a real published file (no Airflow).

Three staged days: the Kazan meeting (announced on the 21st, held on the 22nd), India-China
border talks (21st) and Modi meeting Xi (23rd), plus a 25 October day written here: Pakistan
accusing India (verbal conflict) and an India-Japan summit planned for December.
"""

from __future__ import annotations

from datetime import date

import pytest
from engagement import aggregate, publish
from engagement.config import load_settings
from engagement.ui.app import create_app
from engagement.ui.view import BadRequest, EngagementView, Window, load_family_names
from fastapi import Depends, HTTPException
from fastapi.testclient import TestClient
from warehouse_staging import DAY_A, DAY_B, article, event_mention, write_day, write_day_a, write_day_b

DAY_C = date(2024, 10, 25)
OCTOBER = Window(date(2024, 10, 1), date(2024, 10, 31))
ACCUSATION = "Pakistan accused India of violating the ceasefire along the Line of Control"
SUMMIT = "Japan's prime minister will visit New Delhi in December for the annual summit"


def write_day_c(settings) -> None:
    accusation = article("dawn-001", "dawn", "2024-10-25T07:00:00", "en", [ACCUSATION + "."])
    summit = article("nikkei-001", "nikkei", "2024-10-25T10:00:00", "en", [SUMMIT + "."])
    write_day(
        settings,
        DAY_C,
        [accusation, summit],
        [],
        [
            event_mention("dawn-001", 0, ("IND", "PAK"), "112", "held", "2024-10-24", ACCUSATION, source="PAK"),
            event_mention("nikkei-001", 0, ("IND", "JPN"), "036", "planned", "2024-12", SUMMIT, location="IND"),
        ],
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The three days aggregated and published, as the DAG leaves them (once for the module)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path_factory.mktemp("ui-view") / "data"))
        settings = load_settings()
    for write in (write_day_a, write_day_b, write_day_c):
        write(settings)
    for day in (DAY_A, DAY_B, DAY_C):
        aggregate.run(day, settings)
    publish.run(DAY_C, settings)
    return settings


@pytest.fixture
def view(published) -> EngagementView:
    return EngagementView(published.published_path, load_family_names())


def by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def test_view_follows_a_new_publish(staged):
    """publish replaces the file; the view's open connection gives way to the new copy."""
    for day in (DAY_A, DAY_B):
        aggregate.run(day, staged)
    publish.run(DAY_B, staged)
    view = EngagementView(staged.published_path, load_family_names())
    assert view.overview(today=DAY_B)["events"] == 3
    write_day_c(staged)
    aggregate.run(DAY_C, staged)
    publish.run(DAY_C, staged)
    assert view.overview(today=DAY_C)["events"] == 5
    assert view.day(DAY_C)["counts"]["articles"] == 2


def test_family_names_come_from_the_data_file():
    names = load_family_names()
    assert len(names) == 20 and names["04"] == "Consult" and names["11"] == "Disapprove"


def test_overview_lists_countries_with_events_and_a_year_up_to_the_last_day(view):
    overview = view.overview(today=date(2024, 11, 1))
    countries = by(overview["countries"], "iso3")
    assert set(countries) == {"CHN", "IND", "JPN", "PAK", "RUS"}
    assert countries["IND"]["name"] == "India" and countries["IND"]["events"] == 5
    assert (overview["first_day"], overview["last_day"]) == (DAY_A, DAY_C)
    assert overview["default_window"] == {"from": date(2023, 10, 27), "to": DAY_C}


def test_partners_keep_cooperation_and_conflict_apart(view):
    partners = view.partners("ind", OCTOBER)["partners"]
    # most events first, then most cooperative; JPN's summit is in December
    assert [p["partner"] for p in partners] == ["CHN", "RUS", "PAK"]
    china, russia, pakistan = partners
    assert (china["events"], china["cooperation"], china["conflict"], china["held"]) == (2, 2, 0, 2)
    assert (pakistan["cooperation"], pakistan["conflict"], pakistan["verbal_conflict"]) == (0, 1, 1)
    assert (pakistan["goldstein_conflict"], pakistan["goldstein_cooperation"]) == (-2.0, 0)
    assert russia["name"] == "Russia" and russia["mentions"] == 4 and russia["goldstein_sum"] > 0


def test_window_counts_an_event_whose_month_overlaps_it(view):
    december = view.partners("IND", Window(date(2024, 12, 15), date(2025, 1, 31)))["partners"]
    assert [(p["partner"], p["planned"]) for p in december] == [("JPN", 1)]
    assert view.partners("IND", Window(date(2025, 1, 1), date(2025, 1, 31)))["partners"] == []


def test_timeline_by_month_and_family(view):
    timeline = view.timeline("IND", "CHN", OCTOBER)
    assert timeline["pair"] == ["CHN", "IND"] and timeline["months"] == ["2024-10"]
    assert timeline["series"] == [{"family": "04", "family_name": "Consult", "events": [2]}]
    assert view.timeline("PAK", "IND", OCTOBER)["series"][0]["family_name"] == "Disapprove"


def test_pair_events_carry_evidence_precision_and_article(view):
    events = view.pair_events("RUS", "IND", OCTOBER)["events"]
    assert len(events) == 1
    kazan = events[0]
    assert (kazan["status"], kazan["event_date"], kazan["date_precision"]) == ("held", "2024-10-22", "day")
    assert kazan["evidence_text"].startswith("Modi and Putin held talks in Kazan")
    assert kazan["article_url"] == "https://reuters.example/reuters-001"
    assert (kazan["family_name"], kazan["forum"], kazan["quad_name"]) == ("Consult", "BRICS", "verbal cooperation")
    narrowed = view.pair_events("IND", "CHN", OCTOBER, family="04", month="2024-10")["events"]
    assert [e["event_date"] for e in narrowed] == ["2024-10-23", "2024-10-21"]
    assert view.pair_events("IND", "CHN", OCTOBER, family="11")["events"] == []


def test_event_lists_every_report_with_its_sentence(view):
    kazan_id = view.pair_events("IND", "RUS", OCTOBER)["events"][0]["event_id"]
    event = view.event(kazan_id)
    reports = event["reports"]
    assert [r["status"] for r in reports] == ["planned", "planned", "planned", "held"]
    assert {r["article_id"] for r in reports} == {"pti-001", "bbchindi-001", "reuters-001"}
    assert "प्रधानमंत्री मोदी अक्टूबर में रूस जाएंगे" in [r["evidence_text"] for r in reports]
    assert reports[1]["date_precision"] in {"day", "month"} and all(r["article_url"] for r in reports)
    assert view.event("ev_missing") is None


def test_upcoming_lists_planned_events_from_today_on(view):
    upcoming = view.upcoming("IND", today=date(2024, 10, 26))["events"]
    assert [(e["actor1"], e["actor2"], e["event_date"], e["date_precision"]) for e in upcoming] == [
        ("IND", "JPN", "2024-12", "month")
    ]
    assert upcoming[0]["evidence_text"] == SUMMIT
    assert view.upcoming("IND", today=date(2025, 1, 1))["events"] == []


def test_day_counts_what_the_run_loaded(view):
    day = view.day(DAY_A)
    assert day["counts"]["articles"] == 3 and day["counts"]["quarantined"] == 1
    assert day["counts"]["event_mentions"] == 4 and day["counts"]["events_reported"] == 2
    assert [(p["actor1"], p["actor2"], p["events"]) for p in day["pairs"]] == [("IND", "RUS", 1), ("CHN", "IND", 1)]
    assert day["quarantine"] == [{"stage": "clean", "reason": "near_duplicate", "records": 1}]


def test_bad_parameters_are_refused(view):
    with pytest.raises(BadRequest):
        view.partners("India", OCTOBER)
    with pytest.raises(BadRequest):
        view.timeline("IND", "ind", OCTOBER)
    with pytest.raises(BadRequest):
        Window(date(2024, 11, 1), date(2024, 10, 1))
    with pytest.raises(BadRequest):
        view.pair_events("IND", "CHN", OCTOBER, month="October")


def client(settings, **kwargs) -> TestClient:
    return TestClient(create_app(settings, today=lambda: date(2024, 10, 26), **kwargs))


def test_app_serves_page_chart_library_and_json(published):
    http = client(published)
    page = http.get("/")
    assert page.status_code == 200 and '<base href="/">' in page.text
    assert 'src="static/vendor/chart.umd.min.js"' in page.text
    chart = http.get("/static/vendor/chart.umd.min.js")
    assert chart.status_code == 200 and "Chart.js v4.6.1" in chart.text[:200]
    assert http.get("/static/index.html").status_code == 404
    assert http.get("/static/../view.py").status_code == 404
    partners = http.get("/api/partners", params={"country": "IND", "from": "2024-10-01", "to": "2024-10-31"})
    assert [p["partner"] for p in partners.json()["partners"]] == ["CHN", "RUS", "PAK"]
    default_window = http.get("/api/partners", params={"country": "IND"}).json()["window"]
    assert default_window == {"date_from": "2023-10-27", "date_to": "2024-10-25"}
    assert http.get("/api/upcoming", params={"country": "IND"}).json()["events"][0]["actor2"] == "JPN"
    assert http.get("/api/day/2024-10-25").json()["counts"]["articles"] == 2
    assert http.get("/api/partners", params={"country": "IN"}).status_code == 400
    assert http.get("/api/event/ev_missing").status_code == 404


def test_app_links_a_run_to_its_day(published):
    runs = {("bilateral_engagement", "scheduled__2024-10-21T00:00:00+00:00"): DAY_A}
    http = client(published, run_day=lambda dag_id, run_id: runs.get((dag_id, run_id)))
    found = http.get("/run/bilateral_engagement/scheduled__2024-10-21T00:00:00+00:00", follow_redirects=False)
    assert found.status_code == 307 and found.headers["location"] == "/?day=2024-10-21"
    assert http.get("/run/bilateral_engagement/manual__x", follow_redirects=False).status_code == 404


def test_app_without_a_published_file_says_so(settings):
    response = client(settings).get("/api/overview")
    assert response.status_code == 503 and "no run has published" in response.json()["detail"]


def test_every_route_is_behind_the_given_dependency(published):
    def refuse():
        raise HTTPException(status_code=401, detail="Not authenticated")

    http = client(published, dependencies=[Depends(refuse)])
    for path in ("/", "/static/view.js", "/api/overview", "/api/day/2024-10-21", "/run/d/r"):
        assert http.get(path).status_code == 401, path
