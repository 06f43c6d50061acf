"""HTTP GET with the manners a news crawler needs, on top of ``httpx``.

Redirects are followed by hand (not by httpx) so a loop is reported as such; the body is
streamed so an oversized response is cut off instead of filling memory; transient failures
(5xx, timeouts, dropped connections) are retried with exponential backoff. Nothing here raises
for network trouble: the outcome is a :class:`FetchResult` whose ``error`` says what went wrong.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from engagement.sources.config import Source


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
    error: str | None = None  # quarantine reason: fetch_error or too_large
    detail: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.http_status == 304


class _TooLarge(Exception):
    pass


class _Transient(Exception):
    """Worth retrying: a 5xx status, a timeout, a refused or dropped connection."""


def http_get(
    client: httpx.Client, url: str, source: Source, validators: Validators | None = None
) -> FetchResult:
    """GET ``url`` with retries; a 304 (nothing new) is a success with no body."""
    attempts = 0
    last_problem = ""
    while attempts <= source.retries:
        if attempts:
            time.sleep(source.backoff_seconds * 2 ** (attempts - 1))
        attempts += 1
        try:
            return _fetch_once(client, url, source, validators or Validators(), attempts)
        except _Transient as problem:
            last_problem = str(problem)
    detail = f"gave up after {attempts} attempts: {last_problem}"
    return _failure(url, attempts, "fetch_error", detail)


def _fetch_once(
    client: httpx.Client, url: str, source: Source, validators: Validators, attempts: int
) -> FetchResult:
    headers = {"User-Agent": source.user_agent, **validators.headers()}
    seen = [url]
    current = url
    while True:
        try:
            with client.stream("GET", current, headers=headers, timeout=source.timeout) as response:
                if response.has_redirect_location:
                    target = urljoin(current, response.headers.get("location", ""))
                    if target in seen:
                        return _failure(url, attempts, "fetch_error", "redirect loop", current)
                    if len(seen) > source.max_redirects:
                        return _failure(
                            url,
                            attempts,
                            "fetch_error",
                            f"more than {source.max_redirects} redirects",
                            current,
                        )
                    seen.append(target)
                    current = target
                    continue
                if response.status_code >= 500:
                    raise _Transient(f"HTTP {response.status_code}")
                not_modified = response.status_code == 304
                body = b"" if not_modified else _read_capped(response, source.max_bytes)
                return _response_result(url, current, response, body, attempts)
        except _TooLarge:
            detail = f"body over {source.max_bytes} bytes"
            return _failure(url, attempts, "too_large", detail, current)
        except (httpx.TimeoutException, httpx.TransportError) as error:
            raise _Transient(f"{type(error).__name__}: {error}") from error


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


def _failure(
    url: str, attempts: int, error: str, detail: str, final_url: str | None = None
) -> FetchResult:
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
