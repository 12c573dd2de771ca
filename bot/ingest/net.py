"""HTTP fetching for feeds and pages: bounded, streamed, size-capped and SSRF-guarded.

One `Fetcher` holds one `httpx.AsyncClient` for a whole poll. Every connection is opened by a
guarded network backend that resolves the host, checks each address (`bot.ingest.guard`) and
connects to the checked address itself, so the check and the connection can never disagree
(no DNS-rebinding window). Redirects are followed here, hop by hop, so every hop's host goes
through the same backend. Bodies are read raw and decompressed here, so the size cap applies to
the decoded bytes as they stream in: neither a 50 MB page nor a gzip bomb is ever held whole.

Raises `FetchError` (and its subclasses from `bot.ingest.guard`) with a one-line message.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import ssl
import zlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urljoin

import certifi
import httpcore
import httpx

from bot.ingest.guard import (
    AddressPolicy,
    BlockedAddressError,
    FetchError,
    HTTPStatusError,
    IPNetwork,
    Resolver,
    resolve_checked,
    system_resolve,
    validate_url,
)
from bot.settings import FetchSettings

logger = logging.getLogger(__name__)

__all__ = [
    "BlockedAddressError",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "HTTPStatusError",
]

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    truncated: bool = False  # the body was cut at the size limit
    not_modified: bool = False  # 304 to a conditional GET


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections only to addresses the policy admits, resolved once, here."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._policy = policy
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve_checked(host, port, policy=self._policy, resolver=self._resolver)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise BlockedAddressError("unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _fetch_error(exc: Exception) -> FetchError:
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, httpcore.TimeoutException | httpx.TimeoutException):
        return FetchError(f"timed out ({type(exc).__name__})")
    if isinstance(exc, httpcore.ConnectError | httpx.ConnectError):
        return FetchError(f"cannot connect: {exc or 'connection refused'}")
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return FetchError(f"network error: {detail}")


class _Stream(httpx.AsyncByteStream):
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _fetch_error(exc) from None

    async def aclose(self) -> None:
        await self._inner.aclose()


class _GuardedTransport(httpx.AsyncBaseTransport):
    """httpx → httpcore with the guarded backend (httpx's own transport cannot take one)."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend, concurrency: int) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=max(concurrency, 1) * 2,
            max_keepalive_connections=max(concurrency, 1),
            keepalive_expiry=5.0,
            network_backend=backend,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        try:
            response = await self._pool.handle_async_request(core_request)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _fetch_error(exc) from None
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Stream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()


class _Decoder:
    """Content-Encoding decoding with an output cap per call (gzip-bomb safe)."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        if encoding in {"", "identity"}:
            self._z = None
        elif encoding in {"gzip", "x-gzip"}:
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(f"unsupported content encoding {encoding!r}")

    def feed(self, chunk: bytes, room: int) -> tuple[bytes, bool]:
        """Decode `chunk`, returning at most `room` + 1 bytes and whether more remains."""
        if self._z is None:
            return chunk[: room + 1], len(chunk) > room
        try:
            out = self._z.decompress(chunk, room + 1)
        except zlib.error as exc:
            raise FetchError(f"corrupt compressed body: {exc}") from None
        return out, bool(self._z.unconsumed_tail) or len(out) > room


class Fetcher:
    """One shared client for a poll: `async with Fetcher(settings.fetch) as f: await f.fetch(url)`.

    `resolver` and `trusted_networks` are seams for tests: a resolver that maps test names to
    loopback, and networks admitted while the rest of the private space stays refused.
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        allow_private_networks: bool | None = None,
        trusted_networks: Sequence[IPNetwork | str] = (),
        resolver: Resolver | None = None,
    ) -> None:
        self.settings = settings
        allow = (
            settings.allow_private_networks
            if allow_private_networks is None
            else allow_private_networks
        )
        self.policy = AddressPolicy(
            allow_private_networks=allow,
            trusted_networks=tuple(ipaddress.ip_network(n) for n in trusted_networks),
        )
        backend = _GuardedBackend(self.policy, resolver or system_resolve)
        self._semaphore = asyncio.Semaphore(settings.concurrency)
        self._client = httpx.AsyncClient(
            transport=_GuardedTransport(backend, settings.concurrency),
            timeout=httpx.Timeout(settings.timeout_seconds),
            follow_redirects=False,
            trust_env=False,  # an environment proxy would connect where the guard cannot see
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = PAGE_ACCEPT,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """GET `url` following redirects; raises FetchError with a one-line reason.

        The whole fetch (all hops, the whole body) must finish within twice
        `fetch.timeout_seconds`, so a server trickling bytes cannot hold a poll forever.
        """
        validate_url(url)
        deadline = self.settings.timeout_seconds * 2
        async with self._semaphore:
            try:
                async with asyncio.timeout(deadline):
                    return await self._fetch(url, etag, last_modified, accept, max_bytes)
            except TimeoutError:
                raise FetchError(f"timed out after {deadline:g} s") from None
            except (httpx.HTTPError, httpcore.TimeoutException, httpcore.NetworkError) as exc:
                raise _fetch_error(exc) from None

    async def _fetch(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        accept: str,
        max_bytes: int | None,
    ) -> FetchResult:
        limit = max_bytes or self.settings.max_bytes
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            validate_url(current)
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            try:
                request = self._client.build_request("GET", current, headers=headers)
            except (httpx.InvalidURL, ValueError) as exc:
                raise BlockedAddressError(f"malformed URL {current!r}: {exc}") from None
            response = await self._client.send(request, stream=True)
            try:
                status = response.status_code
                if status in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise HTTPStatusError(f"HTTP {status} redirect without a Location", status)
                    current = urljoin(current, location.strip())
                    logger.debug("redirect %s -> %s", request.url, current)
                    continue
                result_headers = {
                    "content_type": response.headers.get("content-type"),
                    "etag": response.headers.get("etag"),
                    "last_modified": response.headers.get("last-modified"),
                }
                if status == 304:
                    return FetchResult(
                        url=current, status=status, body=b"", not_modified=True, **result_headers
                    )
                if status >= 400 or status < 200:
                    reason = response.reason_phrase or ""
                    raise HTTPStatusError(f"HTTP {status} {reason}".strip(), status)
                body, truncated = await _read_capped(response, limit)
                if truncated:
                    logger.info("body of %s cut at %d bytes", current, limit)
                return FetchResult(
                    url=current, status=status, body=body, truncated=truncated, **result_headers
                )
            finally:
                await response.aclose()
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """Read at most `limit` decoded bytes, stopping the download as soon as it passes that."""
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = 0
    async for chunk in response.aiter_raw():
        out, more = decoder.feed(chunk, limit - size)
        parts.append(out)
        size += len(out)
        if size > limit or more:
            return b"".join(parts)[:limit], True
    return b"".join(parts), False
