"""Language switcher and file:// navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def switch_language(page, target_lang: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    page.locator(f".md-header a.md-select__link[hreflang={target_lang}]").first.click()


@pytest.mark.browser
@pytest.mark.parametrize(
    "start,expected",
    [
        ("risker/patientsakerhet.html", "en/risker/patientsakerhet.html"),
        ("en/begrepp/icke-gora.html", "begrepp/icke-gora.html"),
    ],
)
def test_language_switcher_keeps_the_page(page, server, start, expected):
    page.goto(server + start)
    switch_language(page, "sv" if start.startswith("en/") else "en")
    expect(page).to_have_url(server + expected)


@pytest.mark.browser
def test_navigation_works_from_file(page, site):
    page.goto((site.root / "index.html").as_uri())
    page.locator(".md-nav--primary a.md-nav__link[href$='hinder.html']").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/hinder\.html$"))
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Hinder\W*$"))
    # the CSS loaded: the header has the site's primary colour
    expect(page.locator("header.md-header")).to_have_css("background-color", "rgb(29, 92, 87)")


@pytest.mark.browser
def test_language_switch_keeps_the_section(page, server, site):
    ids = re.findall(r'<h2 id="([^"]+)"', site.read("risker/index.html"))
    assert len(ids) >= 3 and ids == re.findall(r'<h2 id="([^"]+)"', site.read("en/risker/index.html"))
    page.goto(server + f"risker/index.html#{ids[1]}")
    switch_language(page, "en")
    expect(page).to_have_url(server + f"en/risker/index.html#{ids[1]}")
    expect(page.locator(f"#{ids[1]}")).to_be_in_viewport()


@pytest.mark.browser
def test_language_switch_keeps_a_glossary_entry(page, server):
    page.goto(server + "ordlista.html#icke-gora")
    switch_language(page, "en")
    expect(page).to_have_url(server + "en/ordlista.html#icke-gora")
