"""HTTP GET with the manners a news crawler needs, on top of ``httpx``.

Redirects are followed by hand (not by httpx) so a loop is reported as such and every hop's
scheme is checked; the body is streamed so an oversized response is cut off instead of filling
memory; transient failures (5xx, timeouts, dropped connections) are retried with exponential
backoff, all within one total deadline per URL. Sockets open only through ``guard.py`` (public
addresses, or hosts the source allows). Nothing here raises for network trouble: the outcome is
a :class:`FetchResult` whose ``error`` says what went wrong.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from engagement.sources.config import Source
from engagement.sources.guard import (
    DEADLINE_EXCEEDED,
    Deadline,
    DeadlineExceeded,
    GuardedBackend,
    HostPolicy,
    Network,
    Refused,
    guarded_transport,
)


@dataclass(frozen=True)
class Validators:
    """What the last successful fetch of a URL said about its version (for conditional GETs)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    http_status: int | None
    body: bytes | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    attempts: int
    error: str | None = None  # quarantine reason: fetch_error, too_large, blocked_*, deadline_…
    detail: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.http_status == 304


class _TooLarge(Exception):
    pass


class _Transient(Exception):
    """Worth retrying: a 5xx status, a timeout, a refused or dropped connection."""


class Fetcher:
    """One source's HTTP client for one run: guarded sockets, retries, caps and deadlines.

    Every URL gets ``request_deadline`` seconds for all its attempts, redirects and reads
    together, and all URLs of the run share ``source_deadline``; once that has passed, the
    remaining URLs fail at once with ``deadline_exceeded`` (recorded, never skipped).
    """

    def __init__(self, source: Source, network: Network | None = None):
        self.source = source
        self._run_deadline = Deadline(source.source_deadline, "source deadline")
        self._policy = HostPolicy(frozenset(source.allow_hosts))
        self._backend = GuardedBackend(self._policy, network or Network(), self._run_deadline)
        self._client = httpx.Client(
            transport=guarded_transport(self._backend), follow_redirects=False, trust_env=False
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._client.close()

    def get(self, url: str, validators: Validators | None = None) -> FetchResult:
        """GET ``url`` with retries; a 304 (nothing new) is a success with no body."""
        deadline = self._run_deadline.within(self.source.request_deadline, "request deadline")
        self._backend.deadline = deadline
        try:
            self._policy.check_url(url)
        except Refused as refusal:
            return failed_fetch(url, refusal.reason, refusal.detail)
        attempts, last_problem = 0, ""
        while attempts <= self.source.retries:
            pause = self.source.backoff_seconds * 2 ** (attempts - 1) if attempts else 0.0
            if pause >= deadline.remaining():  # no time left for this attempt: stop now
                return _out_of_time(url, deadline, attempts, last_problem)
            time.sleep(pause)
            attempts += 1
            try:
                return self._fetch_once(url, validators or Validators(), attempts, deadline)
            except _Transient as problem:
                last_problem = str(problem)
            except Exception as error:  # noqa: BLE001 - one URL's surprise must not end the source's fetch
                return failed_fetch(url, "fetch_error", f"unexpected {type(error).__name__}: {error}", attempts)
        detail = f"gave up after {attempts} attempts: {last_problem}"
        return failed_fetch(url, "fetch_error", detail, attempts)

    def _fetch_once(
        self, url: str, validators: Validators, attempts: int, deadline: Deadline
    ) -> FetchResult:
        source = self.source
        headers = {"User-Agent": source.user_agent, **validators.headers()}
        seen = [url]
        current = url
        while True:
            try:
                with self._client.stream(
                    "GET", current, headers=headers, timeout=source.timeout
                ) as response:
                    if response.has_redirect_location:
                        target = urljoin(current, response.headers.get("location", ""))
                        if target in seen:
                            return failed_fetch(url, "fetch_error", "redirect loop", attempts, current)
                        if len(seen) > source.max_redirects:
                            detail = f"more than {source.max_redirects} redirects"
                            return failed_fetch(url, "fetch_error", detail, attempts, current)
                        self._policy.check_url(target)
                        seen.append(target)
                        current = target
                        continue
                    if response.status_code >= 500:
                        raise _Transient(f"HTTP {response.status_code}")
                    not_modified = response.status_code == 304
                    body = b"" if not_modified else _read_capped(response, source.max_bytes)
                    return _response_result(url, current, response, body, attempts)
            except Refused as refusal:
                return failed_fetch(url, refusal.reason, refusal.detail, attempts, current)
            except _TooLarge:
                detail = f"body over {source.max_bytes} bytes"
                return failed_fetch(url, "too_large", detail, attempts, current)
            except DeadlineExceeded:
                return _out_of_time(url, deadline, attempts, final_url=current)
            except (httpx.TimeoutException, httpx.TransportError) as error:
                problem = f"{type(error).__name__}: {error}"
                if deadline.expired:  # the read was cut short by the deadline itself
                    return _out_of_time(url, deadline, attempts, problem, current)
                raise _Transient(problem) from error


def _out_of_time(
    url: str, deadline: Deadline, attempts: int, problem: str = "", final_url: str | None = None
) -> FetchResult:
    detail = f"{deadline.describe()} after {attempts} attempt(s)"
    if problem:
        detail += f" (last: {problem})"
    return failed_fetch(url, DEADLINE_EXCEEDED, detail, attempts, final_url)


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _response_result(
    url: str, final_url: str, response: httpx.Response, body: bytes, attempts: int
) -> FetchResult:
    ok = response.status_code == 200 or response.status_code == 304
    return FetchResult(
        url=url,
        final_url=final_url,
        http_status=response.status_code,
        body=body if response.status_code == 200 else None,
        content_type=response.headers.get("content-type"),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        attempts=attempts,
        error=None if ok else "fetch_error",
        detail=None if ok else f"HTTP {response.status_code} {response.reason_phrase}",
    )


def failed_fetch(
    url: str, error: str, detail: str, attempts: int = 0, final_url: str | None = None
) -> FetchResult:
    """A fetch that produced no body; ``error`` is its quarantine reason."""
    return FetchResult(
        url=url,
        final_url=final_url or url,
        http_status=None,
        body=None,
        content_type=None,
        etag=None,
        last_modified=None,
        attempts=attempts,
        error=error,
        detail=detail,
    )
