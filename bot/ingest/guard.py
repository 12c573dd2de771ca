"""The SSRF guard: which URLs and addresses rulingbot may fetch.

Fetching on a user's behalf (`/ruling <url>`, a configured feed, a redirect) must never reach the
machine's own services or the private network behind it. The guard refuses non-http(s) schemes,
malformed URLs, and every address that is not globally routable (private, loopback, link-local,
multicast, reserved, unspecified, shared/CGNAT, IPv4 embedded in IPv6) unless private networks
are explicitly allowed.

DNS rebinding: the address is checked at the moment the TCP connection is opened, by the network
backend in `bot.ingest.net`, and the connection goes to exactly that checked address. There is no
second lookup between the check and the connect that a hostile DNS server could answer differently.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]


class FetchError(Exception):
    """A URL could not be fetched; the message is one line a user can act on.

    Hierarchy::

        FetchError
         ├── BlockedAddressError   the guard refused the URL or its address
         └── HTTPStatusError       the server answered with an error status
    """


class BlockedAddressError(FetchError):
    """The URL is not fetchable by policy (scheme, malformed, or a non-public address)."""


class HTTPStatusError(FetchError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


async def system_resolve(host: str, port: int) -> list[str]:
    """Resolve with the system resolver, off the event loop thread."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    return addresses


def validate_url(url: str) -> SplitResult:
    """Parse an http(s) URL or raise BlockedAddressError saying what is wrong with it."""
    if not isinstance(url, str) or not url.strip():
        raise BlockedAddressError("empty URL")
    if any(ch.isspace() for ch in url.strip()) or any(ord(ch) < 32 for ch in url):
        raise BlockedAddressError(f"malformed URL {url!r}: contains whitespace or control chars")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BlockedAddressError(f"malformed URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise BlockedAddressError(
            f"refusing URL {url!r}: only http and https are fetched ({shown})"
        )
    if not parts.hostname:
        raise BlockedAddressError(f"malformed URL {url!r}: no host")
    if parts.username or parts.password:
        raise BlockedAddressError(f"refusing URL {url!r}: credentials in URLs are not allowed")
    if port == 0:
        raise BlockedAddressError(f"malformed URL {url!r}: port 0")
    return parts


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    # IPv4-compatible (deprecated) ::a.b.c.d and NAT64 64:ff9b::a.b.c.d
    packed = ip.packed
    if packed[:12] == bytes(12) and int(ip) > 1:
        return ipaddress.IPv4Address(packed[12:])
    if packed[:12] == bytes.fromhex("0064ff9b0000000000000000"):
        return ipaddress.IPv4Address(packed[12:])
    return None


def blocked_reason(ip: IPAddress) -> str | None:
    """Why this address must not be fetched, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = blocked_reason(inner)
            return f"{reason} (IPv4 inside IPv6)" if reason else None
    for attr, label in (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attr):
            return label
    if not ip.is_global:
        return "not publicly routable"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which resolved addresses may be connected to.

    `trusted_networks` admits specific networks while everything else non-public stays refused
    (tests use it to reach their loopback server and still prove the guard works).
    """

    allow_private_networks: bool = False
    trusted_networks: Sequence[IPNetwork] = field(default_factory=tuple)

    def check(self, host: str, address: str) -> None:
        """Raise BlockedAddressError unless `address` (resolved from `host`) may be used."""
        if self.allow_private_networks:
            return
        ip = ipaddress.ip_address(address)
        if any(ip in net for net in self.trusted_networks):
            return
        reason = blocked_reason(ip)
        if reason:
            shown = host if host == address else f"{host} ({address})"
            raise BlockedAddressError(
                f"refusing to fetch {shown}: {reason} address "
                "(set fetch.allow_private_networks to allow)"
            )


def literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def resolve_checked(
    host: str, port: int, *, policy: AddressPolicy, resolver: Resolver
) -> list[str]:
    """Resolve `host` and check every address; refuse the host if any address is refused.

    Refusing on any bad address (not only the first) keeps a hostile name from mixing a public
    and a private answer and relying on the order in which they are tried.
    """
    ip = literal_ip(host)
    addresses = [str(ip)] if ip is not None else await resolver(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}: no addresses")
    for address in addresses:
        policy.check(host, address)
    return addresses
