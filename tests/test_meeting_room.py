"""Issue 18: tables that read on a phone, catalogue filters that answer, a projector that survives a reload."""

from __future__ import annotations

import datetime
import re

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
    assert box and box["height"] < 180, "a card should be a few short lines (name, before, after, change)"
    # the index note is said once above the table, not in every row
    expect(phone.locator("article .table-note")).to_have_count(1)
    # only the row with an index of its own (blood cultures) keeps a note of its own
    expect(phone.locator("article .results tbody th", has_text="Index")).to_have_count(1)
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


# --- the projector survives a reload --------------------------------------------------

EXERCISE = "ovningar/fasa-ut-tillsammans.html"
SLIDE = ".projector__slide:not([hidden])"


def open_projector(page):
    page.get_by_role("button", name="Visa på storbild").click()
    expect(page.locator(".projector[role=dialog]")).to_be_visible()


@pytest.mark.browser
def test_reload_on_slide_8_keeps_the_slide_and_the_running_timer(page, server):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    page.clock.install(time=start)
    page.goto(server + EXERCISE)
    page.clock.pause_at(start + datetime.timedelta(minutes=5))  # time moves only when the test says so
    open_projector(page)
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    expect(page.locator(".projector__counter")).to_have_text("Bild 8 av 10")
    assert page.url.endswith("#storbild-8")
    timer = page.locator(SLIDE).get_by_role("timer")
    expect(timer).to_have_text("05:00")
    toggle = page.locator(SLIDE).get_by_role("button", name="Starta")
    toggle.click()
    expect(page.locator(SLIDE).get_by_role("button", name="Pausa")).to_be_visible()
    page.clock.run_for(90_000)
    expect(timer).to_have_text("03:30")

    page.reload()
    page.clock.run_for(20_000)  # the reload took a while; the timer kept counting
    expect(page.locator(".projector[role=dialog]")).to_be_visible()
    expect(page.locator(".projector__counter")).to_have_text("Bild 8 av 10")
    timer = page.locator(SLIDE).get_by_role("timer")
    expect(timer).to_have_text("03:10")
    expect(page.locator(SLIDE).get_by_role("button", name="Pausa")).to_be_focused()
    # The list came into the slide before its script ran: it still has its text.
    expect(page.locator(SLIDE).get_by_role("button", name="Lägg till")).to_be_visible()
    expect(page.locator(SLIDE).get_by_role("button", name="Skriv ut listan")).to_be_visible()
    page.clock.run_for(10_000)
    expect(timer).to_have_text("03:00")

    # A paused timer comes back paused with its time left; the other timers are untouched.
    page.locator(SLIDE).get_by_role("button", name="Pausa").click()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".projector__counter")).to_have_text("Bild 7 av 10")
    page.reload()
    page.clock.run_for(60_000)
    expect(page.locator(".projector__counter")).to_have_text("Bild 7 av 10")
    expect(page.locator(SLIDE).get_by_role("timer")).to_have_text("10:00")
    page.keyboard.press("ArrowRight")
    expect(page.locator(SLIDE).get_by_role("timer")).to_have_text("03:00")
    expect(page.locator(SLIDE).get_by_role("button", name="Starta")).to_be_visible()


@pytest.mark.browser
def test_back_leaves_projector_mode_and_close_clears_the_address(page, server):
    page.goto(server + EXERCISE)
    open_projector(page)
    page.keyboard.press("ArrowRight")
    assert page.url.endswith("#storbild-2")
    page.go_back()
    expect(page.locator(".projector[role=dialog]")).to_be_hidden()
    assert "#storbild" not in page.url
    assert page.url.startswith(server + EXERCISE)
    # Leaving and reloading stays on the page: the projector does not reopen by itself.
    page.reload()
    expect(page.get_by_role("button", name="Visa på storbild")).to_be_visible()
    expect(page.locator(".projector[role=dialog]")).to_be_hidden()
    open_projector(page)
    page.get_by_role("button", name="Stäng storbild").click()
    expect(page.locator(".projector[role=dialog]")).to_be_hidden()
    expect(page).not_to_have_url(re.compile("storbild"))


