"""Search per language: one index per language, Swedish words with å/ä/ö and hyphens found,
over HTTP and from file://."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect


def _index(site, lang):
    folder = "search" if lang == "sv" else f"{lang}/search"
    return json.loads(site.read(f"{folder}/search_index.json"))


def test_index_is_split_per_language(site):
    sv, en = _index(site, "sv"), _index(site, "en")
    assert sv["config"]["lang"] == ["sv"] and en["config"]["lang"] == ["en"]
    assert sv["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in sv["docs"])
    # English locations are relative to en/ and point at English pages
    for doc in en["docs"]:
        assert (site.root / "en" / doc["location"].split("#")[0]).exists(), doc["location"]
    assert "stemmer" not in sv["config"]["pipeline"]


def test_offline_copies_of_the_indexes_match(site):
    for folder in ("search", "en/search"):
        js = site.read(f"{folder}/search_index.js")
        assert js.startswith("var __index = ")
        assert json.loads(js[len("var __index = ") :]) == json.loads(site.read(f"{folder}/search_index.json"))


def search(page, base_url: str, path: str, query: str) -> list[str]:
    """The result links for `query`, typed into the search box of `path`.

    Material searches on each keyup. Typed key by key, the first results to show would be
    those of a partial query ("l", "lå", ...), replaced a moment later. So the whole query
    goes in at once (fill: no keyup) and one key (End) sends it: every result list
    that appears is that of the whole query. The wait retries until the worker has
    answered (it may still be building the index when the query is sent).
    """
    page.goto(base_url + path)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    links = page.locator(".md-search-result__list a.md-search-result__link")
    expect(links.first).to_be_visible(timeout=10_000)
    return links.evaluate_all("els => els.map(e => e.href)")


CASES = [
    # (page, query, expected page in the hrefs, language)
    ("index.html", "lågvärdevård", "/begrepp/icke-gora.html", "sv"),
    ("index.html", "icke-göra", "/begrepp/icke-gora.html", "sv"),
    ("risker/index.html", "framgångsfaktorerna", "/framgangsfaktorer.html", "sv"),
    ("en/index.html", "accessibility", "/en/tillganglighet.html", "en"),
]


@pytest.mark.browser
@pytest.mark.parametrize("path,query,expected,lang", CASES)
def test_search_over_http(page, server, path, query, expected, lang):
    hrefs = search(page, server, path, query)
    assert any(expected in h for h in hrefs), hrefs
    if lang == "sv":
        assert not any("/en/" in h for h in hrefs), hrefs
    else:
        assert all("/en/" in h for h in hrefs), hrefs
    assert page.external_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("path,query,expected,lang", [CASES[1], CASES[3]])
def test_search_from_file(page, site, path, query, expected, lang):
    hrefs = search(page, site.root.as_uri() + "/", path, query)
    assert any(expected in h for h in hrefs), hrefs
    assert all(h.startswith("file://") for h in hrefs)
    if lang == "en":
        assert all("/en/" in h for h in hrefs), hrefs
    else:
        assert not any("/en/" in h for h in hrefs), hrefs


@pytest.mark.browser
def test_a_word_without_diacritics_finds_the_page_and_real_words_stay_highlighted(page, server):
    hrefs = search(page, server, "index.html", "lagvardevard")
    assert any("/begrepp/icke-gora.html" in h for h in hrefs), hrefs
    # typed with å and ä, the real word is still marked in the results
    box = page.locator("input.md-search__input")
    box.fill("lågvärdevård")
    box.press("End")
    marks = page.locator(".md-search-result__list mark")
    expect(marks.first).to_have_text(re.compile("^lågvärdevård", re.I))
