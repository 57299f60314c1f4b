"""What a page costs before anyone touches it: the bytes a browser fetches to show it.

Shared by tests/test_budget.py (the budget) and tests/bench.py (the numbers).
`first_view` loads a page in Chromium and adds up every response body until the network
has been quiet (Playwright's networkidle); the server is uncompressed, so body = transfer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# The key pages of issue 12; the example page is any one page under exempel/.
KEY_PAGES = [
    "index.html",
    "begrepp/index.html",
    "ovningar/fasa-ut-tillsammans.html",
    "exempel/index.html",
    "exempel/ryhov-medicin/index.html",
    "ordlista.html",
    "en/index.html",
]
BUDGET = 300 * 1024  # bytes (Lighthouse reports KiB)
# Pages allowed over the goal, each with a ceiling a few KiB above its weight, so that it does not
# grow unnoticed (lower a ceiling when a page gets lighter; drop the entry when it is within
# BUDGET). None since 2026-11-26: Material's stylesheet is cut to what the site shows
# (macros/unused_css.py), the glossary's contents list its letters (toc_djup), and an exercise
# page loads projector mode and the priority list when they are wanted (exercise-start.js).
# Measured then (KiB): / 247, /en/ 247, begrepp 256, an example 254, catalogue 276,
# exercise 271, glossary 293. Since Material's script words count only for the features that
# are on (same module, 91 -> 65 KiB of stylesheet): / 221, /en/ 221, begrepp 230, an example
# 228, catalogue 251, exercise 246, glossary 267 (about 1.3 KiB a term).
CEILINGS: dict[str, int] = {}


def first_view(page, url: str) -> dict[str, int]:
    """Every URL fetched while `url` loads (before any interaction), with the bytes it cost:
    response headers and body, as Lighthouse's transfer size counts them."""
    sizes: dict[str, int] = {}

    def done(request):
        s = request.sizes()
        sizes[request.url] = max(0, s["responseBodySize"]) + max(0, s["responseHeadersSize"])

    page.on("requestfinished", done)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("requestfinished", done)
    # A response whose event was still on its way when the network went quiet (seen twice on a
    # loaded machine) is taken from the page's own Resource Timing entry: never under-counted.
    loaded = page.evaluate(
        "() => [[location.href.split('#')[0], performance.getEntriesByType('navigation')[0].transferSize],"
        " ...performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])]"
    )
    for name, transfer in loaded:
        if name not in sizes and not name.startswith(("data:", "blob:")):
            sizes[name] = transfer
    return sizes


def path_of(url: str, base: str) -> str:
    return url[len(base) :] if url.startswith(base) else urlsplit(url).path
