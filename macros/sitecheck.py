"""Internal links and #anchors of a built site: every one must resolve.

Used by `make check` (macros/check.py) and tests/test_links.py. Reads site/ as files,
no server and no browser: a link's file must exist and its #fragment must be an id
(or <a name>) in that file. Links with a scheme (https:, mailto: ...) are not followed.
The 404 pages are left out: their links start at the server root.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        attr = LINK_ATTRS.get(tag)
        if attr and attr in a:
            self.links.append(a[attr])
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def pages(site: Path) -> list[Path]:
    """Every built page but the 404 pages, whose links are absolute from the server root on purpose."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/") and p.name != "404.html")


def internal(href: str) -> bool:
    parts = urlsplit(href)
    return not (parts.scheme or href.startswith("//"))


def broken_links(site: Path) -> tuple[int, list[str]]:
    """(how many internal links were checked, one line per broken one: 'page: href (why)')."""
    parsed: dict[Path, _Page] = {}

    def get(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    checked, broken = 0, []
    for path in pages(site):
        rel = path.relative_to(site).as_posix()
        for href in get(path).links:
            if not internal(href):
                continue
            parts = urlsplit(href)
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{rel}: {href} (filen finns inte)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in get(target).ids:
                broken.append(f"{rel}: {href} (ankaret #{parts.fragment} finns inte)")
    return checked, broken
