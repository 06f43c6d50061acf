"""Hostile feeds against the fetcher, over real HTTP on loopback.

Server-side request forgery (item links and redirects to loopback, private, link-local and
metadata addresses, other schemes), servers that drip bytes or stall, feeds with too many
items and XML entity bombs. Each must end as a refusal or a quarantine row with its reason,
the day's good article kept, and no packet sent anywhere but loopback.

Two independent witnesses prove that: the fetcher's socket backend here connects to loopback
only (anything else is recorded and refused without dialling), and a Python audit hook records
every ``socket.connect`` and ``getaddrinfo`` in the process. Host names resolve through
:class:`FakeDNS` only, never through real DNS.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpcore
import polars as pl
import pytest
import yaml
from engagement import ingest
from engagement.config import load_settings
from engagement.sources.config import FETCH_TASK_TIMEOUT
from engagement.sources.feeds import FeedError, parse_feed
from engagement.sources.fetch import FeedUnavailable, fetch_for_run, fetch_source
from engagement.sources.guard import Network
from engagement.sources.rawstore import read_manifest
from engagement.staging import Staging

DAY = date(2025, 11, 17)
PUBLISHED = "Mon, 17 Nov 2025 09:00:00 +0530"
GOOD_PAGE = (
    "<html lang='en'><head><title>India and Japan sign pact</title></head><body><article>"
    "<h1>India and Japan sign pact</h1><p>Prime Minister Narendra Modi held talks with Japanese "
    "Prime Minister Shigeru Ishiba in Tokyo and the two leaders signed an agreement on "
    "semiconductor supply chains.</p><p>External Affairs Minister S Jaishankar said the visit "
    "opened a new phase in the special strategic and global partnership.</p></article></body></html>"
)
SECRET = b"<html><body><article><p>internal admin console: token=hunter2</p></article></body></html>"


# --- witnesses ---------------------------------------------------------------------------------

_AUDIT_LOGS: list[list[tuple[str, object]]] = []


def _audit(event: str, args: tuple) -> None:
    if _AUDIT_LOGS and event in ("socket.connect", "socket.getaddrinfo"):
        _AUDIT_LOGS[-1].append((event, args[1] if event == "socket.connect" else args[0]))


sys.addaudithook(_audit)  # hooks cannot be removed; it records only while a test's log is open


@pytest.fixture
def audit_log():
    """Every socket connect and name lookup the whole process makes during the test."""
    log: list[tuple[str, object]] = []
    _AUDIT_LOGS.append(log)
    yield log
    _AUDIT_LOGS.remove(log)


@dataclass
class FakeDNS:
    """The only resolver the fetcher gets: fixed answers, and an error for any other name.

    ``answers`` may hold a list of answers per name, served in turn (DNS rebinding).
    """

    answers: dict[str, list[list[str]]]
    lookups: list[str] = field(default_factory=list)

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        served = self.answers.get(host)
        if not served:
            raise socket.gaierror(socket.EAI_NONAME, f"{host}: not in the test's DNS")
        return served.pop(0) if len(served) > 1 else served[0]


class LoopbackOnlyBackend(httpcore.SyncBackend):
    """Records every address the fetcher dials; refuses (without dialling) anything off loopback."""

    def __init__(self) -> None:
        self.dialled: list[tuple[str, int]] = []

    def connect_tcp(self, host: str, port: int, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        self.dialled.append((host, port))
        if not host.startswith("127."):
            raise httpcore.ConnectError(f"test safety net: {host} is not loopback")
        return super().connect_tcp(host, port, *args, **kwargs)


# --- the hostile server ------------------------------------------------------------------------


@dataclass
class Hostile:
    base: str
    port: int
    hits: Counter
    dripped: list[int]


def _rss(items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Item {n}</title><link>{link}</link><pubDate>{PUBLISHED}</pubDate></item>"
        for n, link in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title>'
        f"<language>en</language>{entries}</channel></rss>"
    ).encode()


class HostileHandler(BaseHTTPRequestHandler):
    server_state: Hostile
    feeds: dict[str, bytes]

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        path, _, query_string = self.path.partition("?")  # not urlsplit: some targets are invalid
        self.server_state.hits[path] += 1
        query = parse_qs(query_string)
        try:
            if path in self.feeds:
                self._send(200, self.feeds[path], "application/rss+xml")
            elif path.startswith("/good"):
                self._send(200, GOOD_PAGE.encode(), "text/html; charset=utf-8")
            elif path == "/secret":
                self._send(200, SECRET, "text/html")
            elif path == "/redirect":
                self.send_response(302)
                self.send_header("Location", query["to"][0])
                self.end_headers()
            elif path == "/drip":
                self._drip(float(query["every"][0]))
            elif path == "/drip-headers":
                self._drip(float(query["every"][0]), headers_too=True)
            elif path.startswith("/slow"):
                time.sleep(float(query["s"][0]))
                self._send(200, GOOD_PAGE.encode(), "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _drip(self, every: float, headers_too: bool = False) -> None:
        """A response arriving one byte at a time for a minute: its body, or its headers too."""
        if headers_too:
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slowly: ")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "60")
            self.end_headers()
        for _ in range(int(60 / every)):
            self.wfile.write(b"x")
            self.wfile.flush()
            self.server_state.dripped.append(1)
            time.sleep(every)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hostile():
    """A loopback server; tests add feeds to ``hostile.feeds`` (path → bytes)."""
    feeds: dict[str, bytes] = {}
    state = Hostile(base="", port=0, hits=Counter(), dripped=[])
    handler = type("Handler", (HostileHandler,), {"server_state": state, "feeds": feeds})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    state.port = server.server_address[1]
    state.base = f"http://127.0.0.1:{state.port}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state, feeds
    server.shutdown()
    server.server_close()


def _settings(tmp_path, monkeypatch, sources: list[dict], **defaults):
    config = {
        "defaults": {
            "timeout": 2,
            "retries": 2,
            "backoff_seconds": 0.01,
            "user_agent": "engagement-hostile-tests/1.0",
            "allow_hosts": ["127.0.0.1"],
            **defaults,
        },
        "sources": [{"kind": "rss", "language": "en", "timezone": "Asia/Kolkata", **s} for s in sources],
    }
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("ENGAGEMENT_SOURCES_FILE", str(path))
    (tmp_path / "landing").mkdir(exist_ok=True)
    return load_settings()


def _looked_up(audit_log) -> set:
    return {host for event, host in audit_log if event == "socket.getaddrinfo"}


def _ingest(settings) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(quarantine, articles) of DAY."""
    ingest.run(DAY, settings)
    staging = Staging.from_settings(settings)
    return staging.read_all(DAY, "quarantine_ingest"), staging.read_all(DAY, "articles_raw")


