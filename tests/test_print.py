"""Paper and PDF: the print edition of the whole guide per language (utskrift.md), the
print block on every page, the manager's summary, and `make pdf`'s script.

The PDFs are made here with the same Chromium call as macros/pdf.py (page.pdf) and read
back with pypdf: page numbers in the margin, chapters on new pages, internal links that
land on a destination in the document."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys

import pytest
import yaml
from playwright.sync_api import expect
from pypdf import PdfReader

from macros import pdf as make_pdf
from macros.loader import load_site_data
from macros.strings import STRINGS
from tests.conftest import ROOT, mkdocs_build
from tests.htmlutil import article_text
from tests.test_a11y import run_axe

DATA = load_site_data(ROOT / "docs")
PRINT = {"sv": "utskrift.html", "en": "en/utskrift.html"}
SUMMARY = {"sv": "chefsunderlag.html", "en": "en/chefsunderlag.html"}
PAGE_OF = {"sv": "Sida {page} av {pages}", "en": "Page {page} of {pages}"}
APPENDICES = ["ordlista.md", "kallor.md"]  # the issue: the glossary and the source register, in that order
TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python/name tags; the nav needs none of them."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", HEADERLINK.sub("", fragment))).split())


def nav_files(items) -> list[str]:
    out = []
    for item in items:
        value = item if isinstance(item, str) else next(iter(item.values()))
        out.extend([value] if isinstance(value, str) else nav_files(value))
    return out


def expected_chapters() -> list[str]:
    """The guide's pages in nav order (the section that holds varfor.md), then the appendices."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)["nav"]
    for item in nav:
        value = next(iter(item.values()))
        if isinstance(value, list) and "varfor.md" in nav_files(value):
            return nav_files(value) + APPENDICES
    raise AssertionError("no nav section holds varfor.md")


def built(src: str, lang: str) -> str:
    return ("" if lang == "sv" else "en/") + src[: -len(".md")] + ".html"


