"""The fetcher: conditional GET, errors, timeouts, redirects, size cap, gzip, the SSRF guard."""

from __future__ import annotations

import ipaddress
import time

import pytest

from bot.ingest.guard import AddressPolicy, blocked_reason, validate_url
from bot.ingest.net import BlockedAddressError, Fetcher, FetchError, HTTPStatusError
from bot.settings import FetchSettings
from tests.fakes.feed_server import FeedServer, Item, rss

FEED = rss([Item("Judge rules", "http://example.org/a")])


def loopback_fetcher(**options: object) -> Fetcher:
    """Private networks refused but 127.0.0.1 admitted: the guard is live, the server reachable."""
    settings = FetchSettings(allow_private_networks=False, timeout_seconds=2.0, **options)
    return Fetcher(settings, trusted_networks=["127.0.0.1/32"])


async def test_conditional_get_sends_validators_and_reports_not_modified(
    server: FeedServer,
) -> None:
    url = server.add("/feed", FEED, etag='"v1"', last_modified="Mon, 02 Mar 2026 10:00:00 GMT")
    async with loopback_fetcher() as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag == '"v1"' and first.body == FEED
    assert second.not_modified and second.status == 304 and second.body == b""
    assert server.requests[1].headers["If-None-Match"] == '"v1"'
    assert server.requests[1].headers["If-Modified-Since"] == "Mon, 02 Mar 2026 10:00:00 GMT"


async def test_user_agent_names_the_bot(server: FeedServer) -> None:
    url = server.add("/feed", FEED)
    async with loopback_fetcher() as fetcher:
        await fetcher.fetch(url)
    assert server.requests[0].headers["User-Agent"].startswith("rulingbot/")


async def test_server_error_raises_one_line_with_status(server: FeedServer) -> None:
    url = server.add("/feed", "boom", status=500)
    async with loopback_fetcher() as fetcher:
        with pytest.raises(HTTPStatusError) as info:
            await fetcher.fetch(url)
    assert info.value.status == 500 and "HTTP 500" in str(info.value)
    assert "\n" not in str(info.value)


async def test_slow_server_times_out(server: FeedServer) -> None:
    url = server.add("/feed", FEED, delay=3.0)
    async with Fetcher(FetchSettings(allow_private_networks=True, timeout_seconds=0.3)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            await fetcher.fetch(url)
    assert time.monotonic() - started < 2.0


async def test_unreachable_host_is_a_fetch_error() -> None:
    async with Fetcher(FetchSettings(allow_private_networks=True, timeout_seconds=1)) as f:
        with pytest.raises(FetchError, match="cannot connect"):
            await f.fetch("http://127.0.0.1:9/feed")  # discard port: nothing listens


async def test_redirects_are_followed_up_to_the_limit(server: FeedServer) -> None:
    server.add("/final", FEED)
    server.redirect("/hop2", "/final", status=301)
    url = server.redirect("/hop1", server.url("/hop2"))
    async with loopback_fetcher(max_redirects=2) as fetcher:
        result = await fetcher.fetch(url)
    assert result.url == server.url("/final") and result.body == FEED
    async with loopback_fetcher(max_redirects=1) as fetcher:
        with pytest.raises(FetchError, match="too many redirects"):
            await fetcher.fetch(url)


async def test_redirect_to_a_private_address_is_refused_before_connecting(
    server: FeedServer,
) -> None:
    url = server.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    url_private = server.redirect("/lan", "http://10.0.0.1/admin")
    async with loopback_fetcher() as fetcher:
        started = time.monotonic()
        with pytest.raises(BlockedAddressError, match="link-local"):
            await fetcher.fetch(url)
        with pytest.raises(BlockedAddressError, match="private"):
            await fetcher.fetch(url_private)
    # A connection attempt to an unrouted address would hang until the timeout.
    assert time.monotonic() - started < 1.0
    assert server.hits("/go") == 1 and server.hits("/lan") == 1


async def test_guard_checks_resolved_addresses_and_connects_to_what_it_checked(
    server: FeedServer,
) -> None:
    lookups: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return {"news.test": ["127.0.0.1"], "intranet.test": ["93.184.216.34", "10.1.2.3"]}[host]

    url = server.add("/feed", FEED)
    settings = FetchSettings(allow_private_networks=False, timeout_seconds=2.0)
    async with Fetcher(settings, trusted_networks=["127.0.0.1/32"], resolver=resolver) as f:
        result = await f.fetch(f"http://news.test:{server.port}/feed")
        with pytest.raises(BlockedAddressError, match=r"intranet\.test \(10\.1\.2\.3\)"):
            await f.fetch("http://intranet.test/")
    assert result.body == FEED and url.endswith("/feed")
    assert server.requests[0].headers["Host"] == f"news.test:{server.port}"
    assert lookups == ["news.test", "intranet.test"]  # one lookup per connection, no re-resolve


async def test_loopback_refused_unless_private_networks_allowed(server: FeedServer) -> None:
    url = server.add("/feed", FEED)
    async with Fetcher(FetchSettings(allow_private_networks=False)) as fetcher:
        with pytest.raises(BlockedAddressError, match="loopback"):
            await fetcher.fetch(url)
    async with Fetcher(FetchSettings(allow_private_networks=True)) as fetcher:
        assert (await fetcher.fetch(url)).body == FEED
    assert server.hits("/feed") == 1


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not publicly routable"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (IPv4 inside IPv6)"),
        ("::ffff:10.0.0.1", "private (IPv4 inside IPv6)"),
        ("2002:a00:1::", "private (IPv4 inside IPv6)"),
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) == reason
    with pytest.raises(BlockedAddressError):
        AddressPolicy().check("host", address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("gopher://example.org/", "only http and https"),
        ("example.org/feed", "only http and https"),
        ("http:///nohost", "no host"),
        ("http://exa mple.org/", "whitespace"),
        ("http://example.org:99999/", "malformed URL"),
        ("http://user:pw@example.org/", "credentials"),
    ],
)
def test_bad_urls_are_refused_with_a_clear_message(url: str, message: str) -> None:
    with pytest.raises(BlockedAddressError, match=message):
        validate_url(url)


async def test_huge_body_is_cut_at_the_limit_while_streaming(server: FeedServer) -> None:
    url = server.add("/big", b"", content_type="text/html", stream_bytes=50 * 1024 * 1024)
    async with loopback_fetcher(max_bytes=1_000_000) as fetcher:
        result = await fetcher.fetch(url)
    assert result.truncated and len(result.body) == 1_000_000
    await _settle()
    assert server.streamed["/big"] < 20 * 1024 * 1024  # the rest was never sent


async def _settle() -> None:
    import asyncio

    await asyncio.sleep(0.05)  # let the server notice the closed connection


async def test_gzip_body_is_decoded_and_the_cap_counts_decoded_bytes(server: FeedServer) -> None:
    url = server.add("/feed.gz", FEED, gzip=True)
    bomb = server.add("/bomb", b"\0" * 20_000_000, gzip=True, content_type="text/html")
    async with loopback_fetcher(max_bytes=1_000_000) as fetcher:
        result = await fetcher.fetch(url)
        cut = await fetcher.fetch(bomb)
    assert server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"
    assert result.body == FEED and not result.truncated
    assert cut.truncated and len(cut.body) == 1_000_000