@pytest.mark.browser
def test_opening_focuses_a_useful_control_and_the_toggle_names_its_action(page, server):
    page.goto(server + EXERCISE)
    open_projector(page)
    expect(page.locator(".projector").get_by_role("button", name="Nästa")).to_be_focused()
    page.keyboard.press("Escape")
    page.goto(server + EXERCISE + "#storbild-5")  # a shared link to a timed step
    slide = page.locator(SLIDE)
    expect(page.locator(".projector__counter")).to_have_text("Bild 5 av 10")
    toggle = slide.locator("[data-timer=toggle]")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_accessible_name("Starta")
    page.keyboard.press("Enter")
    expect(toggle).to_have_accessible_name("Pausa")
    expect(slide.get_by_role("button", name="Starta")).to_have_count(0)
    page.keyboard.press("Enter")
    expect(toggle).to_have_accessible_name("Starta")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_headings_use_the_text_colour_and_weight(browser, server, scheme):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme=scheme)
    pg = context.new_page()
    try:
        for rel in ("", "en/", "exempel/", "exempel/sus-labbprover/"):
            pg.goto(server + rel)
            h1 = pg.locator("article h1").first
            expect(h1).to_be_visible()
            style = h1.evaluate(
                "h => { const s = getComputedStyle(h), b = getComputedStyle(h.closest('.md-typeset'));"
                " return [s.color, b.color, s.fontWeight]; }"
            )
            assert style[0] == style[1], f"{rel} ({scheme}): h1 colour {style[0]} is not the text colour {style[1]}"
            assert int(style[2]) >= 600, f"{rel} ({scheme}): h1 weight {style[2]}"
    finally:
        context.close()


# --- the end of the meeting on the projector ---------------------------------------------

LIST_KEY = "klokare-vard.prioriteringslista"


def seed_list(page, items):
    page.evaluate(
        "([key, items]) => localStorage.setItem(key, JSON.stringify({version: 1, items: items.map("
        "([text, votes], i) => ({id: 'seed' + i, text, votes, added: i}))}))",
        [LIST_KEY, items],
    )
    page.reload()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axe_on_the_changed_views(browser, server, lang):
    from tests.test_a11y import run_axe

    prefix = PREFIX[lang]
    failures = {}
    for viewport in (PHONE, {"width": 1920, "height": 1080}):
        context = browser.new_context(viewport=viewport)
        pg = context.new_page()
        try:
            pg.goto(f"{server}{prefix}exempel/sus-labbprover/")
            expect(pg.locator("article .results tbody th").first).to_be_visible()
            failures[f"results {viewport['width']}"] = run_axe(pg)
            pg.goto(f"{server}{prefix}exempel/")
            summary = pg.locator(".catalogue__more > summary")
            if summary.is_visible():
                summary.click()
            pg.locator("#catalogue-profession").select_option("sjukskoterska")
            expect(pg.locator(".catalogue__more > summary")).to_contain_text("(1)")
            failures[f"catalogue {viewport['width']}"] = run_axe(pg)
            pg.goto(f"{server}{prefix}{EXERCISE}")
            seed_list(pg, [("Blodprover av rutin", 7), ("Övervakning på natten", 5)])
            failures[f"exercise {viewport['width']}"] = run_axe(pg)
            pg.goto(f"{server}{prefix}{EXERCISE}#storbild-8")
            expect(pg.locator(f"{SLIDE} .priority-list__item")).to_have_count(2)
            failures[f"voting slide {viewport['width']}"] = run_axe(pg)
            shot = f"/tmp/room-shots/{lang}-{viewport['width']}"
            pg.screenshot(path=f"{shot}-voting-slide.png")
            pg.goto(f"{server}{prefix}exempel/sus-labbprover/#resultat")
            pg.screenshot(path=f"{shot}-results-table.png")
            pg.goto(f"{server}{prefix}exempel/?profession=sjukskoterska")
            pg.screenshot(path=f"{shot}-catalogue.png")
        finally:
            context.close()
    assert {k: v for k, v in failures.items() if v} == {}


PRINT_STUB = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