def headings(page_html: str, level: int) -> list[str]:
    return [text(m) for m in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", page_html, re.S)]


def chapters(print_html: str) -> list[tuple[str, str]]:
    """(chapter title, chapter html) of each <section class="print-chapter"> in order."""
    parts = re.split(r'<section class="print-chapter[^"]*" id="[^"]*">', print_html)[1:]
    out = []
    for part in parts:
        body = part.split("</section>\n", 1)[0] if "</section>" in part else part
        out.append((headings(body, 2)[0], body))
    return out


def unnumbered(heading: str) -> str:
    """'7.1 Patientnytta i fokus' -> 'Patientnytta i fokus'; '1. Patientnytta ...' likewise."""
    return re.sub(r"^(?:[0-9]+(?:\.[0-9]+)*\.?|[A-Z][a-z]+ [A-Z])\s+", "", heading)


# --- the print page in the build --------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_print_page_holds_every_chapter_in_nav_order(site, lang):
    page = site.read(PRINT[lang])
    found = chapters(page)
    expected = [headings(site.read(built(src, lang)), 1)[0] for src in expected_chapters()]
    assert [unnumbered(title) for title, _ in found] == expected
    guide = len(expected) - len(APPENDICES)
    # Chapters are numbered 1, 2, 3 ...; appendices A, B; sections 1.1, 1.2 ...
    assert [title.split(" ", 1)[0] for title, _ in found[:guide]] == [str(n) for n in range(1, guide + 1)]
    appendix = "Bilaga" if lang == "sv" else "Appendix"
    assert [title.split(" ", 2)[:2] for title, _ in found[guide:]] == [[appendix, "A"], [appendix, "B"]]
    for (title, body), src in zip(found[:guide], expected_chapters()[:guide], strict=True):
        number = title.split(" ", 1)[0]
        own = [unnumbered(h) for h in headings(site.read(built(src, lang)), 2)]
        subs = headings(body, 3)
        assert [unnumbered(h) for h in subs] == own, f"{src}: sections differ"
        assert [h.split(" ", 1)[0] for h in subs] == [f"{number}.{i}" for i in range(1, len(subs) + 1)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_print_page_links_stay_inside_the_document_or_carry_their_address(site, lang):
    page = site.read(PRINT[lang])
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids repeat across chapters"
    start = page.index('<div class="print-edition">')
    edition = page[start:]
    targets = re.findall(r'<a [^>]*href="#([^"]*)"', edition)
    assert targets and not [t for t in targets if t not in set(ids)]
    # Citations lead to the source appendix, glossary links to the glossary appendix.
    citations = re.findall(r'<a class="citation" href="([^"]*)"', edition)
    assert citations and all(c.startswith("#kap-kallor--") for c in citations)
    terms = re.findall(r'<a class="term" href="([^"]*)"', edition)
    assert terms and all(c.startswith("#kap-ordlista--") for c in terms)
    # A link to a page outside the document (an example) carries its full address for paper.
    outside = re.findall(r'<a href="([^"#]+\.html)[^"]*" data-print-url="([^"]+)"', edition)
    assert outside, "no link to a page outside the document"
    base = "http://127.0.0.1:8000/" + ("" if lang == "sv" else "en/")
    for href, address in outside:
        assert (site.root / PRINT[lang]).parent.joinpath(href).resolve().is_file(), href
        assert address.startswith(base) and address.endswith(href.split("/", 1)[-1] if lang == "en" else href)


def test_english_print_page_has_no_swedish_interface_text(site):
    page = site.read(PRINT["en"])
    shown = article_text(page)
    swedish = [
        value
        for key, value in STRINGS["sv"].items()
        if isinstance(value, str) and value != STRINGS["en"][key] and key.startswith(("print_", "summary_", "source"))
    ]
    assert swedish, "no Swedish strings to look for"
    assert [s for s in swedish if s in shown] == []
    for word in ("Innehåll", "Bilaga", "Sammanställd", "Källor", "Sida "):
        assert word not in shown
    assert '<html lang="en"' in page


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_print_page_is_not_in_the_search_index(site, lang):
    index = site.read(("" if lang == "sv" else "en/") + "search/search_index.json")
    assert "utskrift.html" not in index
    assert "chefsunderlag.html" in index


def test_plain_build_has_no_pdf_link_and_make_pdf_says_why(site):
    """`make build` needs no Chromium: no PDF is made, so the print page does not link one."""
    page = site.root / PRINT["sv"]
    assert "data-pdf" not in page.read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="PRINT_PDF=1"):
        make_pdf.pdf_target(page)
    assert sorted(make_pdf.print_pages(site.root)) == sorted([site.root / PRINT["sv"], site.root / PRINT["en"]])


@pytest.mark.browser
def test_make_pdf_writes_both_pdfs_where_the_print_pages_link(tmp_path):
    """What `make pdf` runs: a build with PRINT_PDF=1, then macros/pdf.py on it."""
    dest = tmp_path / "site"
    proc = mkdocs_build(dest, env={"PRINT_PDF": "1"})
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    # As `make pdf` runs it: its own process (a second sync Playwright cannot share this one's event loop).
    proc = subprocess.run([sys.executable, "-m", "macros.pdf", str(dest)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for lang, name in (("sv", "klokare-vard.pdf"), ("en", "en/wiser-care.pdf")):
        page = (dest / PRINT[lang]).read_text(encoding="utf-8")
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*data-pdf', page)
        assert link, f"{PRINT[lang]}: no PDF link"
        assert ((dest / PRINT[lang]).parent / link.group(1)).resolve() == (dest / name).resolve()
        reader = PdfReader(dest / name)
        assert len(reader.pages) > len(expected_chapters())
        assert PAGE_OF[lang].format(page=1, pages=len(reader.pages)) in reader.pages[0].extract_text()


# --- in the browser and on paper --------------------------------------------------------


def pdf_of(page, url: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, outline=True)))


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in reader.pages]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_has_page_numbers_chapters_on_new_pages_and_working_links(page, server, site, lang):
    reader = pdf_of(page, server + PRINT[lang])
    texts = page_texts(reader)
    total = len(texts)
    assert total > len(expected_chapters())
    for number, t in enumerate(texts, 1):
        assert PAGE_OF[lang].format(page=number, pages=total) in t, f"page {number}: no page number"
    # Each chapter heading opens a page: it comes before anything else on that page but the margin.
    for title, _ in chapters(site.read(PRINT[lang])):
        assert any(t.split(".html", 1)[-1].strip().startswith(title) for t in texts), f"'{title}' does not start a page"
    # Links inside the PDF land on named destinations that exist.
    names = set(reader.named_destinations)
    internal, missing = 0, []
    for p in reader.pages:
        for annot in p.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if annot.get("/Subtype") == "/Link" and dest is not None:
                internal += 1
                if str(dest) not in names:
                    missing.append(str(dest))
    assert internal > 100
    assert missing == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_nothing_is_wider_than_the_paper(browser, server, lang):
    # A4 less the side margins of print.css (15 mm each): 180 mm = 680 CSS pixels.
    context = browser.new_context(viewport={"width": 680, "height": 1000})
    pg = context.new_page()
    for url in (PRINT[lang], SUMMARY[lang]):
        pg.goto(server + url)
        pg.emulate_media(media="print")
        wide = pg.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const out = [];
                for (const el of document.querySelectorAll('article *')) {
                  const box = el.getBoundingClientRect();
                  if (box.width === 0) continue;
                  const clipped = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
                  if (box.right > width + 1 || box.left < -1 || clipped)
                    out.push(el.tagName + '.' + el.className + ' ' + (el.id || el.textContent.slice(0, 40)));
                }
                if (document.documentElement.scrollWidth > width + 1) out.push('page ' + document.documentElement.scrollWidth);
                return out;
            }"""
        )
        assert wide == [], url
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axe_on_print_and_summary_pages(page, server, lang):
    for url in (PRINT[lang], SUMMARY[lang]):
        page.goto(server + url)
        assert run_axe(page) == [], url
    assert page.external_requests == []  # type: ignore[attr-defined]


@pytest.mark.browser
def test_every_page_prints_its_sources_address_and_date(page, server, site):
    page.goto(server + "varfor.html")
    block = page.locator(".print-footer")
    expect(block).to_be_hidden()  # screen
    page.emulate_media(media="print")
    expect(block).to_be_visible()
    expect(block).to_contain_text("Källor på den här sidan")
    cited = set(re.findall(r'class="citation" href="kallor.html#([^"]+)"', site.read("varfor.html")))
    assert cited
    for sid in cited:
        expect(block).to_contain_text(DATA.sources[sid].title.get("sv"))
    expect(block).to_contain_text("http://127.0.0.1:8000/varfor.html")
    expect(block).to_contain_text("Klokare vård")
    # print-date.js puts today's date in (the build date shows without JavaScript).
    expect(block.locator("[data-print-date]")).to_be_visible()
    expect(block.locator("[data-print-date-fallback]")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    # A link to another page prints its full address after it; a citation does not.
    link = page.locator("article p a[data-print-url]").first
    href = link.get_attribute("href")
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert f"http://127.0.0.1:8000/{href}" in after
    citation = page.locator("article a.citation").first
    assert citation.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")
    page.emulate_media(media="screen")
    assert link.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")
    # On paper the margin carries the site's name and the address (the margin boxes).
    reader = pdf_of(page, server + "en/varfor.html")
    first = page_texts(reader)[0]
    assert "Wiser care · http://127.0.0.1:8000/en/varfor.html" in first
    assert "Page 1 of" in first and "Sources on this page" in page_texts(reader)[-1]


# --- the manager's summary --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_summary_lines_open_the_factor_and_risk_pages(site, lang):
    factors = [(f.title.get(lang), f.line.get(lang)) for f in DATA.summary.success_factors]
    risks = [(r.title.get(lang), r.line.get(lang)) for r in DATA.summary.risks]
    assert len(factors) == 8 and len(risks) == 4

    def rows(rel):
        tables = re.findall(r'<div class="summary-table">(.*?)</div>', site.read(rel), re.S)
        return [[unnumbered(text(c)) for c in re.findall(r"<td>(.*?)</td>", t, re.S)] for t in tables]

    assert rows(built("framgangsfaktorer.md", lang))[0] == [c for pair in factors for c in pair]
    assert rows(built("risker/index.md", lang))[0] == [c for pair in risks for c in pair]
    assert rows(SUMMARY[lang]) == [[c for pair in factors for c in pair], [c for pair in risks for c in pair]]
    page = site.read(SUMMARY[lang])
    for question in DATA.summary.questions.get(lang):
        assert html.escape(question, quote=False) in page or question in html.unescape(page)
    # Linked from the start page's entry for managers.
    start = site.read(built("index.md", lang))
    manager = start.split('id="jag-ar-chef"', 1)[1].split("<h2", 1)[0]
    assert 'href="chefsunderlag.html"' in manager


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_summary_fits_on_two_a4_pages(page, server, lang):
    reader = pdf_of(page, server + SUMMARY[lang])
    assert 1 <= len(reader.pages) <= 2
    assert ("Källor på den här sidan" if lang == "sv" else "Sources on this page") in page_texts(reader)[-1]


@pytest.mark.browser
def test_the_catalogue_prints_every_card(page, server):
    """The cards are drawn only near the screen (content-visibility: auto): on paper every
    one of them is there, with its title and summary."""
    text = " ".join(page_texts(pdf_of(page, server + "exempel/index.html")))
    missing = [ex.id for ex in DATA.examples.values() if " ".join(ex.summary.sv.split())[:60] not in text]
    assert not missing, f"not on paper: {missing}"
