"""axe-core on every built page, both languages: in the light palette every rule of WCAG
2.0/2.1 A and AA and best practice; then, on the same page switched to the dark palette
(which changes only colours), the colour rules. One test per page, so a failure names its
page, and the pages spread over the pytest-xdist workers. Also: no request leaves the
local server while a page loads."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import expect

from macros.loader import load_site_data
from tests.conftest import ROOT, VIEWPORT, wait_for_animations

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Only violations are sent back: the passes of every rule would be most of the payload.
AXE_FULL = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_COLOURS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}


def expected_pages() -> list[str]:
    """The HTML page of every Markdown page and every generated example page, both languages,
    worked out from the sources (the parameters exist before the build).
    test_axe_checks_every_built_page holds this list to the real build."""
    docs = ROOT / "docs"
    pages = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        if rel.startswith("data/") or rel == "exempel/README.md" or rel.count("/") > 1 and rel.startswith("exempel/"):
            continue  # raw data, a coordination file, generated example stubs (counted below)
        if rel.endswith(".en.md"):
            pages.append("en/" + rel[: -len(".en.md")] + ".html")
        else:
            pages.append(rel[: -len(".md")] + ".html")
    for example_id in load_site_data(docs).examples:
        pages += [f"exempel/{example_id}/index.html", f"en/exempel/{example_id}/index.html"]
    return sorted(pages)


PAGES = expected_pages()


def run_axe(page, options: dict = AXE_FULL) -> list[str]:
    """axe-core's violations on the page as it is now, one line each. axe is put into the
    page once (half a megabyte of script) and run as often as needed."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate("options => axe.run(document, options)", options)
    out = []
    for violation in response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        out.append(f"{violation['id']} ({len(violation['nodes'])}): {violation['help']} at {targets}")
    return out


def to_dark_palette(page) -> None:
    """Switch to the dark palette with the header's toggle, as a reader would, and wait
    until the switch (and any fade) has finished."""
    page.locator("label[for=__palette_1]").click()
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(body).not_to_have_attribute("data-md-color-switching", re.compile(".*"))
    wait_for_animations(page)


def show_the_priority_lists(page) -> None:
    """An exercise page builds its priority list as the reader comes to it (exercise-start.js):
    go there, as a reader would, so that axe checks the list too."""
    for root in page.locator("div.priority-list[data-priority-list]").all():
        root.scroll_into_view_if_needed()
        expect(root.locator("input[type=text]").first).to_be_attached()
    back_to_top(page)


def look_through_the_catalogue(page) -> None:
    """The catalogue's cards are drawn only near the screen (content-visibility: auto), so
    a card further down keeps the old palette's colours, mid-fade, until the reader scrolls
    to it. Scroll through them as a reader would, so that axe judges the colours shown."""
    cards = page.locator(".catalogue__card").all()
    for card in cards:
        card.scroll_into_view_if_needed()
    if cards:
        back_to_top(page)


def back_to_top(page) -> None:
    """Scroll to the top and wait for the header to settle: Material shows the page title in
    the header while the heading is out of view, and fades back when it is in view again."""
    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator(".md-header__title")).not_to_have_class(re.compile(r"md-header__title--active"))
    wait_for_animations(page)


@pytest.mark.browser
@pytest.mark.parametrize("rel", PAGES)
def test_axe_every_page_light_and_dark(page, server, rel):
    """Light: every rule. Dark (the same page after the palette toggle): the colour rules."""
    page.goto(server + rel)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    show_the_priority_lists(page)  # ends at the top, with the page settled
    violations = run_axe(page, AXE_FULL)
    assert violations == [], f"{rel} (light):\n" + "\n".join(violations)
    to_dark_palette(page)
    look_through_the_catalogue(page)
    violations = run_axe(page, AXE_COLOURS)
    assert violations == [], f"{rel} (dark):\n" + "\n".join(violations)
    assert page.external_requests == [], f"{rel} loaded from another origin"


@pytest.mark.browser
def test_a_dark_system_setting_gives_the_dark_palette(browser, server):
    """The toggle above and the reader's system setting lead to the same palette."""
    context = browser.new_context(viewport=VIEWPORT, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(server + "en/index.html")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    finally:
        context.close()


def test_axe_checks_every_built_page(site):
    built = sorted(site.rel(p) for p in site.pages())
    assert len(built) > 40
    assert built == PAGES


@pytest.mark.browser
def test_axe_finds_a_real_violation(page, server):
    """The check can fail: an image without alt text on a built page is reported."""
    page.goto(server + "index.html")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in run_axe(page))


@pytest.mark.browser
def test_the_dark_colour_pass_finds_poor_contrast(page, server):
    """The colour rules can fail in the dark palette: dark grey text on it is reported."""
    page.goto(server + "index.html")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<p style=\"color:#333\">Svag kontrast</p>')")
    assert run_axe(page, AXE_COLOURS) == [], "#333 on white is fine"
    to_dark_palette(page)
    assert any(v.startswith("color-contrast") for v in run_axe(page, AXE_COLOURS))