def centred_over(heading, field) -> bool:
    """The heading's middle lies over the field (the same column)."""
    h, f = heading.bounding_box(), field.bounding_box()
    middle = h["x"] + h["width"] / 2
    return f["x"] <= middle <= f["x"] + f["width"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_votes_column_has_a_visible_heading_in_both_views(page, server, lang):
    ui = {"sv": ("Förslag", "Röster", "Visa på storbild"), "en": ("Suggestion", "Votes", "Present")}[lang]
    page.goto(f"{server}{PREFIX[lang]}{EXERCISE}")
    root = page.locator(".exercise .priority-list").first
    root.scroll_into_view_if_needed()  # the list loads as the reader comes to it
    expect(root.locator("input[type=text]").first).to_be_visible()
    expect(root.locator(".priority-list__columns")).to_be_hidden()  # an empty list has no columns
    seed_list(page, [("Blodprover av rutin", 7), ("Övervakning på natten", 5)])
    heads = root.locator(".priority-list__columns")
    expect(heads).to_be_visible()
    expect(heads).to_contain_text(ui[0])
    expect(heads.locator(".priority-list__number")).to_have_text(ui[1])
    assert centred_over(heads.locator(".priority-list__number"), root.locator(".priority-list__number").first)
    page.get_by_role("button", name=ui[2]).click()
    expect(page.locator("div.projector")).to_be_visible()  # projector mode loads on the first press
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    heads = page.locator(f"{SLIDE} .priority-list__columns")
    expect(heads.locator(".priority-list__number")).to_have_text(ui[1])
    expect(heads).to_be_in_viewport()
    assert centred_over(heads.locator(".priority-list__number"), page.locator(f"{SLIDE} .priority-list__number").first)
    expect(page.locator(f"{SLIDE} .priority-list__votes-label").first).to_be_hidden()


@pytest.mark.browser
def test_on_a_phone_each_row_names_its_votes(phone, server):
    phone.goto(server + EXERCISE)
    seed_list(phone, [("Blodprover av rutin", 7), ("Övervakning på natten", 5)])
    root = phone.locator(".exercise .priority-list").first
    expect(root.locator(".priority-list__item")).to_have_count(2)
    expect(root.locator(".priority-list__columns")).to_be_hidden()  # the rows wrap: no headings over columns
    labels = root.locator(".priority-list__votes-label")
    expect(labels).to_have_text(["Röster", "Röster"])
    expect(labels.first).to_be_visible()


@pytest.mark.browser
def test_the_voting_slide_prints_copies_and_downloads_the_list(page, server):
    page.add_init_script(PRINT_STUB)
    page.goto(server + EXERCISE)
    seed_list(page, [("Blodprover av rutin", 7), ("Övervakning på natten", 5), ("Röntgen vid ryggont", 3)])
    page.goto(server + EXERCISE + "#storbild-8")
    slide = page.locator(SLIDE)
    expect(slide.locator(".priority-list__item")).to_have_count(3)
    for name in ("Skriv ut listan", "Kopiera som text", "Ladda ner CSV"):
        expect(slide.get_by_role("button", name=name)).to_be_visible()
    for name in ("Skriv ut arbetsbladet", "Spara som fil", "Öppna sparad fil", "Rensa"):
        expect(slide.get_by_role("button", name=name)).to_be_hidden()

    with page.expect_download() as download:
        slide.get_by_role("button", name="Ladda ner CSV").click()
    assert re.fullmatch(r"prioriteringslista-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)

    slide.get_by_role("button", name="Skriv ut listan").click()
    assert page.evaluate("window.__printed") == 1
    sheet = page.locator(".priority-list-sheet")
    page.emulate_media(media="print")
    expect(sheet).to_be_visible()
    expect(page.locator(".projector")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(sheet.locator("h1")).to_have_text("Prioriteringslista")
    expect(sheet.locator(".priority-list-sheet__date")).to_have_text(re.compile(r"Datum: \d{4}-\d{2}-\d{2}"))
    expect(sheet.locator("th")).to_have_text(["Plats", "Förslag", "Röster"])
    expect(sheet.locator("tbody tr")).to_have_count(3)  # no empty rows to fill in
    expect(sheet.locator("tbody tr").first.locator("td")).to_have_text(["1", "Blodprover av rutin", "7"])
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(sheet).to_have_count(0)
    page.emulate_media(media="screen")
    expect(page.locator(".projector[role=dialog]")).to_be_visible()  # the meeting goes on


@pytest.mark.browser
def test_the_list_printout_names_the_unit_and_date_and_the_follow_up_fields(page, server):
    page.add_init_script(PRINT_STUB)
    page.goto(server + EXERCISE)
    seed_list(page, [("Blodprover av rutin", 7)])
    root = page.locator(".exercise .priority-list").first
    root.get_by_label("Listans namn").fill("Avdelning 12")
    root.get_by_label("Listans namn").press("Enter")
    root.get_by_label("Datum", exact=True).fill("2026-03-02")
    root.get_by_label("Datum", exact=True).dispatch_event("change")
    root.get_by_role("button", name="Skriv ut listan").click()
    page.emulate_media(media="print")
    sheet = page.locator(".priority-list-sheet")
    expect(sheet.locator("h1")).to_have_text("Avdelning 12")
    expect(sheet.locator(".priority-list-sheet__date")).to_have_text("Datum: 2026-03-02")
    expect(page.locator(".exercise")).to_be_hidden()
