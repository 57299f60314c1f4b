"""Browser tests for the workplace-meeting kit: projector mode, step timers, the
priority list, readability on a big screen, accessibility (axe) and the A4 handout.

The pages come from the strict build in conftest.py and are served on 127.0.0.1
(one test opens them from file://). Timers are driven by Playwright's fake clock,
paused (see pause_clock), so only clock.run_for moves the time, however busy the machine.

Every test gets a fresh browser context, so localStorage starts empty. The fake clock
drives JavaScript timers but not CSS transitions, which run in real time: colours are
checked with Playwright's retrying expect (the finished colour), never read once.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = "ovningar/fasa-ut-tillsammans.html"
EXERCISE_EN = "en/ovningar/fasa-ut-tillsammans.html"
DECK = "ovningar/presentation.html"
FOLLOW_UP = "ovningar/uppfoljning.html"
KEY = "klokare-vard.prioriteringslista"
SLIDE = ".projector__slide:not([hidden])"
# The timer's finished colours (docs/stylesheets/exercise.css), as getComputedStyle gives them.
TIMER_NORMAL = {"background-color": "rgb(238, 245, 244)", "border-color": "rgb(29, 92, 87)", "color": "rgb(26, 26, 26)"}
TIMER_WARNING = {"background-color": "rgb(255, 210, 63)", "border-color": "rgb(122, 82, 0)", "color": "rgb(0, 0, 0)"}
TIMER_DONE = {"background-color": "rgb(161, 0, 28)", "border-color": "rgb(92, 0, 16)", "color": "rgb(255, 255, 255)"}


CLOCK_START = datetime(2026, 3, 2, 9, 0, 0)


def install_clock(page) -> None:
    """Fake timers from the first page load on (call before page.goto)."""
    page.clock.install(time=CLOCK_START)


def pause_clock(page) -> None:
    """Stop the fake clock (call once the page is loaded). An installed clock still runs at
    real-time pace: on a busy machine seconds would pass between two steps of a test.
    Paused, only clock.run_for moves it. The jump ahead leaves room for a slow page load."""
    page.clock.pause_at(CLOCK_START + timedelta(hours=1))


def exercise_data(exercise_id: str = "fasa-ut-tillsammans") -> dict:
    return yaml.safe_load((ROOT / "docs/data/ovningar" / f"{exercise_id}.yml").read_text(encoding="utf-8"))


def step_titles(lang: str = "sv") -> list[str]:
    return [s["title"][lang] for s in exercise_data()["slides"] if s.get("minutes")]


def first_timed_index() -> int:
    """Index of the first timed step among the projector slides (slide 0 is the title slide)."""
    slides = exercise_data()["slides"]
    return 1 + next(i for i, s in enumerate(slides) if s.get("minutes"))


def expect_heading(page, title: str) -> None:
    expect(page.locator(f"{SLIDE} h2")).to_have_text(title)


def expect_colours(box, colours: dict[str, str]) -> None:
    """The finished colours (after the 0.3 s transition), waited for, never read mid-fade."""
    for prop, value in colours.items():
        expect(box).to_have_css(prop, value)


def go_to_slide(page, index: int) -> None:
    # The keys are for the projector: it opens once its code has loaded (exercise-start.js).
    expect(page.locator(".projector[role=dialog]")).to_be_visible()
    page.keyboard.press("Home")
    for _ in range(index):
        page.keyboard.press("ArrowRight")


def seed_list(page, items: list[tuple[str, int]]) -> None:
    page.evaluate(
        "([key, items]) => localStorage.setItem(key, JSON.stringify({version: 1, items: items.map("
        "([text, votes], i) => ({id: 'seed' + i, text, votes, added: i}))}))",
        [KEY, items],
    )
    page.reload()


def expect_list(page, texts: list[str], scope: str = ".priority-list") -> None:
    """The list shows exactly these suggestions, in this order."""
    expect(page.locator(f"{scope} .priority-list__text")).to_have_text(texts)


# --- projector mode -----------------------------------------------------------------


def test_projector_opens_by_button_and_key_and_steps_through(page, server):
    page.goto(server + EXERCISE)
    data = exercise_data()
    button = page.get_by_role("button", name="Visa på storbild")
    expect(button).to_be_visible()
    expect(page.locator(".exercise__hint")).to_have_text("eller tryck Alt+Skift+P")
    expect(button).to_have_attribute("aria-keyshortcuts", "Alt+Shift+P")

    button.click()
    dialog = page.get_by_role("dialog", name=data["title"]["sv"])
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    # Title slide: title, subtitle, total minutes.
    expect(page.locator(SLIDE)).to_contain_text(data["title"]["sv"])
    expect(page.locator(SLIDE)).to_contain_text(data["subtitle"]["sv"])
    expect(page.locator(SLIDE)).to_contain_text("Tid för stegen: 30 minuter")
    expect(page.locator(".projector__counter")).to_have_text(f"Bild 1 av {len(data['slides']) + 1}")
    # The page behind is inert while the dialog is open.
    expect(page.locator(".md-container")).to_have_js_property("inert", True)

    titles = [s["title"]["sv"] for s in data["slides"]]
    page.keyboard.press("ArrowRight")
    expect_heading(page, titles[0])
    page.keyboard.press("PageDown")
    expect_heading(page, titles[1])
    page.keyboard.press("ArrowLeft")
    expect_heading(page, titles[0])
    page.keyboard.press("PageUp")
    expect_heading(page, data["title"]["sv"])
    # Visible buttons do the same.
    dialog.get_by_role("button", name="Nästa").click()
    expect_heading(page, titles[0])
    dialog.get_by_role("button", name="Föregående").click()
    expect_heading(page, data["title"]["sv"])
    # Previous on the first slide stays there.
    page.keyboard.press("ArrowLeft")
    expect_heading(page, data["title"]["sv"])

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    expect(page.locator(".md-container")).to_have_js_property("inert", False)

    # Alt+Shift+P opens it and does not reach Material's shortcuts (a keydown
    # listener on window): a listener there records every key that gets through.
    url = page.url
    page.evaluate("window.__keys = []; window.addEventListener('keydown', e => window.__keys.push(e.key))")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Alt+Shift+P")  # a modifier, not a single letter (WCAG 2.1.4)
    expect(dialog).to_be_visible()
    keys = [k for k in page.evaluate("window.__keys") if k not in ("Alt", "Shift")]  # the modifiers alone do nothing
    assert keys == [], "the shortcut reached window (Material's shortcuts)"
    expect(page).to_have_url(re.compile(re.escape(url.split("#")[0]) + r"(#storbild-\d+)?$"))  # only the #storbild-N fragment changes
    dialog.get_by_role("button", name="Stäng storbild").click()
    expect(dialog).to_be_hidden()

    # Not while typing: P in the priority list's text field is just a letter.
    field = page.get_by_role("textbox", name="Förslag")
    field.click()
    field.press("p")
    expect(field).to_have_value("p")
    expect(dialog).to_be_hidden()
    assert page.external_requests == []


def test_timer_counts_down_pauses_adds_and_ends(page, server):
    install_clock(page)
    page.goto(server + EXERCISE)
    pause_clock(page)
    page.get_by_role("button", name="Visa på storbild").click()
    go_to_slide(page, first_timed_index())
    slide = page.locator(SLIDE)
    expect_heading(page, step_titles()[0])
    timer = slide.get_by_role("timer")
    box = slide.locator(".projector__timer")
    progress = page.locator(".projector__progress")
    expect(timer).to_have_text("05:00")
    expect(timer).to_have_attribute("aria-live", "off")
    expect(progress).to_have_text("Steg 1 av 4 · 30 min kvar av övningen")
    for name in ("Starta", "Återställ", "+1 min"):  # one Start/Pause button, named for what it does
        expect(slide.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect_colours(box, TIMER_NORMAL)

    slide.get_by_role("button", name="Starta").click()
    page.clock.run_for(60_000)
    expect(timer).to_have_text("04:00")
    expect(progress).to_have_text("Steg 1 av 4 · 29 min kvar av övningen")
    expect(page.locator(".projector__live")).to_have_text("4 minuter kvar")

    slide.get_by_role("button", name="Pausa").click()
    page.clock.run_for(30_000)
    expect(timer).to_have_text("04:00")
    slide.get_by_role("button", name="+1 min").click()
    expect(timer).to_have_text("05:00")

    slide.get_by_role("button", name="Starta").click()
    page.clock.run_for(4 * 60_000 + 30_000)
    expect(timer).to_have_text("00:30")
    expect(box).to_have_class(re.compile(r"\bis-warning\b"))
    expect(box).not_to_have_class(re.compile(r"\bis-done\b"))
    expect(page.locator(".projector__live")).to_have_text("En minut kvar")
    # Last minute: amber with black text (the finished colours, after the transition).
    expect_colours(box, TIMER_WARNING)

    # The timer keeps its state (and keeps running) while moving between slides.
    page.keyboard.press("ArrowRight")
    page.clock.run_for(10_000)
    page.keyboard.press("ArrowLeft")
    expect(timer).to_have_text("00:20")

    page.clock.run_for(25_000)
    expect(timer).to_have_text("00:00")
    expect(box).to_have_class(re.compile(r"\bis-done\b"))
    expect(box).not_to_have_class(re.compile(r"\bis-warning\b"))
    expect(slide.get_by_text("Tiden är slut")).to_be_visible()
    expect(page.locator(".projector__live")).to_have_text("Tiden är slut")
    # Time is up: dark red with white text.
    expect_colours(box, TIMER_DONE)
    expect(progress).to_have_text("Steg 1 av 4 · 25 min kvar av övningen")

    # Reset brings it back; Space starts and pauses, R resets (on the next timed step).
    slide.get_by_role("button", name="Återställ").click()
    expect(timer).to_have_text("05:00")
    expect(slide.get_by_text("Tiden är slut")).to_be_hidden()
    expect_colours(box, TIMER_NORMAL)
    page.keyboard.press("ArrowRight")
    timer2 = page.locator(SLIDE).get_by_role("timer")
    expect(timer2).to_have_text("10:00")
    page.locator(".projector").focus()
    page.keyboard.press("Space")
    page.clock.run_for(3_000)
    expect(timer2).to_have_text("09:57")
    page.keyboard.press("Space")
    page.clock.run_for(3_000)
    expect(timer2).to_have_text("09:57")
    page.keyboard.press("r")
    expect(timer2).to_have_text("10:00")
    # The sound is off by default.
    expect(page.get_by_role("checkbox", name="Ljud vid tidens slut")).not_to_be_checked()


def test_projector_from_file_url(page, site):
    page.goto(site.root.joinpath(EXERCISE).as_uri())
    page.get_by_role("button", name="Visa på storbild").click()
    dialog = page.locator(".projector[role=dialog]")
    expect(dialog).to_be_visible()
    go_to_slide(page, first_timed_index())
    expect(page.locator(SLIDE).get_by_role("timer")).to_have_text("05:00")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # The priority list is kept on file:// too.
    page.get_by_role("textbox", name="Förslag").fill("Fasta före provtagning")
    page.get_by_role("textbox", name="Förslag").press("Enter")
    page.reload()
    expect_list(page, ["Fasta före provtagning"])


# --- priority list ------------------------------------------------------------------


def test_priority_list_add_vote_reload_export_clear(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page.goto(server + EXERCISE)
    widget = page.locator(".exercise .priority-list")
    widget.scroll_into_view_if_needed()  # the list loads as the reader comes to it
    expect(widget.locator(".priority-list__nojs")).to_be_hidden()
    expect(widget.locator(".priority-list__local")).to_have_text("Listan sparas bara i den här webbläsaren. Inget skickas någonstans.")
    expect(widget.get_by_text("Listan är tom.")).to_be_visible()

    field = page.get_by_role("textbox", name="Förslag")
    field.fill("Blodprover av rutin")
    field.press("Enter")
    field.fill('Dubbla "kontroller", ärenden')
    page.get_by_role("button", name="Lägg till").click()
    field.fill("Övervakning på natten")
    field.press("Enter")
    expect(field).to_have_value("")
    expect_list(page, ["Blodprover av rutin", 'Dubbla "kontroller", ärenden', "Övervakning på natten"])

    page.get_by_role("button", name="En röst till: Övervakning på natten").click()
    page.get_by_role("button", name="En röst till: Övervakning på natten").click()
    votes = page.get_by_role("spinbutton", name='Röster: Dubbla "kontroller", ärenden')
    votes.fill("3")
    votes.press("Enter")
    page.get_by_role("button", name="En röst till: Blodprover av rutin").click()
    page.get_by_role("button", name="En röst mindre: Blodprover av rutin").click()
    expected = ['Dubbla "kontroller", ärenden', "Övervakning på natten", "Blodprover av rutin"]
    expect_list(page, expected)
    # Focus follows the item it was on after the list re-sorts.
    expect(page.get_by_role("button", name="En röst mindre: Blodprover av rutin")).to_be_focused()

    page.reload()
    expect_list(page, expected)
    expect(page.get_by_role("spinbutton", name="Röster: Övervakning på natten")).to_have_value("2")

    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner CSV").click()
    download = info.value
    # The list's name and date (a new list is dated today).
    assert re.fullmatch(r"prioriteringslista-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    # Semicolons on the Swedish page: Excel with Swedish settings splits on them.
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == [
        ["Plats", "Förslag", "Röster", "Status", "Ansvarig", "Nästa steg", "Nästa uppföljning"],
        ["1", 'Dubbla "kontroller", ärenden', "3", "Idé", "", "", ""],
        ["2", "Övervakning på natten", "2", "Idé", "", "", ""],
        ["3", "Blodprover av rutin", "0", "Idé", "", "", ""],
    ]

    page.get_by_role("button", name="Kopiera som text").click()
    expect(widget.get_by_role("status")).to_have_text("Listan är kopierad.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.splitlines()[1:] == [
        '1. Dubbla "kontroller", ärenden (Röster: 3)',
        "2. Övervakning på natten (Röster: 2)",
        "3. Blodprover av rutin (Röster: 0)",
    ]

    page.get_by_role("button", name="Ta bort: Blodprover av rutin").click()
    expect_list(page, expected[:2])

    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    # click() returns only after the confirm dialog was answered by the handler.
    page.once("dialog", dismiss)
    widget.get_by_role("button", name="Rensa", exact=True).click()
    assert messages and "rensa" in messages[0].lower()
    expect_list(page, expected[:2])

    page.once("dialog", lambda dialog: dialog.accept())
    widget.get_by_role("button", name="Rensa", exact=True).click()
    expect(widget.locator(".priority-list__item")).to_have_count(0)
    expect(widget.get_by_text("Listan är tom.")).to_be_visible()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    expect(widget.locator(".priority-list__item")).to_have_count(0)
    assert page.external_requests == []


def test_priority_list_in_projector_stays_in_sync(page, server):
    page.goto(server + EXERCISE)
    seed_list(page, [("Rutinmässig EKG", 1), ("Sömntabletter till äldre", 4)])
    page.get_by_role("button", name="Visa på storbild").click()
    voting = 1 + next(i for i, s in enumerate(exercise_data()["slides"]) if s.get("priority_list"))
    go_to_slide(page, voting)
    slide = page.locator(SLIDE)
    expect(slide.locator(".priority-list")).to_be_visible()
    expect_list(page, ["Sömntabletter till äldre", "Rutinmässig EKG"], SLIDE)
    slide.get_by_role("button", name="En röst till: Rutinmässig EKG").click()
    # Arrow keys still move slides when focus is on a list button; the list survives the trip.
    page.keyboard.press("ArrowLeft")
    expect_heading(page, exercise_data()["slides"][voting - 2]["title"]["sv"])
    page.keyboard.press("ArrowRight")
    expect_heading(page, exercise_data()["slides"][voting - 1]["title"]["sv"])
    expect_list(page, ["Sömntabletter till äldre", "Rutinmässig EKG"], SLIDE)
    expect(slide.get_by_role("spinbutton", name="Röster: Rutinmässig EKG")).to_have_value("2")
    slide.get_by_role("textbox", name="Förslag").fill("Kontroll av vitala parametrar")
    slide.get_by_role("textbox", name="Förslag").press("Enter")
    for _ in range(3):
        slide.get_by_role("button", name="En röst till: Rutinmässig EKG").click()
    final = ["Rutinmässig EKG", "Sömntabletter till äldre", "Kontroll av vitala parametrar"]
    expect_list(page, final, SLIDE)
    # Printing while presenting: the list is in the page for the handout, then back.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("section#prioritera .priority-list")).to_have_count(1)
    expect(page.locator(".projector .priority-list")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".projector .priority-list")).to_have_count(1)
    expect(page.locator("section#prioritera .priority-list")).to_have_count(0)
    page.keyboard.press("Escape")
    expect(page.locator(".projector[role=dialog]")).to_be_hidden()
    # The same widget is back in the voting step, with the same content, and stored.
    expect(page.locator("section#prioritera .priority-list")).to_have_count(1)
    expect_list(page, final, "section#prioritera .priority-list")
    stored = page.evaluate(
        "(() => { const d = JSON.parse(localStorage.getItem('klokare-vard.prioriteringslistor'));"
        " return d.lists.find(l => l.id === d.current).items.map(i => [i.text, i.votes]); })()"
    )
    assert stored == [["Rutinmässig EKG", 5], ["Sömntabletter till äldre", 4], ["Kontroll av vitala parametrar", 0]]


# --- readability on a big screen ----------------------------------------------------

READABILITY = """() => {
  const slide = document.querySelector('.projector__slide:not([hidden])');
  const text = [...slide.querySelectorAll(
    '.projector__body p, .projector__body li, .projector__subtitle, .priority-list__text')];
  const sizes = text.map(e => parseFloat(getComputedStyle(e).fontSize));
  return {
    title: slide.querySelector('h2').textContent,
    heading: parseFloat(getComputedStyle(slide.querySelector('h2')).fontSize),
    count: text.length,
    min: sizes.length ? Math.min(...sizes) : null,
    scrollHeight: slide.scrollHeight, clientHeight: slide.clientHeight,
    scrollWidth: slide.scrollWidth, clientWidth: slide.clientWidth,
  };
}"""


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_slides_are_readable_and_fit(browser, server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(server + EXERCISE)
        # A realistic list on the voting step.
        seed_list(page, [(f"Förslag nummer {i} om rutinprover på avdelningen", i) for i in range(1, 7)])
        problems = []
        for rel in (EXERCISE, DECK):
            page.goto(server + rel)
            page.get_by_role("button", name="Visa på storbild").click()
            expect(page.locator(".projector[role=dialog]")).to_be_visible()  # built on the click
            total = page.locator(".projector__slide").count()
            assert total == page.locator("section.exercise__slide").count() + 1
            for i in range(total):
                expect(page.locator(".projector__counter")).to_have_text(f"Bild {i + 1} av {total}")
                m = page.evaluate(READABILITY)
                where = f"{rel} slide {i + 1} ({m['title']}) at {width}x{height}"
                if i and not m["count"]:
                    problems.append(f"{where}: no body text found")
                if m["min"] is not None and m["min"] < 28:
                    problems.append(f"{where}: body text {m['min']:.1f}px < 28px")
                if m["heading"] < 28:
                    problems.append(f"{where}: heading {m['heading']:.1f}px")
                if m["scrollHeight"] > m["clientHeight"] or m["scrollWidth"] > m["clientWidth"]:
                    problems.append(f"{where}: overflows {m}")
                page.keyboard.press("ArrowRight")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_reduced_motion_turns_off_animation(page, server):
    page.emulate_media(reduced_motion="reduce")
    page.goto(server + EXERCISE)
    page.get_by_role("button", name="Visa på storbild").click()
    go_to_slide(page, first_timed_index())
    box = page.locator(f"{SLIDE} .projector__timer")
    expect(box).to_have_css("transition-duration", "0s")
    page.emulate_media(reduced_motion="no-preference")
    expect(box).to_have_css("transition-duration", "0.3s, 0.3s")


# --- accessibility ------------------------------------------------------------------


def axe_check(page, where: str) -> None:
    """Every axe-core rule (its defaults) on the page as it is now."""
    from tests.test_a11y import run_axe

    violations = run_axe(page, {"resultTypes": ["violations"]})
    assert violations == [], f"axe on {where}:\n" + "\n".join(violations)


PAGES = {EXERCISE: "fasa-ut-tillsammans", DECK: "apt-presentation", FOLLOW_UP: "uppfoljning", EXERCISE_EN: "fasa-ut-tillsammans"}


@pytest.mark.parametrize("rel", list(PAGES))
def test_axe_page_and_projector(page, server, rel):
    # The clock is not paused here: axe-core itself waits on setTimeout.
    install_clock(page)
    page.goto(server + rel)
    seed_list(page, [("Blodtryck varje morgon", 2), ("Urinodling utan symtom", 1)])
    axe_check(page, rel)
    page.keyboard.press("Alt+Shift+P")
    expect(page.locator(".projector[role=dialog]")).to_be_visible()
    axe_check(page, f"{rel}, projector title slide")
    slides = exercise_data(PAGES[rel])["slides"]
    timed = next(i for i, s in enumerate(slides) if s.get("minutes"))
    go_to_slide(page, timed + 1)
    axe_check(page, f"{rel}, projector, timed step")
    if rel == EXERCISE:  # the warning and end colours, checked once the fade has finished
        box = page.locator(f"{SLIDE} .projector__timer")
        # Jump to 30 s before the end (the timer's interval fires once), then pause the
        # timer, so the last-minute state holds however long axe takes.
        page.locator(SLIDE).locator("[data-timer=toggle]").click()
        page.clock.fast_forward(slides[timed]["minutes"] * 60_000 - 30_000)
        expect(box).to_have_class(re.compile(r"\bis-warning\b"))
        page.locator(SLIDE).locator("[data-timer=toggle]").click()
        expect(box).not_to_have_class(re.compile(r"\bis-running\b"))
        expect(box).to_have_class(re.compile(r"\bis-warning\b"))
        expect_colours(box, TIMER_WARNING)
        axe_check(page, f"{rel}, projector, last minute")
        # Past the end: "time is up" stays until reset.
        page.locator(SLIDE).locator("[data-timer=toggle]").click()
        page.clock.fast_forward(31_000)
        expect(box).to_have_class(re.compile(r"\bis-done\b"))
        expect_colours(box, TIMER_DONE)
        axe_check(page, f"{rel}, projector, time is up")
    voting = next((i for i, s in enumerate(slides) if s.get("priority_list")), None)
    if voting is not None:
        go_to_slide(page, voting + 1)
        expect(page.locator(f"{SLIDE} .priority-list__item")).to_have_count(2)
        axe_check(page, f"{rel}, projector, voting step")


def test_axe_dark_scheme(page, server):
    page.emulate_media(color_scheme="dark")
    page.goto(server + EXERCISE)
    seed_list(page, [("Blodtryck varje morgon", 2)])
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    axe_check(page, f"{EXERCISE} (dark)")
    page.keyboard.press("Alt+Shift+P")
    expect(page.locator(".projector[role=dialog]")).to_be_visible()
    go_to_slide(page, first_timed_index())
    expect_heading(page, step_titles()[0])
    expect_colours(page.locator(f"{SLIDE} .projector__timer"), TIMER_NORMAL)  # fixed light colours
    axe_check(page, f"{EXERCISE}, projector (dark)")


# --- print ---------------------------------------------------------------------------


def test_print_is_one_a4_page(page, server):
    page.goto(server + EXERCISE)
    seed_list(
        page,
        [
            ("Rutinmässiga blodprover på måndagar", 5),
            ("Dubbelkontroll av journalanteckningar", 3),
            ("Övervakning var fjärde timme nattetid", 2),
            ("Urinsticka utan symtom", 1),
        ],
    )
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the handout is {pages} pages"
    # A4 in points.
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - 595.9) < 2 and abs(float(box.group(2)) - 842.0) < 2

    text = page.evaluate("document.body.innerText")
    for title in step_titles():
        assert title in text
    for minutes in ("(5 min)", "(10 min)"):
        assert minutes in text
    assert "Varför gör vi på det här sättet?" in text  # questions
    assert text.count("Anteckningar") >= 3  # note boxes
    for row in ("1\tRutinmässiga blodprover på måndagar\t5", "4\tUrinsticka utan symtom\t1"):
        assert row in text  # the list as a plain table
    # No navigation, buttons, inputs or projector on paper.
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".exercise__actions",
        ".priority-list__form",
        ".priority-list__actions",
        ".priority-list__items",
    ):
        expect(page.locator(selector).first).to_have_css("display", "none")
    assert "Lägg till" not in text and "Visa på storbild" not in text
    page.emulate_media(media="screen")
    expect(page.locator(".exercise__notes").first).to_be_hidden()
    expect(page.locator(".priority-list__print")).to_be_hidden()


# --- English and without JavaScript ----------------------------------------------------


def test_english_page(page, server):
    page.goto(server + EXERCISE_EN)
    button = page.get_by_role("button", name="Present")
    expect(button).to_be_visible()
    expect(page.locator(".exercise__hint")).to_have_text("or press Alt+Shift+P")
    button.click()
    dialog = page.get_by_role("dialog", name=exercise_data()["title"]["en"])
    expect(dialog).to_be_visible()
    go_to_slide(page, first_timed_index())
    slide = page.locator(SLIDE)
    for name in ("Start", "Reset", "+1 min"):  # one Start/Pause button
        expect(slide.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(slide.get_by_role("timer")).to_have_text("05:00")
    expect(page.locator(".projector__progress")).to_have_text("Step 1 of 4 · 30 min left of the exercise")
    expect(dialog.get_by_role("button", name="Leave presentation")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("textbox", name="Suggestion")).to_be_visible()
    expect(page.get_by_role("button", name="Download CSV")).to_be_visible()


def test_page_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + EXERCISE)
        expect(page.locator("[data-present]")).to_be_hidden()
        expect(page.locator(".exercise__hint")).to_be_hidden()
        expect(page.locator(".priority-list__nojs")).to_be_visible()
        for title in step_titles():
            expect(page.get_by_role("heading", name=title)).to_be_visible()
        expect(page.locator(".exercise__notes").first).to_be_hidden()
    finally:
        context.close()


def test_reflection_sheet_prints_step_one_alone(page, server):
    page.goto(server + EXERCISE)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Skriv ut reflektionsblad").click()
    assert page.evaluate("window.__printed === true")  # set in the click handler itself
    expect(page.locator("html")).to_have_class(re.compile(r"\bprint-reflection\b"))
    page.emulate_media(media="print")
    text = page.evaluate("document.body.innerText")
    titles = step_titles()
    assert titles[0] in text and "Anteckningar" in text
    assert not any(t in text for t in titles[1:]), "only step 1 belongs on the reflection sheet"
    pdf = page.pdf(format="A4")  # Chromium fires beforeprint/afterprint around this
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # After printing (Chromium fires afterprint), the page prints the whole exercise again.
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bprint-reflection\b"))
