"""A real HTTP server on loopback serving the feed and page fixtures, broken ones included.

Routes (``{{BASE}}`` in fixtures becomes the server's address):
  /feeds/<file>    fixture feed with an ETag; a matching If-None-Match gets 304
  /pages/<file>    fixture page, UTF-8; ``india-brazil-latin1`` is sent as ISO-8859-1 and
                   ``garbled`` with invalid UTF-8 bytes and no charset
  /flaky/<file>    500 on the first request, then the feed
  /slow/<file>     sleeps longer than the client timeout, then the feed
  /loop/a, /loop/b redirect to each other
  /big/<name>      a body larger than the clients' max_bytes, without Content-Length
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from engagement.config import load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "http"
CLIENT_TIMEOUT = 0.25
SLOW_SECONDS = 0.8
MAX_BYTES = 100_000


@dataclass
class Recorder:
    """What the server saw, for assertions on client behaviour."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: Counter = field(default_factory=Counter)


class NewsHandler(BaseHTTPRequestHandler):
    recorder: Recorder
    base: str

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self.recorder.requests.append((self.path, dict(self.headers)))
        self.recorder.hits[self.path] += 1
        first, _, rest = self.path.lstrip("/").partition("/")
        try:
            if first == "feeds":
                self._feed(rest)
            elif first == "pages":
                self._page(rest)
            elif first == "flaky":
                if self.recorder.hits[self.path] == 1:
                    self._send(500, b"temporarily overloaded", "text/plain")
                else:
                    self._feed(rest)
            elif first == "slow":
                time.sleep(SLOW_SECONDS)
                self._feed(rest)
            elif first == "loop":
                self.send_response(302)
                self.send_header("Location", "/loop/b" if rest == "a" else f"{self.base}/loop/a")
                self.end_headers()
            elif first == "big":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                for _ in range(MAX_BYTES // 1000 * 3):
                    self.wfile.write(b"<p>" + b"annex " * 166 + b"</p>\n")
            else:
                self._send(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap): expected in these tests

    def _fixture(self, folder: str, name: str) -> str:
        return (FIXTURES / folder / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base)

    def _feed(self, name: str) -> None:
        body = self._fixture("feeds", name).encode("utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        kind = "application/atom+xml" if name.endswith(".atom") else "application/rss+xml"
        modified = "Mon, 17 Nov 2025 10:00:00 GMT"
        self._send(200, body, kind, {"ETag": etag, "Last-Modified": modified})

    def _page(self, name: str) -> None:
        html = self._fixture("pages", name)
        if name == "india-brazil-latin1.html":
            latin1 = html.replace("–", "-").encode("iso-8859-1")
            self._send(200, latin1, "text/html; charset=iso-8859-1")
        elif name == "garbled.html":
            garbled = html.encode("utf-8").replace(b"{{BAD_BYTES}}", b"\xff\xfe\xfa")
            self._send(200, garbled, "text/html")
        else:
            self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@dataclass
class NewsServer:
    base: str
    recorder: Recorder
    stop: Callable[[], None]


@pytest.fixture
def news_server():
    recorder = Recorder()
    handler = type("Handler", (NewsHandler,), {"recorder": recorder})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            server.shutdown()
            server.server_close()
            stopped = True

    yield NewsServer(handler.base, recorder, stop)
    stop()


@pytest.fixture
def feed_settings(news_server, tmp_path, monkeypatch):
    """Settings whose sources.yaml lists the test server's feeds, with fast timeouts."""
    base = news_server.base
    feeds = {
        "example-times": ("rss", "/feeds/english.rss", "en"),
        "udaharan-samachar": ("atom", "/feeds/hindi.atom", "hi"),
        "broken-feed": ("rss", "/feeds/broken.xml", "en"),
        "flaky-wire": ("rss", "/flaky/flaky.rss", "en"),
        "slow-wire": ("feed", "/slow/flaky.rss", "en"),
        "looping-feed": ("rss", "/loop/a", "en"),
        "huge-feed": ("rss", "/big/feed.xml", "en"),
    }
    config = {
        "defaults": {
            "timeout": CLIENT_TIMEOUT,
            "retries": 2,
            "backoff_seconds": 0.01,
            "max_bytes": MAX_BYTES,
            "user_agent": "engagement-tests/1.0",
            "allow_hosts": ["127.0.0.1"],  # the guard refuses loopback unless a source allows it
        },
        "sources": [
            {
                "name": name,
                "kind": kind,
                "url": base + path,
                "language": language,
                "timezone": "Asia/Kolkata",
            }
            for name, (kind, path, language) in feeds.items()
        ],
    }
    sources_file = tmp_path / "sources.yaml"
    sources_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_SOURCES_FILE", str(sources_file))
    return load_settings()
