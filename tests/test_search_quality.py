"""Search quality (issue #15): the committed test set tests/search_queries.yml, run in
Chromium through Material's own search box, over HTTP and from file://.

Every query must bring one of its expected pages into the first three result groups, and
no result may come from the other language. A failure lists every miss, with the share found.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml
from playwright.sync_api import expect

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TOP = 3

# The first TOP result groups (a page and its matching sections), as hrefs.
GROUPS_JS = """(items, top) => items.slice(0, top).map(li =>
  Array.from(li.querySelectorAll('a.md-search-result__link')).map(a => a.href))"""
ALL_JS = "links => links.map(a => a.href)"


def _plain(href: str) -> str:
    """A result link without Material's highlight query (?h=...)."""
    parts = urlsplit(href)
    return urlunsplit(parts._replace(query=""))


def _hit(groups: list[list[str]], base: str, expected: list[str]) -> bool:
    for hrefs in groups:
        group = [_plain(h) for h in hrefs]
        page = group[0].split("#")[0]
        for want in expected:
            if "#" in want:
                if base + want in group:
                    return True
            elif page == base + want:
                return True
    return False


def run_queries(page, base: str, lang: str) -> tuple[list[str], list[str]]:
    """Type every query of the language into the search box on the language's start page.
    Returns (misses, pages of the other language that were listed)."""
    root = base if lang == "sv" else base + f"{lang}/"
    page.goto(root + "index.html")
    config = json.loads(page.locator("#__config").text_content())
    placeholder = config["translations"]["search.result.placeholder"]
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    misses, foreign = [], []
    for case in QUERIES[lang]:
        box.fill("")
        box.press("End")  # Material reads the box on keyup
        expect(meta).to_have_text(placeholder, timeout=15_000)
        box.fill(case["q"])
        box.press("End")
        expect(meta).not_to_have_text(placeholder)
        groups = page.locator("li.md-search-result__item").evaluate_all(GROUPS_JS, TOP)
        every = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(ALL_JS)
        if not _hit(groups, root, case["expect"]):
            top = [_plain(g[0]).removeprefix(root) for g in groups]
            misses.append(f"{case['q']!r} ({case['why']}): top {top}, expected one of {case['expect']}")
        if lang == "sv":
            foreign += [h for h in every if h.startswith(base + "en/")]
        else:
            foreign += [h for h in every if not h.startswith(root)]
    return misses, foreign


def _check(misses: list[str], foreign: list[str], lang: str) -> None:
    total = len(QUERIES[lang])
    share = f"{total - len(misses)}/{total} queries found in the top {TOP}"
    assert not foreign, f"{lang}: results from the other language: {foreign[:5]}"
    assert not misses, f"{lang}: {share}; misses:\n" + "\n".join(misses)


def test_the_set_is_large_enough():
    assert len(QUERIES["sv"]) >= 40 and len(QUERIES["en"]) >= 15
    for lang, cases in QUERIES.items():
        for case in cases:
            assert case["q"] and case["expect"] and case["why"], (lang, case)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_search_quality_over_http(page, server, lang):
    misses, foreign = run_queries(page, server, lang)
    _check(misses, foreign, lang)
    assert page.external_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_search_quality_from_file(page, site, lang):
    misses, foreign = run_queries(page, site.root.as_uri() + "/", lang)
    _check(misses, foreign, lang)
