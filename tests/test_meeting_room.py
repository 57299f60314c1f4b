"""Issue 18: tables that read on a phone, catalogue filters that answer, a projector that survives a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from macros.loader import load_site_data

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
