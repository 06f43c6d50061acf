"""The engagement view in a real headless Chromium, inside the Airflow UI, on the demo's data.

Logs in through Airflow's login page, opens Browse > Engagement, picks India and checks the
partner chart, a pair's monthly timeline and an event's evidence sentences against the
published DuckDB file; then opens a DAG run's Engagement tab. Screenshots go to
test-artifacts/ui/ (git-ignored). Chromium is Debian's ``chromium`` with ``chromium-driver``
(scripts/test.sh installs them), driven by the pinned Selenium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts" / "ui"
WAIT = 60  # seconds; pages are quick, but the 2 cores are shared with other test runs
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def browser(monkeypatch_module):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: scripts/test.sh installs Debian's chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch_module.setenv("SE_OFFLINE", "true")  # Selenium Manager must not download drivers
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def wait(driver, condition, what: str):
    """Wait for ``condition``; an element React re-rendered meanwhile (stale) is looked up again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    waiting = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    return waiting.until(condition, message=f"waiting for {what}")


def click_when_ready(driver, css: str, test, what: str) -> None:
    """Find and click in one step, again if the element went stale between the two."""
    wait(driver, lambda d: (element := first(d, css, test)) is not None and (element.click() or True), what)


def by_id(driver, element_id: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def first(driver, css: str, test):
    """The first element matching ``css`` for which ``test(element)`` holds, else None."""
    from selenium.webdriver.common.by import By

    return next((e for e in driver.find_elements(By.CSS_SELECTOR, css) if test(e)), None)


def log_in(driver, base_url: str, user: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base_url}/")
    wait(driver, lambda d: d.find_elements(By.NAME, "username"), "the login form")
    driver.find_element(By.NAME, "username").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "/auth/login" not in d.current_url and d.get_cookie("_token"), "the login")


def enter_view_frame(driver) -> None:
    """Switch into the iframe in which the Airflow UI shows the plugin's page."""
    in_view = lambda frame: "/engagement/" in frame.get_attribute("src")  # noqa: E731
    frame = wait(driver, lambda d: first(d, "iframe", in_view), "the engagement view's frame")
    driver.switch_to.frame(frame)


def query(published: Path, sql: str, params: list) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def expected_partners(published: Path, country: str, date_from: str, date_to: str) -> dict[str, tuple]:
    """(events, cooperation, conflict) per partner, counted straight from core.events."""
    rows = query(
        published,
        "SELECT CASE WHEN actor1 = $1 THEN actor2 ELSE actor1 END AS partner, count(*),"
        " count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))"
        " FROM core.events WHERE $1 IN (actor1, actor2)"
        " AND date_start <= $3::DATE AND coalesce(date_end, date_start) >= $2::DATE GROUP BY 1",
        [country, date_from, date_to],
    )
    return {partner: tuple(counts) for partner, *counts in rows}


