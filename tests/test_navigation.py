"""Language switcher and file:// navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.parametrize("start,expected", [
    ("risker/patientsakerhet.html", "en/risker/patientsakerhet.html"),
    ("en/begrepp/icke-gora.html", "begrepp/icke-gora.html"),
])
def test_language_switcher_keeps_the_page(page, server, start, expected):
    page.goto(server + start)
    target_lang = "sv" if start.startswith("en/") else "en"
    page.locator(".md-header .md-select").first.hover()
    page.locator(f".md-header a.md-select__link[hreflang={target_lang}]").first.click()
    page.wait_for_load_state()
    assert page.url == server + expected


@pytest.mark.browser
def test_navigation_works_from_file(page, site):
    page.goto((site.root / "index.html").as_uri())
    page.locator(".md-nav--primary a.md-nav__link[href$='hinder.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/hinder.html")
    assert page.locator("article h1").evaluate("e => e.firstChild.textContent.trim()") == "Hinder"
    # the CSS loaded: the header has the site's primary colour
    colour = page.locator("header.md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(29, 92, 87)"


@pytest.mark.browser
def test_language_switch_keeps_the_section(page, server, site):
    import re

    ids = re.findall(r'<h2 id="([^"]+)"', site.read("risker/index.html"))
    assert len(ids) >= 3 and ids == re.findall(r'<h2 id="([^"]+)"', site.read("en/risker/index.html"))
    page.goto(server + f"risker/index.html#{ids[1]}")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-header a.md-select__link[hreflang=en]").first.click()
    expect(page).to_have_url(server + f"en/risker/index.html#{ids[1]}")
    expect(page.locator(f"#{ids[1]}")).to_be_in_viewport()


@pytest.mark.browser
def test_language_switch_keeps_a_glossary_entry(page, server):
    page.goto(server + "ordlista.html#icke-gora")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-header a.md-select__link[hreflang=en]").first.click()
    page.wait_for_load_state()
    assert page.url == server + "en/ordlista.html#icke-gora"