# --- server-side request forgery ----------------------------------------------------------------


def test_links_and_redirects_to_inside_addresses_are_refused_before_any_connect(
    hostile, tmp_path, monkeypatch, audit_log
):
    server, feeds = hostile
    port, base = server.port, server.base
    inside = {
        f"http://127.0.0.2:{port}/secret": ("blocked_address", "127.0.0.2 (loopback)"),
        "http://10.0.0.1/admin": ("blocked_address", "10.0.0.1 (private)"),
        "http://169.254.169.254/latest/meta-data/": ("blocked_address", "cloud metadata service"),
        "http://192.168.1.1/": ("blocked_address", "192.168.1.1 (private)"),
        f"http://[::1]:{port}/secret": ("blocked_address", "::1 (loopback)"),
        "http://[::ffff:10.0.0.1]/": ("blocked_address", "private, embedded in IPv6"),
        "http://100.64.0.1/": ("blocked_address", "shared (carrier-grade NAT)"),
        f"http://0.0.0.0:{port}/secret": ("blocked_address", "unspecified"),
        "http://224.0.0.1/": ("blocked_address", "multicast"),
        f"http://intranet.test:{port}/secret": ("blocked_address", "intranet.test resolves to 127.0.0.1"),
        f"http://2130706433:{port}/secret": ("blocked_address", "2130706433 resolves to 127.0.0.1"),
        "http://[fe80::1]/": ("blocked_address", "fe80::1 (link-local)"),
        f"http://127.0.0.1:{port}@10.0.0.1/": ("blocked_address", "host 10.0.0.1 resolves"),  # userinfo trick
        "http://10.0.0.1.nip.io/": ("blocked_address", "10.0.0.1.nip.io resolves to 10.0.0.1"),
        "file:///etc/passwd": ("blocked_scheme", "scheme 'file'"),
        "gopher://127.0.0.1:70/_secret": ("blocked_scheme", "scheme 'gopher'"),
        # an allowed host redirecting inside: every hop is vetted
        f"{base}/redirect?to=http://intranet.test:{port}/secret": ("blocked_address", "intranet.test"),
        f"{base}/redirect?to=http://169.254.169.254/latest/": ("blocked_address", "169.254.169.254"),
        f"{base}/redirect?to=file:///etc/shadow": ("blocked_scheme", "scheme 'file'"),
        f"{base}/redirect?to=http://localhost:{port}/secret": ("blocked_address", "localhost resolves to 127.0.0.1"),
        f"{base}/redirect?to=http://[not-an-address]/": ("fetch_error", "Invalid URL in location header"),
    }
    feeds["/feed.rss"] = _rss([f"{base}/good/summit.html", *inside])
    settings = _settings(tmp_path, monkeypatch, [{"name": "hostile", "url": f"{base}/feed.rss"}])
    dns = FakeDNS(
        {
            "intranet.test": [["127.0.0.1"]],
            "2130706433": [["127.0.0.1"]],
            "10.0.0.1.nip.io": [["10.0.0.1"]],
            "localhost": [["127.0.0.1", "::1"]],
        }
    )
    backend = LoopbackOnlyBackend()

    summary = fetch_source("hostile", DAY, settings, Network(resolve=dns, backend=backend))

    refused = {f["url"]: (f["reason"], f["detail"]) for f in summary["failures"]}
    refused["file:///etc/passwd"] = refused.pop("file://etc/passwd")  # as feedparser writes it
    assert set(refused) == set(inside)
    for url, (reason, words) in inside.items():
        assert refused[url][0] == reason, url
        assert words in refused[url][1], (url, refused[url][1])
    rows = read_manifest(settings.raw_store, DAY, "hostile")
    refusals = [row for row in rows if (row["error"] or "").startswith("blocked_")]
    assert len(refusals) == len(inside) - 1 and all(row["attempts"] <= 1 for row in refusals)  # never retried
    assert server.hits["/secret"] == 0 and server.hits["/good/summit.html"] == 1
    # Witnesses: the only address dialled, and the only socket connect in the process, is the
    # allowed server; names were looked up in the test's DNS only.
    assert set(backend.dialled) == {("127.0.0.1", port)}
    assert {address for event, address in audit_log if event == "socket.connect"} == {("127.0.0.1", port)}
    assert _looked_up(audit_log) <= {"127.0.0.1"}  # create_connection's numeric lookup, no DNS
    assert set(dns.lookups) == {"intranet.test", "2130706433", "10.0.0.1.nip.io", "localhost"}

    quarantine, articles = _ingest(settings)
    assert articles["url"].to_list() == [f"{base}/good/summit.html"]
    assert Counter(quarantine["reason"]) == Counter(reason for reason, _ in inside.values())
    assert "token=hunter2" not in " ".join(articles["text"])


