"""Issue 18: tables that read on a phone, catalogue filters that answer, a projector that survives a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.loader import load_site_data
from macros.strings import t
from tests.conftest import ROOT

DATA = load_site_data(ROOT / "docs")
PREFIX = {"sv": "", "en": "en/"}
PHONE = {"width": 375, "height": 812}

CELLS_OFF_SCREEN = """() => {
  const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('article table th, article table td')]
    .filter(c => c.getClientRects().length)
    .map(c => [c.textContent.trim().slice(0, 40), c.getBoundingClientRect()])
    .filter(([, r]) => r.left < -0.5 || r.right > w + 0.5)
    .map(([text, r]) => `${text} (${Math.round(r.left)}–${Math.round(r.right)})`);
}"""


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_table_cell_lies_outside_a_phone_screen(phone, server, lang):
    with_tables = [ex.id for ex in DATA.examples.values() if ex.results]
    assert with_tables
    for ex_id in DATA.examples:
        phone.goto(f"{server}{PREFIX[lang]}exempel/{ex_id}/")
        if ex_id in with_tables:
            expect(phone.locator("article .results tbody th").first).to_be_visible()
        assert phone.evaluate(CELLS_OFF_SCREEN) == [], ex_id
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], ex_id


@pytest.mark.browser
def test_a_phone_card_shows_the_figures_with_their_labels(phone, server):
    phone.goto(f"{server}exempel/sus-labbprover/")
    card = phone.locator("article .results tbody tr").first
    expect(card.locator("th")).to_have_text("P-CRP")
    label = card.locator("td").nth(2).evaluate("c => getComputedStyle(c, '::before').content")
    assert label == '"Förändring"'
    expect(card.locator("td").nth(2)).to_have_text("−20\u00a0%")
    box = card.bounding_box()
    assert box and box["height"] < 120, "a card should be a few short lines"
    # the index note is said once above the table, not in every row
    expect(phone.locator("article .table-note")).to_have_count(1)
    expect(phone.locator("article .results tbody th", has_text="Index")).to_have_count(0)
    phone.screenshot(path="/tmp/room-shots/table-phone-sv.png", full_page=False)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_choosing_a_filter_on_a_phone_shows_the_answer(phone, server, lang):
    phone.goto(f"{server}{PREFIX[lang]}exempel/")
    toggle = phone.locator(".catalogue__more > summary")
    expect(toggle).to_have_text("Filtrera (0)" if lang == "sv" else "Filter (0)")
    expect(phone.locator("#catalogue-profession")).to_be_hidden()
    toggle.click()
    phone.locator("#catalogue-profession").select_option("sjukskoterska")
    expect(toggle).to_have_text("Filtrera (1)" if lang == "sv" else "Filter (1)")
    count = phone.locator(".catalogue__count")
    n = len(DATA.examples)
    expect(count).not_to_have_text(t(lang, "shown", n=n, total=n))
    first = phone.locator(".catalogue__card:not([hidden])").first
    expect(count).to_be_in_viewport()
    expect(first).to_be_in_viewport()
    phone.screenshot(path=f"/tmp/room-shots/catalogue-filter-phone-{lang}.png")


@pytest.mark.browser
def test_the_filters_stay_open_on_a_wide_screen(page, server):
    page.goto(f"{server}exempel/")
    expect(page.locator("#catalogue-profession")).to_be_visible()
    expect(page.locator(".catalogue__more > summary")).to_be_hidden()
