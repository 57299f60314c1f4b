"""The strict build: no warnings, both languages complete, right language markup."""

from __future__ import annotations

import logging
import os
import re

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import build_in_process, mini_project
from tests.htmlutil import parse


def test_build_prints_no_warnings(site):
    problems = [line for line in site.log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line.strip())]
    assert problems == []


def test_every_swedish_page_has_an_english_counterpart_and_vice_versa(site):
    sv = {site.rel(p) for p in site.pages("sv")}
    en = {site.rel(p)[len("en/") :] for p in site.pages("en")}
    assert sv, "no Swedish pages built"
    assert sv - en == set(), "Swedish pages without English version"
    assert en - sv == set(), "English pages without Swedish version"


SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # as mkdocs.yml reads it


def test_page_language_and_hreflang_alternates(site):
    for path in site.pages():
        rel = site.rel(path)
        lang = "en" if rel.startswith("en/") else "sv"
        html = path.read_text(encoding="utf-8")
        assert re.search(rf'<html[^>]* lang="{lang}"', html), f"{rel}: wrong <html lang>"
        alternates = {el.attrs["hreflang"]: el.attrs["href"] for el in parse(html).find("link", rel="alternate") if "hreflang" in el.attrs}
        assert set(alternates) == {"sv", "en"}, f"{rel}: hreflang alternates {alternates}"
        sv_target = rel[len("en/") :] if lang == "en" else rel
        for alt_lang, href in alternates.items():
            # Absolute, as search engines require (site_hooks.py); mkdocs.yml's default site_url.
            assert href.startswith(SITE_URL), f"{rel}: hreflang={alt_lang} is not absolute: {href}"
            target = (site.root / href[len(SITE_URL) :]).resolve()
            expected = site.root / (("en/" if alt_lang == "en" else "") + sv_target)
            assert target == expected.resolve(), f"{rel}: hreflang={alt_lang} points to {href}"


def test_meta_description_on_every_page(site):
    for path in site.pages():
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{20,}"', html), f"{site.rel(path)}: no meta description"


def test_site_url_is_configurable_for_an_intranet_sub_path(tmp_path, monkeypatch):
    """SITE_URL (mkdocs.yml: site_url: !ENV SITE_URL) sets the canonical address in both languages."""
    from tests.conftest import REVIEWED, build_in_process, mini_project

    monkeypatch.setenv("SITE_URL", "https://intranat.example/lagvardevard/")
    project = mini_project(
        tmp_path,
        {
            "risker/index.md": REVIEWED + "# Risker\n\nRisker med att sluta göra något.\n",
            "risker/index.en.md": REVIEWED + "# Risks\n\nRisks of stopping something.\n",
        },
    )
    out = build_in_process(project, nav=["risker/index.md"])
    html = (out / "risker" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://intranat.example/lagvardevard/risker/index.html">' in html
    en = (out / "en" / "risker" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://intranat.example/lagvardevard/en/risker/index.html">' in en
    assert '<link rel="alternate" href="https://intranat.example/lagvardevard/risker/index.html" hreflang="sv">' in en


def secondary_toc_links(html: str) -> list[str]:
    """The #anchors in the page's table of contents (Material's secondary navigation)."""
    start = html.index('<nav class="md-nav md-nav--secondary"')
    return re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', html[start : html.index("</nav>\n</div>", start)])


def test_the_glossary_contents_list_the_letters_not_every_term(site):
    """ordlista.md has `toc_djup: 2` (site_hooks._trim_toc): letters yes, terms no."""
    for rel in ("ordlista.html", "en/ordlista.html"):
        html = site.read(rel)
        links = secondary_toc_links(html)
        letters = ["#" + i for i in re.findall(r'<h2 id="(bokstav-[^"]+)"', html)]
        assert len(letters) > 10 and links == letters, rel
        assert 'id="choosing-wisely"' in html, "the terms themselves stay on the page"
    assert "#bade-sluta-och-minska" in secondary_toc_links(site.read("begrepp/index.html")), "other pages keep their <h3>"


@pytest.mark.parametrize(("value", "shown"), [("två", "två"), ("1", "1"), ("7", "7"), ("true", "True")])
def test_a_bad_toc_depth_stops_the_build_with_one_swedish_line(tmp_path, caplog, value, shown):
    project = mini_project(tmp_path, {"hinder.md": f"---\ngranskad: 2026-01-15\ntoc_djup: {value}\n---\n# Hinder\n\n## A\n\n### B\n"})
    with pytest.raises(Abort):
        build_in_process(project, nav=["hinder.md"])
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"docs/hinder.md: toc_djup: ska vara en rubriknivå från 2 till 6, inte {shown}" in errors