def test_dns_rebinding_each_connect_vets_the_address_it_dials(hostile, tmp_path, monkeypatch, audit_log):
    """The name answers a public address first, loopback on the retry: the retry is refused."""
    server, feeds = hostile
    feeds["/feed.rss"] = _rss([f"http://rebind.test:{server.port}/secret"])
    settings = _settings(tmp_path, monkeypatch, [{"name": "rebind", "url": f"{server.base}/feed.rss"}])
    dns = FakeDNS({"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]})
    backend = LoopbackOnlyBackend()

    summary = fetch_source("rebind", DAY, settings, Network(resolve=dns, backend=backend))

    (failure,) = summary["failures"]
    assert failure["reason"] == "blocked_address"
    assert "rebind.test resolves to 127.0.0.1" in failure["detail"]
    assert dns.lookups == ["rebind.test", "rebind.test"]
    # The public answer was dialled as that address (stopped by the test's safety net), the
    # loopback answer never: what is vetted is what is connected to.
    assert backend.dialled == [("127.0.0.1", server.port), ("93.184.216.34", server.port)]
    assert server.hits["/secret"] == 0
    assert {a for e, a in audit_log if e == "socket.connect"} == {("127.0.0.1", server.port)}


def test_allowed_name_connects_to_the_address_it_resolved_keeping_the_name(
    hostile, tmp_path, monkeypatch, audit_log
):
    server, feeds = hostile
    feeds["/feed.rss"] = _rss([f"http://feeds.test:{server.port}/good/a.html"])
    settings = _settings(
        tmp_path,
        monkeypatch,
        [{"name": "named", "url": f"http://feeds.test:{server.port}/feed.rss", "allow_hosts": ["Feeds.Test"]}],
    )
    dns = FakeDNS({"feeds.test": [["127.0.0.1"]]})
    backend = LoopbackOnlyBackend()
    summary = fetch_source("named", DAY, settings, Network(resolve=dns, backend=backend))
    assert (summary["fetched"], summary["errors"]) == (2, 0)
    assert set(backend.dialled) == {("127.0.0.1", server.port)}  # the IP, not the name
    assert dns.lookups == ["feeds.test"] * len(backend.dialled)  # one lookup per connection
    assert _looked_up(audit_log) <= {"127.0.0.1"}  # the OS never looked the name up again


def test_a_feed_url_that_is_not_allowed_fails_its_task_with_the_reason(hostile, tmp_path, monkeypatch):
    server, feeds = hostile
    feeds["/feed.rss"] = _rss([])
    settings = _settings(
        tmp_path, monkeypatch, [{"name": "inside", "url": f"{server.base}/feed.rss"}], allow_hosts=[]
    )
    with pytest.raises(FeedUnavailable, match="inside: blocked_address: host 127.0.0.1 resolves to 127.0.0.1"):
        fetch_for_run("inside", DAY, settings, today=DAY)
    assert server.hits["/feed.rss"] == 0
    quarantine, _ = _ingest(settings)
    assert quarantine["reason"].to_list() == ["blocked_address"]


# --- limits are totals ---------------------------------------------------------------------------


@pytest.mark.parametrize("drip", ["/drip", "/drip-headers"])
def test_a_server_dripping_bytes_is_cut_at_the_request_deadline(hostile, tmp_path, monkeypatch, drip):
    """Each byte comes well within the 2 s read timeout; only the 1.5 s total can stop it."""
    server, feeds = hostile
    feeds["/feed.rss"] = _rss([f"{server.base}{drip}?every=0.4", f"{server.base}/good/b.html"])
    settings = _settings(
        tmp_path, monkeypatch, [{"name": "drip", "url": f"{server.base}/feed.rss"}], request_deadline=1.5
    )
    started = time.monotonic()
    summary = fetch_source("drip", DAY, settings)
    elapsed = time.monotonic() - started

    (failure,) = summary["failures"]
    assert failure["reason"] == "deadline_exceeded"
    assert failure["detail"].startswith("request deadline of 1.5 s passed after 1 attempt(s)")
    assert summary["fetched"] == 2  # the feed and the good page: the next URL had its own time
    assert elapsed < 1.5 + 1.5  # not the 24 s the drip would take, nor retries of it
    assert len(server.dripped) < 10
    quarantine, articles = _ingest(settings)
    assert quarantine["reason"].to_list() == ["deadline_exceeded"] and len(articles) == 1


def test_the_source_deadline_records_every_page_it_leaves_unfetched(hostile, tmp_path, monkeypatch):
    server, feeds = hostile
    pages = [f"{server.base}/slow/{n}.html?s=0.5" for n in range(6)]
    feeds["/feed.rss"] = _rss(pages)
    settings = _settings(
        tmp_path, monkeypatch, [{"name": "slow", "url": f"{server.base}/feed.rss"}], source_deadline=1.2
    )
    summary = fetch_source("slow", DAY, settings)

    assert summary["fetched"] + summary["errors"] == 1 + len(pages)  # every page has its row
    late = [f for f in summary["failures"] if f["reason"] == "deadline_exceeded"]
    assert len(late) == len(summary["failures"]) >= 3
    assert all(f["detail"].startswith("source deadline of 1.2 s passed") for f in late)
    unfetched = [f for f in late if f["detail"].endswith("after 0 attempt(s)")]
    assert unfetched and all(server.hits[urlsplit(f["url"]).path] == 0 for f in unfetched)
    quarantine, articles = _ingest(settings)
    assert len(articles) + len(quarantine) == len(pages)
    assert set(quarantine["reason"]) == {"deadline_exceeded"}


def test_items_over_max_items_are_counted_in_one_quarantine_row(hostile, tmp_path, monkeypatch):
    server, feeds = hostile
    feeds["/feed.rss"] = _rss([f"{server.base}/good/{n}.html" for n in range(12)])
    settings = _settings(tmp_path, monkeypatch, [{"name": "long", "url": f"{server.base}/feed.rss", "max_items": 5}])
    summary = fetch_for_run("long", DAY, settings, today=DAY)  # an overflow does not fail the task

    assert summary["fetched"] == 6
    assert sum(hits for path, hits in server.hits.items() if path.startswith("/good/")) == 5
    (overflow,) = summary["failures"]
    assert overflow["reason"] == "too_many_items"
    assert overflow["detail"] == "feed lists 12 items; only the first 5 (max_items) are read, 7 skipped"
    quarantine, articles = _ingest(settings)
    assert len(articles) == 5
    assert quarantine.select("reason", "detail").rows() == [("too_many_items", overflow["detail"])]


# --- XML bombs -----------------------------------------------------------------------------------


def _entity_feed() -> bytes:
    """4 MB: one 100 KB entity used 40,000 times (4 GB once expanded)."""
    item = b"<item><title>&big;</title><description>" + b"n" * 45 + b"</description></item>"
    items = item * 40_000
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY big "' + b"A" * 100_000 + b'">]>\n'
        b'<rss version="2.0"><channel><title>t</title>' + items + b"</channel></rss>"
    )


