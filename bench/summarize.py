"""Speed of the default summarizer on 5-10 KB articles, and its cost relative to trafilatura.

Usage: python bench/summarize.py [--rounds N]

Articles are built from the bundled labelled set: each ruling article is extended with
paragraphs of another article until it is 5-10 KB of text, and the same text is wrapped in a
typical news-page HTML template for trafilatura. Both run in this one process (one core).

The target ratio is taken against `trafilatura.extract` with its defaults, the cheapest full
extraction trafilatura offers. A second line gives the ratio to the page extraction ingestion
really runs for each fetched page (`bot.ingest.extract.extract_page`: trafilatura with metadata,
from the page's bytes), which is what summarizing is paid for next to.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from bot.ingest.extract import extract_page  # noqa: E402
from summarizer import summarize  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "dev_articles" / "articles"
MIN_BYTES, MAX_BYTES = 5_000, 10_000
PAGE_URL = "https://news.example/story/1"  # only a label for the page; nothing is fetched


def build_articles() -> list[tuple[str, str]]:
    """(title, body) pairs of 5-10 KB each."""
    raw = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    split = [(r.split("\n", 1)[0], r.split("\n", 2)[2]) for r in raw]
    out: list[tuple[str, str]] = []
    for i, (title, body) in enumerate(split):
        paragraphs = body.strip().split("\n\n")
        j = i + 1
        while len(body.encode()) < MIN_BYTES:
            extra = split[j % len(split)][1].strip().split("\n\n")
            for para in extra:
                if len((body + "\n\n" + para).encode()) > MAX_BYTES:
                    break
                body = body + "\n\n" + para
            j += 1
        del paragraphs
        out.append((title, body))
    return out


def as_html(title: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(25))
    related = "".join(
        f'<li><a href="/story/{k}">Related story number {k}</a></li>' for k in range(8)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Example News</title>
<meta name="description" content="{html.escape(body[:150])}">
<link rel="canonical" href="https://news.example/story/1">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script>
<style>body{{font-family:serif}} .nav li{{display:inline}}</style></head>
<body><header><div class="logo">Example News</div><nav class="nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1>
<div class="byline">By A. Reporter | <time datetime="2025-05-14">May 14, 2025</time></div>
<div class="article-body">{paragraphs}</div></article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; Example News. All rights reserved.</p><p>Subscribe to our newsletter.</p>
</footer></body></html>"""


def time_per_item(fn, items, rounds: int) -> float:  # type: ignore[no-untyped-def]
    """Median over rounds of the mean seconds per item."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            fn(item)
        samples.append((time.perf_counter() - start) / len(items))
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv[1:])
    articles = build_articles()
    pages = [as_html(t, b) for t, b in articles]
    sizes = [len(b.encode()) for _, b in articles]
    # Warm up both (imports, compiled patterns).
    summarize(articles[0][1], title=articles[0][0])
    trafilatura.extract(pages[0], include_comments=False)
    page_bytes = [page.encode() for page in pages]
    extract_page(page_bytes[0], url=PAGE_URL)

    ours = time_per_item(lambda a: summarize(a[1], title=a[0]), articles, args.rounds)
    theirs = time_per_item(
        lambda page: trafilatura.extract(page, include_comments=False), pages, args.rounds
    )
    ingest = time_per_item(lambda page: extract_page(page, url=PAGE_URL), page_bytes, args.rounds)
    print(
        f"articles: {len(articles)}  text size {min(sizes)}-{max(sizes)} bytes "
        f"(mean {statistics.mean(sizes):.0f}); html pages mean "
        f"{statistics.mean(len(p) for p in pages):.0f} bytes; rounds: {args.rounds}"
    )
    print(
        f"summarize (rules backend): {ours * 1000:.3f} ms/article = {1 / ours:,.0f} articles/s "
        f"(target >= 1,000)"
    )
    print(f"trafilatura.extract:       {theirs * 1000:.3f} ms/page")
    print(f"summarize / trafilatura:   {ours / theirs:.1%} (target <= 25%)")
    print(
        f"ingestion's page extraction (trafilatura with metadata): {ingest * 1000:.3f} ms/page; "
        f"summarize / it: {ours / ingest:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
