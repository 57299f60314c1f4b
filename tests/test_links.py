"""Every internal link and every #anchor in every built page resolves, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.htmlutil import parse

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def _targets(site, path: Path):
    parsed = parse(path.read_text(encoding="utf-8"))
    for el in parsed.elements:
        attr = LINK_ATTRS.get(el.tag)
        if not attr or attr not in el.attrs:
            continue
        href = el.attrs[attr]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//") or href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        yield el, href, parts


def test_every_internal_link_and_anchor_resolves(site):
    id_cache: dict[Path, set[str]] = {}
    broken = []
    checked = 0
    for path in site.pages():
        for el, href, parts in _targets(site, path):
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{site.rel(path)}: {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in id_cache:
                    id_cache[target] = parse(target.read_text(encoding="utf-8")).ids
                if unquote(parts.fragment) not in id_cache[target]:
                    broken.append(f"{site.rel(path)}: {href} (no #{parts.fragment})")
    assert checked > 500, f"only {checked} links checked: is the site built?"
    assert broken == []