_LAUGHS = [b"&lol;" * 10] + [b"&lol%d;" % n * 10 for n in range(1, 9)]  # lol1 … lol9: 10^9 lols
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (n, value) for n, value in enumerate(_LAUGHS, start=1))
    + b']>\n<rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><item><title>&xxe;</title><link>http://x.org/1</link></item></channel></rss>'
)


def _peak_mb(action) -> tuple[object, float]:
    tracemalloc.start()
    try:
        try:
            outcome = action()
        except Exception as error:  # noqa: BLE001 - the outcome is asserted by the caller
            outcome = error
        return outcome, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(_entity_feed(), id="4MB-quadratic-blowup"),
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(EXTERNAL_ENTITY, id="external-entity"),
        pytest.param(b"\n\n" + BILLION_LAUGHS, id="malformed-prolog-billion-laughs"),
        pytest.param(BILLION_LAUGHS.decode().encode("utf-16"), id="utf16-billion-laughs"),
    ],
)
def test_entity_declarations_are_refused_before_anything_expands(document):
    outcome, peak = _peak_mb(lambda: parse_feed(document, "http://feeds.example/"))
    assert isinstance(outcome, FeedError)
    assert str(outcome).endswith("entity declarations are not allowed")
    assert peak < 3 * len(document) / 1e6 + 5  # nothing near the gigabytes the expansion takes


