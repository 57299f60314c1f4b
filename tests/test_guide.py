"""The practical guide: real text on every page, the required structures, every figure cited,
own words, correct Swedish spelling."""

from __future__ import annotations

import html as htmllib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
import yaml

from tests.conftest import ROOT
from tests.htmlutil import article_text, parse

MIN_WORDS = 150


def nav_pages() -> list[str]:
    """Markdown files in the navigation (mkdocs.yml), as built HTML paths."""
    config = yaml.safe_load(re.sub(r"!!python/name:\S+|!ENV \[[^\]]*\]", "x", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    out = []

    def walk(items):
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, list):
                walk(value)
            else:
                out.append(value.replace(".md", ".html"))

    walk(config["nav"])
    return out


NAV = nav_pages()


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_in_the_navigation_has_real_text(site, lang):
    prefix = "" if lang == "sv" else "en/"
    assert len(NAV) >= 20
    for rel in NAV:
        html = site.read(prefix + rel)
        assert "data-placeholder" not in html, f"{prefix}{rel}: still a placeholder"
        count = words(article_text(html))
        assert count >= MIN_WORDS, f"{prefix}{rel}: only {count} words"


def clean(heading_html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", heading_html)).replace("¶", "").strip()


def _headings(html: str, level: int) -> list[str]:
    return [clean(h) for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_success_factors_page_has_eight_factor_headings(site, prefix):
    h2 = _headings(site.read(prefix + "framgangsfaktorer.html"), 2)
    factors = [h for h in h2 if re.match(r"^\d+\.\s", h)]
    assert [int(h.split(".")[0]) for h in factors] == list(range(1, 9)), h2


def _sections(html: str) -> dict[str, list[str]]:
    """h2 text -> the h3 texts under it."""
    out: dict[str, list[str]] = {}
    current = None
    for level, text in re.findall(r"<h([23])[^>]*>(.*?)</h\1>", html, re.S):
        text = clean(text)
        if level == "2":
            current = text
            out[current] = []
        elif current:
            out[current].append(text)
    return out


@pytest.mark.parametrize(
    "prefix,risks,foundations",
    [
        ("", "De fyra riskerna", "De fyra grundstenarna"),
        ("en/", "The four risks", "The four foundations"),
    ],
)
def test_risks_page_has_four_risks_and_four_foundations(site, prefix, risks, foundations):
    sections = _sections(site.read(prefix + "risker/index.html"))
    assert len(sections.get(risks, [])) == 4, sections
    assert len(sections.get(foundations, [])) == 4, sections


# A figure: a number with a percent sign or a unit of money, or a decimal number.
FIGURE = re.compile(
    r"\d+(?:[\s\u00a0.,]\d+)*\s?(?:%|procent|per\s?cent|percent|kr\b|kronor|miljon|miljard|million|billion|mkr)"
    r"|(?:SEK|kr)\s?\d"
    r"|\b\d+,\d+\b",
    re.I,
)


class _Blocks(HTMLParser):
    """Text of each paragraph and list item in <article>, and whether it holds a citation."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.stack: list[dict] = []
        self.blocks: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        if tag in ("p", "li"):
            self.stack.append({"text": "", "cited": False})
        if tag == "a" and "citation" in (a.get("class") or "").split():
            for block in self.stack:
                block["cited"] = True

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        if self.in_article and tag in ("p", "li") and self.stack:
            block = self.stack.pop()
            if self.stack:
                self.stack[-1]["text"] += block["text"]
            self.blocks.append(block)

    def handle_data(self, data):
        for block in self.stack:
            block["text"] += data


def uncited_figures(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return [b["text"].strip()[:120] for b in parser.blocks if FIGURE.search(b["text"]) and not b["cited"]]


def test_the_figure_check_can_fail():
    html = "<article><p>Kostnaderna ökade med 12 procent.</p><li>Det sparade 3,5 miljoner kronor.</li></article>"
    assert len(uncited_figures(html)) == 2
    ok = '<article><p>Kostnaderna ökade med 12 procent <a class="citation" href="#">[x]</a>.</p></article>'
    assert uncited_figures(ok) == []


# utskrift.html is every chapter page again plus the glossary and the source register, each checked on its own.
GUIDE_PAGES = [p for p in NAV if not p.startswith(("kallor", "ordlista", "tillganglighet", "om.html", "exempel/", "utskrift"))]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_figure_on_the_chapter_pages_is_cited(site, prefix):
    found = {}
    for rel in GUIDE_PAGES:
        missing = uncited_figures(site.read(prefix + rel))
        if missing:
            found[prefix + rel] = missing
    assert found == {}


OCR_RESIDUE = re.compile(
    r"\b(utmonstring\w*|lagvardevard\w*|vard|varden|vardens|halso|sjukvard\w*|patientsakerhet\w*|atgard\w*|"
    r"forbattring\w*|lakemedel\w*|oversikt\w*|sarskilt|pa|ar|fran|for|kunskapsstod)\b"
)


def test_no_ocr_residue_in_the_swedish_text(site):
    found = {}
    for path in site.pages("sv"):
        # Titles of cited works (<cite>) keep their own language, e.g. an English article title.
        text = article_text(path.read_text(encoding="utf-8"), skip_tags=("script", "style", "cite"))
        hits = sorted(set(m.group(0) for m in OCR_RESIDUE.finditer(text)))
        if hits:
            found[site.rel(path)] = hits
    assert found == {}


VERBATIM = ROOT.parent / "shared" / "tools" / "verbatim_check.py"


@pytest.mark.skipif(not VERBATIM.exists(), reason="the shared own-words checker is not beside the project")
def test_own_words_no_runs_repeat_the_sources():
    proc = subprocess.run([sys.executable, str(VERBATIM), "docs", "overrides"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert proc.stdout.strip().endswith(": 0")


@pytest.mark.parametrize("rel", ["varfor.html", "hinder.html", "risker/index.html", "kloka-kliniska-val.html"])
def test_chapter_pages_end_with_questions_to_discuss(site, rel):
    html = site.read(rel)
    assert 'class="admonition question"' in html and "Att diskutera" in html


def test_start_page_has_three_ways_in(site):
    h2 = _headings(site.read("index.html"), 2)
    for way in ("Jag arbetar i vården", "Jag är chef", "Jag leder en arbetsplatsträff"):
        assert way in h2


def test_concept_pages_link_each_concept_to_the_glossary(site):
    for rel in ("begrepp/index.html", "begrepp/icke-gora.html", "begrepp/prioriteringar.html", "begrepp/god-och-nara-vard.html"):
        links = [el.attrs["href"] for el in parse(site.read(rel)).find("a") if "term" in el.attrs.get("class", "").split()]
        assert len(links) >= 3, rel
