"""Canonical URLs: one spelling per story, so the same article from two feeds is stored once.

Lower-cases scheme and host, drops default ports, fragments and tracking parameters, and sorts
what remains of the query. A page's `<link rel=canonical>` is honoured when it is an http(s) URL
on the same site; a hostile page cannot claim another site's story.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

logger = logging.getLogger(__name__)

# Query parameters that say how a reader arrived, never which story it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "hsctatracking",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "smid",
        "smtyp",
        "sr_share",
        "share",
        "ocid",
        "taid",
        "tpcc",
        "ito",
        "soc_src",
        "soc_trk",
        "wt.mc_id",
        "s_cid",
        "spm",
        "__twitter_impression",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_MULTI_SLASH = re.compile(r"/{2,}")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str) -> str:
    """The canonical spelling of an http(s) URL (unchanged if it cannot be parsed)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return url.strip()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = _MULTI_SLASH.sub("/", parts.path) or "/"
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~%")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    ]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def _site(host: str) -> str:
    """A cheap registrable-domain guess: the last two labels (three under e.g. co.uk)."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(a: str, b: str) -> bool:
    host_a = (urlsplit(a).hostname or "").lower()
    host_b = (urlsplit(b).hostname or "").lower()
    return bool(host_a) and _site(host_a) == _site(host_b)


def resolve_canonical(page_url: str, href: str | None) -> str | None:
    """The canonical URL a page declares, if it is http(s) on the page's own site; else None."""
    if not href or not href.strip():
        return None
    absolute = urljoin(page_url, href.strip())
    try:
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    if scheme not in {"http", "https"} or not same_site(page_url, absolute):
        logger.debug("ignoring rel=canonical %r on %s", href, page_url)
        return None
    return canonicalize(absolute)