def test_malformed_but_harmless_xml_still_reaches_the_tolerant_parser():
    """An HTML entity undefined in XML and text before the prolog: real feeds do both."""
    body = b"  \n" + _rss(["http://x.org/a"]).replace(b"<title>Item 0", b"<title>Item&nbsp;0")
    (item,) = parse_feed(body, "http://x.org/")
    assert (item.link, item.title) == ("http://x.org/a", "Item\xa00")


def test_an_external_dtd_reference_is_neither_refused_nor_fetched(audit_log):
    """RSS 0.91 feeds still carry Netscape's DOCTYPE; it declares nothing and is never loaded."""
    doctype = b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://10.0.0.1/rss.dtd">'
    body = _rss(["http://x.org/a"]).replace(b"?>", b"?>" + doctype, 1)
    (item,) = parse_feed(body, "http://x.org/")
    assert item.link == "http://x.org/a"
    assert not [event for event, _ in audit_log if event == "socket.connect"]


def test_an_archived_entity_bomb_is_a_quarantine_row_at_every_ingest(hostile, tmp_path, monkeypatch):
    server, feeds = hostile
    feeds["/bomb.rss"] = _entity_feed()
    settings = _settings(
        tmp_path, monkeypatch, [{"name": "bomb", "url": f"{server.base}/bomb.rss"}], max_bytes=5_000_000
    )
    summary = fetch_source("bomb", DAY, settings)
    assert (summary["fetched"], summary["errors"]) == (1, 0)  # stored as received, no page fetched

    for _ in range(2):  # the archive keeps it: every later ingest meets it again
        (quarantine, articles), peak = _peak_mb(lambda: _ingest(settings))
        assert articles.is_empty()
        assert quarantine["reason"].to_list() == ["bad_record"]
        assert quarantine["detail"][0].endswith("entity declarations are not allowed")
        assert peak < 40


# --- the DAG --------------------------------------------------------------------------------------


def test_every_dag_task_has_an_execution_timeout():
    from airflow.dag_processing.dagbag import DagBag

    dags = Path(__file__).resolve().parents[2] / "dags"
    dag = DagBag(dag_folder=dags, safe_mode=False).dags["bilateral_engagement"]
    timeouts = {task.task_id: task.execution_timeout for task in dag.tasks}
    assert None not in timeouts.values()
    assert timeouts["fetch"] == FETCH_TASK_TIMEOUT


def test_a_body_naming_a_local_file_is_not_read_as_that_file(tmp_path):
    """feedparser opens bytes as a file name if it can; a feed body must never reach the disk."""
    local = tmp_path / "internal.rss"
    local.write_bytes(_rss(["http://intranet.example/payroll"]))
    with pytest.raises(FeedError, match="not an RSS or Atom document|no item readable"):
        parse_feed(str(local).encode(), "http://feeds.example/")
