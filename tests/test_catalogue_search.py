"""The catalogue's own search box (issue #15): ranked by the number of matching words,
blind to å/ä/ö, finds words inside compounds, and never leaves the reader empty-handed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros.loader import load_site_data
from tests.conftest import ROOT

DATA = load_site_data(ROOT / "docs")
TOTAL = len(DATA.examples)
pytestmark = pytest.mark.browser


def _shown(page) -> list[str]:
    """The ids of the visible cards, in the order shown."""
    return page.locator(".catalogue__card:visible").evaluate_all("els => els.map(e => e.id)")


def _type(page, words: str, label: str = "Sök bland exemplen") -> None:
    page.get_by_label(label).fill(words)


def test_any_word_counts_and_most_words_come_first(page, server):
    page.goto(server + "exempel/index.html")
    _type(page, "onödiga prover")
    status = page.get_by_role("status")
    expect(status).not_to_have_text(f"Visar 0 av {TOTAL} exempel")
    shown = _shown(page)
    # both lab examples have both words (their search words); they lead the list
    assert set(shown[:2]) == {"sus-labbprover", "sfam-lipider"}, shown
    expect(status).to_have_text(f"Visar {len(shown)} av {TOTAL} exempel")
    assert parse_qs(urlsplit(page.url).query) == {"text": ["onödiga prover"]}


@pytest.mark.parametrize(
    "words,expected",
    [
        ("lagvardeinsatser", "region-stockholm-stod"),  # typed without å/ä
        ("prov", "sus-labbprover"),  # part of the compound labbprover
        ("labbproverna", "sus-labbprover"),  # definite plural of a word in the text
        ("ANGEST", "bensodiazepiner-angest"),  # case and ä
    ],
)
def test_words_without_diacritics_parts_of_compounds_and_endings(page, server, words, expected):
    page.goto(server + "exempel/index.html")
    _type(page, words)
    expect(page.locator(f"#{expected}")).to_be_visible()
    assert expected in _shown(page)[:3]


def test_no_match_says_which_word_and_offers_ways_on(page, server):
    page.goto(server + "exempel/index.html?profession=farmaceut")
    _type(page, "zyxw blodfetter")
    # blodfetter matches an example, but not among the pharmacists' ones; zyxw matches nothing
    status = page.get_by_role("status")
    expect(status).to_have_text(f"Visar 0 av {TOTAL} exempel. Inget exempel innehåller ”zyxw”.")
    empty = page.locator(".catalogue__empty")
    expect(empty).to_be_visible()
    drop = empty.get_by_role("button", name="Ta bort filtret Yrkesgrupper")
    expect(drop).to_have_text("Ta bort filtret Yrkesgrupper: Farmaceuter (1 exempel)")
    site = empty.get_by_role("link", name="Söka på hela webbplatsen efter orden")
    assert site.get_attribute("href") == "../index.html?q=zyxw%20blodfetter"
    drop.click()
    assert _shown(page) == ["sfam-lipider"]
    expect(empty).to_be_hidden()
    assert parse_qs(urlsplit(page.url).query) == {"text": ["zyxw blodfetter"]}
    _type(page, "zyxw")
    empty.get_by_role("button", name="Rensa sökningen").click()
    assert len(_shown(page)) == TOTAL
    expect(status).to_have_text(f"Visar {TOTAL} av {TOTAL} exempel")
    assert urlsplit(page.url).query == ""


def test_the_site_search_link_opens_materials_search(page, server):
    page.goto(server + "exempel/index.html")
    _type(page, "zyxw prover")
    expect(page.get_by_role("status")).to_contain_text("”zyxw”")
    # "prover" matches, so the list is not empty; the site search is offered only when it is
    _type(page, "zyxw")
    page.locator(".catalogue__empty").get_by_role("link").click()
    expect(page.locator("input.md-search__input")).to_have_value("zyxw")


def test_english_catalogue(page, server):
    page.goto(server + "en/exempel/index.html")
    _type(page, "unnecessary blood tests", label="Search the examples")
    assert set(_shown(page)[:2]) == {"sus-labbprover", "sfam-lipider"}
    _type(page, "qqqq", label="Search the examples")
    expect(page.get_by_role("status")).to_have_text(f"Showing 0 of {TOTAL} examples. No example contains ”qqqq”.")
    expect(page.locator(".catalogue__empty").get_by_role("button", name="Clear the search")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_no_match_help_passes_axe(browser, server, scheme):
    from tests.test_a11y import run_axe

    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "exempel/index.html?profession=farmaceut&text=zyxw+blodfetter")
    expect(page.locator(".catalogue__empty")).to_be_visible()
    expect(page.locator(".catalogue__without button")).to_have_count(1)
    assert run_axe(page) == []
    context.close()
