"""The build's own machinery: dictionary order, the few edits to Material's output,
escaping by default, and the projector shortcut (WCAG 2.1.4)."""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest
from markupsafe import Markup
from playwright.sync_api import expect

from macros import htmlfix
from macros.collation import sort_key
from macros.templating import render

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


# --- dictionary order --------------------------------------------------------------------


def test_swedish_order_is_word_by_word_with_a_ring_and_umlauts_after_z():
    words = ["Ö-test", "ärende", "zon", "Kloka Kliniska Val", "klok lista", "ångest", "Avveckling", "avhandling", "Överbehandling"]
    assert sorted(words, key=sort_key("sv")) == [
        "avhandling",
        "Avveckling",
        "klok lista",
        "Kloka Kliniska Val",
        "zon",
        "ångest",
        "ärende",
        "Ö-test",
        "Överbehandling",
    ]


def test_english_order_is_word_by_word_and_ignores_case():
    words = ["healthcare waste", "Health economics", "de-implementation", "Choosing Wisely"]
    assert sorted(words, key=sort_key("en")) == ["Choosing Wisely", "de-implementation", "Health economics", "healthcare waste"]


def _glossary_terms(site, rel: str) -> list[str]:
    html = site.read(rel)
    article = html[html.index("<article") :]
    headings = re.findall(r"<h3[^>]*>(.*?)</h3>", article, re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").strip() for h in headings]


def test_built_glossaries_are_in_dictionary_order(site):
    sv = _glossary_terms(site, "ordlista.html")
    assert sv == sorted(sv, key=sort_key("sv"))
    assert sv.index("klok lista") < sv.index("Kloka Kliniska Val")
    en = _glossary_terms(site, "en/ordlista.html")
    assert en == sorted(en, key=sort_key("en"))
    assert en.index("health economics") < en.index("healthcare waste")


# --- edits to Material's output -------------------------------------------------------------


def _config(html: str) -> dict:
    return json.loads(CONFIG.search(html).group(1))


def test_every_page_names_the_search_dialog_and_searches_its_own_language(site):
    for path in site.pages():
        rel, html = site.rel(path), path.read_text(encoding="utf-8")
        assert re.search(r'class="md-search"[^>]*role="dialog" aria-label="(Sök|Search)"', html), f"{rel}: search dialog has no name"
        base = (path.parent / _config(html)["base"]).resolve()
        expected = site.root / "en" if rel.startswith("en/") else site.root
        assert base == expected.resolve(), f"{rel}: search base {base}"


def test_the_search_worker_that_material_names_exists(site):
    for rel in ("index.html", "en/begrepp/index.html"):
        path = site.root / rel
        worker = (path.parent / _config(path.read_text(encoding="utf-8"))["search"]).resolve()
        assert worker.is_file(), f"{rel}: {worker} is missing"
        assert worker.is_relative_to((site.root / "assets").resolve())


def test_changed_theme_markup_is_reported_not_ignored():
    with pytest.raises(htmlfix.ThemeMismatch):
        htmlfix.label_search_dialog('<div class="md-search" role="dialog" data-md-component="search">', "sv")
    with pytest.raises(htmlfix.ThemeMismatch):
        htmlfix.search_base("<html><body>no config</body></html>", "en/")


# --- escaping by default ----------------------------------------------------------------


def test_templates_escape_values_unless_they_are_markup():
    out = render("example_link.md", shown='<img src=x onerror="alert(1)">', href="a.md")
    assert "<img" not in out and "&lt;img" in out
    assert render("example_link.md", shown=Markup("<b>ok</b>"), href="a.md").startswith("[<b>ok</b>]")


# --- the projector shortcut ------------------------------------------------------------------


@pytest.mark.browser
def test_projector_opens_with_alt_shift_p_and_not_with_a_single_letter(page, server):
    page.goto(server + "ovningar/fasa-ut-tillsammans.html")
    dialog = page.get_by_role("dialog", name=re.compile("Fasa ut"))
    expect(page.locator("[data-present]")).to_be_visible()
    page.locator("article h1").click()
    page.keyboard.press("Shift+P")
    page.keyboard.press("p")
    expect(dialog).to_be_hidden()
    page.goto(server + "ovningar/fasa-ut-tillsammans.html")
    expect(page.locator("[data-present]")).to_be_visible()
    page.keyboard.press("Alt+Shift+P")
    expect(dialog).to_be_visible()
    expect(page.locator(".exercise__hint")).to_have_text("eller tryck Alt+Skift+P")


# --- the same section ids in both languages ------------------------------------------------


def test_every_page_has_the_same_heading_ids_in_both_languages(site):
    """The language switch keeps the section by its id (docs/javascripts/language.js)."""
    for path in site.pages("sv"):
        rel = site.rel(path)
        if rel == "utskrift.html":  # the print edition: one document of all chapters, read on paper
            continue
        sv_ids = re.findall(r'<h[2-6] id="([^"]+)"', site.read(rel))
        en_ids = re.findall(r'<h[2-6] id="([^"]+)"', site.read("en/" + rel))
        if rel == "ordlista.html":  # sorted per language, filed under each language's letters
            sv_ids, en_ids = ({i for i in ids if not i.startswith("bokstav-")} for ids in (sv_ids, en_ids))
        assert sv_ids == en_ids, f"{rel}: headings differ between the languages"
