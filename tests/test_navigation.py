"""Language switcher and file:// navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.test_a11y import run_axe


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


def test_the_404_page_is_swedish_first_with_english_below(site):
    """One 404 page answers a missing address in any language: the default language's
    (not whichever language was built last), with the English part marked as English and
    links from the server root to both start pages."""
    html = site.read("404.html")
    assert re.search(r'<html lang="sv"', html)
    assert "<h1>Sidan finns inte</h1>" in html
    english = re.search(r'<div lang="en">(.*?)</div>', html, re.S)
    assert english and "<h2>Page not found</h2>" in english.group(1)
    assert '<a href="/index.html">Gå till startsidan</a>' in html
    assert '<a href="/en/index.html">Go to the English start page</a>' in english.group(1)
    assert not (site.root / "en" / "404.html").exists()


@pytest.mark.browser
def test_a_missing_address_gets_the_404_page_and_its_links_work(page, server, site):
    """As a reader meets it: a mistyped address deep in the site, answered with the 404 page
    as a web server is set up to do; the links start at the server root, so they still lead
    to the start pages from there."""
    missing = server + "begrepp/finns-inte/alls.html"
    page.route(missing, lambda route: route.fulfill(status=404, path=site.root / "404.html", content_type="text/html; charset=utf-8"))
    page.goto(missing)
    expect(page.locator("h1")).to_have_text("Sidan finns inte")
    assert run_axe(page) == []
    page.get_by_role("link", name="Go to the English start page").click()
    expect(page).to_have_url(server + "en/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