def test_india_partners_timeline_and_evidence_in_chromium(browser, demo_stack):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    log_in(browser, demo_stack.base_url, "viewer", demo_stack.password("viewer"))
    click_when_ready(browser, "button[aria-label=Browse]", lambda element: True, "the nav")
    click_when_ready(browser, "[role=menuitem]", lambda element: element.text == "Engagement", "Browse > Engagement")
    enter_view_frame(browser)
    wait(browser, lambda d: len(Select(by_id(d, "country")).options) > 1, "the country picker")
    Select(by_id(browser, "country")).select_by_value("IND")

    # Partners: table and chart show what core.events holds for India in the page's window.
    date_from, date_to = by_id(browser, "from").get_attribute("value"), by_id(browser, "to").get_attribute("value")
    expected = expected_partners(demo_stack.published, "IND", date_from, date_to)
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#partners-table tbody tr"), "the partners")
    shown = {
        row.get_attribute("data-partner"): tuple(int(td.text) for td in row.find_elements(By.TAG_NAME, "td")[1:4])
        for row in rows
    }
    assert shown == expected and len(shown) >= 3
    chart = browser.execute_script(
        "const c = Chart.getChart(document.getElementById('partners-chart'));"
        "return {labels: c.data.labels, coop: c.data.datasets[0].data, conflict: c.data.datasets[1].data};"
    )
    assert chart["labels"] and [(expected[p][1], expected[p][2]) for p in chart["labels"]] == list(
        zip(chart["coop"], chart["conflict"], strict=True)
    )

    # A pair's timeline: India and Russia by month, as many events as core.events has.
    by_id(browser, "partners-table").find_element(By.CSS_SELECTOR, "tr[data-partner=RUS]").click()
    wait(browser, lambda d: "Russia" in by_id(d, "pair-name").text, "the India-Russia timeline")
    timeline = browser.execute_script(
        "const c = Chart.getChart(document.getElementById('timeline-chart'));"
        "return {months: c.data.labels, totals: c.data.labels.map((_, i) =>"
        " c.data.datasets.reduce((sum, d) => sum + d.data[i], 0))};"
    )
    monthly = query(
        demo_stack.published,
        "SELECT strftime(date_start, '%Y-%m'), count(*) FROM core.events WHERE actor1 = 'IND' AND actor2 = 'RUS'"
        " AND date_precision IN ('day', 'month') AND date_start BETWEEN $1::DATE AND $2::DATE GROUP BY 1 ORDER BY 1",
        [date_from, date_to],
    )
    assert list(zip(timeline["months"], timeline["totals"], strict=True)) == monthly and monthly
    browser.switch_to.default_content()
    browser.save_screenshot(str(ARTIFACTS / "1-partners-and-timeline.png"))
    enter_view_frame(browser)

    # Click through to an event: every report's evidence sentence and article link.
    pair_events = "#events-table[data-pair=IND-RUS] tbody tr"
    first_event = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, pair_events), "the pair's events")[0]
    event_id = first_event.get_attribute("data-event-id")
    first_event.find_element(By.CSS_SELECTOR, "td.evidence").click()
    wait(browser, lambda d: by_id(d, "event-id").text == event_id, "the event's reports")
    reports = browser.find_elements(By.CSS_SELECTOR, "#event-reports tbody tr")
    evidence = [" ".join(row.find_element(By.CSS_SELECTOR, "td.evidence").text.split()) for row in reports]
    links = [row.find_element(By.CSS_SELECTOR, "a.article-link").get_attribute("href") for row in reports]
    stored = query(
        demo_stack.published,
        "SELECT em.evidence_text, a.url FROM core.event_mentions em JOIN core.articles a USING (article_id)"
        " WHERE em.event_id = $1 ORDER BY a.published_at, em.mention_id",
        [event_id],
    )
    assert list(zip(evidence, links, strict=True)) == [(" ".join(text.split()), url) for text, url in stored]
    browser.save_screenshot(str(ARTIFACTS / "2-event-evidence.png"))
    browser.switch_to.default_content()


def test_a_runs_engagement_tab_shows_the_days_counts(browser, demo_stack):
    from selenium.webdriver.common.by import By

    day = query(demo_stack.published, "SELECT max(day)::VARCHAR FROM core.articles", [])[0][0]
    browser.get(f"{demo_stack.base_url}/dags/bilateral_engagement/runs/manual__{day}T00:00:00+00:00")
    if "/auth/login" in browser.current_url:
        log_in(browser, demo_stack.base_url, "viewer", demo_stack.password("viewer"))
        browser.get(f"{demo_stack.base_url}/dags/bilateral_engagement/runs/manual__{day}T00:00:00+00:00")
    click_when_ready(browser, "a, button", lambda t: t.text == "Engagement", "the run's tab")
    enter_view_frame(browser)
    articles = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "[data-count=articles] b").text, "counts")
    assert by_id(browser, "run-day-date").text == day
    stored = query(demo_stack.published, "SELECT count(*) FROM core.articles WHERE day = $1::DATE", [day])[0][0]
    assert int(articles) == stored > 0
    browser.switch_to.default_content()
    browser.save_screenshot(str(ARTIFACTS / "3-run-tab.png"))
