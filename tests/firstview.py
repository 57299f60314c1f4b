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
# Pages still over the goal (issue 12 stays open for them): Material's own CSS and JavaScript
# are about 245 KiB of every page (with its palette cut to the colours used, macros/palette.py),
# which leaves about 55 KiB for the page and the site's own code. The start pages meet the goal.
# Each page over it has a ceiling a few KiB above what it weighs now, so that it does not grow
# unnoticed; lower a ceiling when a page gets lighter, and drop the entry when it is within BUDGET.
# Measured 2026-11-26 with the palette cut and navigation.prune, plus 3 KiB.
CEILINGS = {
    "begrepp/index.html": 307 * 1024,  # 304 KiB
    "exempel/ryhov-medicin/index.html": 306 * 1024,  # 302 KiB
    "exempel/index.html": 324 * 1024,  # 321 KiB: the catalogue's cards
    "ovningar/fasa-ut-tillsammans.html": 408 * 1024,  # 405 KiB: projector, priority lists, run chart, list printout
    "ordlista.html": 358 * 1024,  # 355 KiB: the glossary's HTML
}


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
    return sizes


def path_of(url: str, base: str) -> str:
    return url[len(base) :] if url.startswith(base) else urlsplit(url).path
