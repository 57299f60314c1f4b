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
# are 257 KiB of every page, which leaves about 40 KiB for the page and the site's own code.
# Each has a ceiling a few KiB above what it weighs now, so that it does not grow unnoticed;
# lower a ceiling when a page gets lighter, and drop the entry when it is within BUDGET.
# Measured after the print, search, lists and meeting-room work was merged (2026-11-26), plus
# 4 KiB: a ceiling that stops growth, not the 300 KiB goal, which these pages do not meet yet.
CEILINGS = {
    "index.html": 310 * 1024,  # 306 KiB
    "en/index.html": 310 * 1024,  # 306 KiB
    "begrepp/index.html": 318 * 1024,  # 314 KiB
    "exempel/ryhov-medicin/index.html": 317 * 1024,  # 313 KiB
    "exempel/index.html": 335 * 1024,  # 331 KiB: the catalogue's cards
    "ovningar/fasa-ut-tillsammans.html": 416 * 1024,  # 412 KiB: projector, priority lists, run chart
    "ordlista.html": 370 * 1024,  # 366 KiB: the glossary's HTML
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
