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


def first_view(page, url: str) -> dict[str, int]:
    """Every URL fetched while `url` loads (before any interaction), with its body size."""
    sizes: dict[str, int] = {}

    def done(request):
        response = request.response()
        if response is None:
            return
        try:
            sizes[request.url] = len(response.body())
        except Exception:  # a body the browser no longer holds (e.g. a redirect)
            sizes[request.url] = 0

    page.on("requestfinished", done)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("requestfinished", done)
    return sizes


def path_of(url: str, base: str) -> str:
    return url[len(base):] if url.startswith(base) else urlsplit(url).path
