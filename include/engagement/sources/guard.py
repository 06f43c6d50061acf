"""Where the fetcher may connect, and for how long: public addresses only, within a deadline.

Feeds are untrusted input: an item link or a redirect could point the crawler at this machine,
the private network or a cloud metadata service (server-side request forgery), and whatever it
fetched would end up in the published tables. The check sits where the socket is opened, in an
``httpcore`` network backend: the host is resolved once, every address is vetted, and the socket
goes to the vetted address, so a DNS answer that changes between a check and the connect
(rebinding) cannot slip through. TLS still verifies the certificate against the host name.

The same backend caps every connect, read and write by the current request's :class:`Deadline`,
so a server dripping one byte at a time cannot hold a request past its total time.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from engagement.sources.config import normalise_host

BLOCKED_ADDRESS = "blocked_address"
BLOCKED_SCHEME = "blocked_scheme"
BAD_URL = "bad_record"  # a link nobody can fetch is a defect of the feed item
DEADLINE_EXCEEDED = "deadline_exceeded"
SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT; not global, not "private"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA = {  # cloud instance metadata services (AWS/GCP/Azure, AWS IPv6, Alibaba)
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),
}


class Refused(Exception):
    """A request the guard will not make. Final: retrying cannot change the answer."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class DeadlineExceeded(Exception):
    """The request's (or the source's) total time is used up."""


class Deadline:
    """A point in time a request must be done by; ``what`` names it in messages."""

    def __init__(self, seconds: float, what: str, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.what = what
        self._clock = clock
        self._ends = clock() + seconds

    def remaining(self) -> float:
        return self._ends - self._clock()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def within(self, seconds: float, what: str) -> Deadline:
        """A new deadline ``seconds`` from now, or this one if it comes first."""
        sooner = Deadline(seconds, what, self._clock)
        return self if self._ends <= sooner._ends else sooner

    def cap(self, timeout: float | None) -> float:
        """``timeout`` shortened to the time left; raises when none is left."""
        left = self.remaining()
        if left <= 0:
            raise DeadlineExceeded(self.describe())
        return left if timeout is None else min(timeout, left)

    def describe(self) -> str:
        return f"{self.what} of {self.seconds:g} s passed"


def system_resolve(host: str, port: int) -> list[str]:
    """Addresses of ``host`` from the operating system's resolver, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class Network:
    """How names are resolved and sockets opened; tests pass recording versions of both."""

    resolve: Resolver = system_resolve
    backend: httpcore.NetworkBackend = field(default_factory=httpcore.SyncBackend)


def address_problem(address: IPAddress) -> str | None:
    """Why the crawler must not connect to ``address`` ('loopback', 'private', …); None if public."""
    if isinstance(address, ipaddress.IPv6Address):
        for inner in _embedded_ipv4(address):
            problem = address_problem(inner)
            if problem:
                return f"{problem}, embedded in IPv6 {address}"
        if address.is_site_local:
            return "site-local"
    if address in _METADATA:
        return "cloud metadata service"
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("shared (carrier-grade NAT)", address in _SHARED),
        ("private", address.is_private),
        ("not globally routable", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> Iterable[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to (mapped, 6to4, Teredo, NAT64)."""
    if address.ipv4_mapped:
        yield address.ipv4_mapped
    if address.sixtofour:
        yield address.sixtofour
    if address.teredo:
        yield from address.teredo
    if address in _NAT64:
        yield ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


@dataclass(frozen=True)
class HostPolicy:
    """Which hosts a source may reach besides public addresses (its ``allow_hosts``)."""

    allow_hosts: frozenset[str] = frozenset()

    def allows(self, host: str) -> bool:
        return normalise_host(host) in self.allow_hosts

    def check_url(self, url: str) -> None:
        """Refuses what must not be requested at all: other schemes, URLs httpx cannot parse.

        ``file://``, ``gopher://`` and friends are ``blocked_scheme``; an unparsable URL (NUL
        bytes, a bracketed host that is no address, a broken IDN label) is a ``bad_record``.
        """
        try:
            scheme = urlsplit(url).scheme.lower()
            host = httpx.URL(url).host if scheme in SCHEMES else None
        except (httpx.InvalidURL, ValueError) as error:  # IDNAError is a ValueError
            raise Refused(BAD_URL, f"invalid URL {url!r}: {error}") from None
        if scheme not in SCHEMES:
            raise Refused(BLOCKED_SCHEME, f"{url}: scheme {scheme or '(none)'!r} is not http(s)")
        if not host:
            raise Refused(BAD_URL, f"invalid URL {url!r}: no host")

    def vet(self, host: str, addresses: list[str]) -> list[str]:
        """The addresses to connect to; refuses the host if any of them is not public."""
        if self.allows(host):
            return addresses
        for text in addresses:
            problem = address_problem(ipaddress.ip_address(text.split("%")[0]))
            if problem:
                raise Refused(
                    BLOCKED_ADDRESS,
                    f"host {host} resolves to {text} ({problem}): not fetched "
                    "(a source may allow a host with allow_hosts)",
                )
        return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves, vets and connects to the vetted address; bounds I/O by :attr:`deadline`.

    One backend serves one source's client, which fetches one URL at a time; the fetcher sets
    :attr:`deadline` before each URL, and pooled keep-alive connections read it on every call.
    """

    def __init__(self, policy: HostPolicy, network: Network, deadline: Deadline):
        self.policy = policy
        self.network = network
        self.deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.vet(host, self._resolve(host, port))
        problem: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                stream = self.network.backend.connect_tcp(
                    address, port, self.deadline.cap(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                problem = error
                continue
            return _BoundedStream(stream, self)
        raise problem

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(normalise_host(host)))]
        except ValueError:
            pass  # a name, not an address literal
        try:
            addresses = self.network.resolve(host, port)
        except OSError as error:
            raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from error
        self.deadline.cap(None)  # a slow resolver counts against the total too
        return addresses

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise Refused(BLOCKED_ADDRESS, f"unix socket {path}: only TCP to vetted addresses")

    def sleep(self, seconds: float) -> None:
        self.network.backend.sleep(seconds)


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the backend's current deadline."""

    def __init__(self, stream: httpcore.NetworkStream, backend: GuardedBackend):
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.deadline.cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.deadline.cap(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout = self._backend.deadline.cap(timeout)
        return _BoundedStream(
            self._stream.start_tls(ssl_context, server_hostname, timeout), self._backend
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def guarded_transport(backend: GuardedBackend) -> httpx.HTTPTransport:
    """An httpx transport whose connection pool opens sockets only through ``backend``.

    httpx 0.28 takes no network backend, so the pool it builds is swapped for one that uses
    ours. The client must be made with ``trust_env=False``: a proxy from the environment would
    get its own transport and bypass the guard.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001 (no public way in httpx 0.28)
        ssl_context=httpx.create_ssl_context(),  # honours SSL_CERT_FILE like httpx's own
        max_connections=10,
        max_keepalive_connections=5,
        keepalive_expiry=5.0,
        network_backend=backend,
    )
    return transport
