"""axe-core (WCAG 2.0/2.1 A and AA + best practice) on every built page, both languages,
light and dark palette. Also: no request leaves the local server while the pages load."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def run_axe(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    out = []
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        out.append(f"{violation['id']} ({len(violation['nodes'])}): {violation['help']} at {targets}")
    return out


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_has_no_violations_on_any_page(browser, server, site, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    external = []
    page.on("request", lambda r: None if r.url.startswith((server, "data:", "blob:")) else external.append(r.url))
    failures = {}
    pages = site.pages()
    assert len(pages) > 40
    for path in pages:
        rel = site.rel(path)
        page.goto(server + rel)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        violations = run_axe(page)
        if violations:
            failures[rel] = violations
    context.close()
    assert failures == {}
    assert external == []


@pytest.mark.browser
def test_axe_finds_a_real_violation(page, server):
    """The check can fail: an image without alt text on a built page is reported."""
    page.goto(server + "index.html")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in run_axe(page))
