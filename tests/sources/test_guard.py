"""The address guard's judgement, address by address and URL by URL (no network)."""

from __future__ import annotations

import ipaddress

import pytest
from engagement.sources.guard import Deadline, DeadlineExceeded, HostPolicy, Refused, address_problem


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.1.1", "link-local"),
        ("169.254.169.254", "cloud metadata service"),
        ("100.100.100.200", "cloud metadata service"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("198.18.0.1", "private"),  # benchmarking range
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("fd00:ec2::254", "cloud metadata service"),
        ("fec0::1", "site-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback, embedded in IPv6 ::ffff:7f00:1"),
        ("::ffff:169.254.169.254", "cloud metadata service, embedded in IPv6 ::ffff:a9fe:a9fe"),
        ("2002:c0a8:0101::1", "private, embedded in IPv6 2002:c0a8:101::1"),  # 6to4 of 192.168.1.1
        ("64:ff9b::a00:1", "private, embedded in IPv6 64:ff9b::a00:1"),  # NAT64 of 10.0.0.1
        ("93.184.216.34", None),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_problem(address, problem):
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize(
    ("url", "reason", "detail"),
    [
        ("file:///etc/passwd", "blocked_scheme", "scheme 'file' is not http(s)"),
        ("gopher://127.0.0.1:70/_x", "blocked_scheme", "scheme 'gopher'"),
        ("ftp://example.org/feed", "blocked_scheme", "scheme 'ftp'"),
        ("javascript:alert(1)", "blocked_scheme", "scheme 'javascript'"),
        ("//10.0.0.1/x", "blocked_scheme", "scheme '(none)'"),
        ("http:///path", "bad_record", "no host"),
        ("http://[not-an-address]/", "bad_record", "does not appear to be an IPv4 or IPv6 address"),
        ("http://x\x00y/", "bad_record", "non-printable"),
        ("http://xn--/", "bad_record", "invalid URL"),
    ],
)
def test_urls_refused_before_any_lookup(url, reason, detail):
    with pytest.raises(Refused) as refusal:
        HostPolicy().check_url(url)
    assert refusal.value.reason == reason and detail in refusal.value.detail


def test_only_listed_hosts_may_resolve_inside():
    policy = HostPolicy(frozenset({"127.0.0.1", "feeds.test"}))
    assert policy.vet("127.0.0.1", ["127.0.0.1"]) == ["127.0.0.1"]
    assert policy.vet("FEEDS.test.", ["10.0.0.5"]) == ["10.0.0.5"]
    assert policy.vet("example.org", ["93.184.216.34"]) == ["93.184.216.34"]
    with pytest.raises(Refused, match=r"host mixed.test resolves to 10.0.0.1 \(private\)"):
        policy.vet("mixed.test", ["93.184.216.34", "10.0.0.1"])  # one inside address is enough


def test_a_deadline_caps_timeouts_and_the_sooner_one_wins():
    now = [100.0]
    source = Deadline(10, "source deadline", clock=lambda: now[0])
    request = source.within(60, "request deadline")
    assert request is source and request.cap(30) == 10 and request.cap(None) == 10
    now[0] += 4
    assert source.within(3, "request deadline").cap(30) == 3
    now[0] += 6
    assert source.expired
    with pytest.raises(DeadlineExceeded, match="source deadline of 10 s passed"):
        source.cap(5)
