"""The two editions in step: the same numbers in both languages, no Swedish on English pages.

Numbers are compared after normalising their format (Swedish 9 277 and 3,5;
English 9,277 and 3.5). A number on a Swedish page must also be on its English
twin and the other way round; the same holds for every text field in the data
(examples, glossary, source register, exercises), field by field.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from pydantic import BaseModel

from macros.loader import load_site_data
from macros.models import Localized, LocalizedList, OptionalLocalizedList
from tests.conftest import ROOT

DATA = load_site_data(ROOT / "docs")

# A Swedish number: 9 277 (space or no-break space between thousands), 3,5 or 12.
SV_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:,\d+)?")
# An English number: 9,277, 3.5 or 12.
EN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")

# Version numbers keep their point in Swedish too ("WCAG 2.1"): they are names, not decimals.
VERSION = re.compile(r"\bWCAG \d+\.\d+(?:(?:,| och| and| eller| or) \d+\.\d+)*")

# Real exceptions, each with its reason. Keys: a page's path (e.g. "varfor.html") or a data
# field's path (e.g. "examples.ryhov-medicin.body"); values: numbers that may stand in one
# language only. Keep it short: a number missing from one edition is nearly always a bug.
ALLOWED: dict[str, set[str]] = {
    # A DOI (10.1136/bmjqs.2009.037895) is an identifier, not a number: read differently per language.
    "kallor.html": {"10.1136", "2009.037895", "1136", "2009", "37895"},
}


def _canonical(text: str, lang: str) -> str:
    text = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".") if lang == "sv" else text.replace(",", "")
    value = Decimal(text).normalize()
    return format(value, "f")


def numbers(text: str, lang: str) -> set[str]:
    text = VERSION.sub(" ", text)
    pattern = SV_NUMBER if lang == "sv" else EN_NUMBER
    return {_canonical(m.group(0), lang) for m in pattern.finditer(text)}


def mismatch(sv: str, en: str, allowed: set[str] = frozenset()) -> dict[str, list[str]]:
    a, b = numbers(sv, "sv"), numbers(en, "en")
    only_sv, only_en = sorted(a - b - allowed), sorted(b - a - allowed)
    return {k: v for k, v in (("only Swedish", only_sv), ("only English", only_en)) if v}


def test_number_formats_are_normalised():
    assert numbers("9 277 analyser, 3,5 miljoner och 60\u00a0000 prover 2023", "sv") == {"9277", "3.5", "60000", "2023"}
    assert numbers("9,277 tests, SEK 3.5 million and 60,000 samples in 2023", "en") == {"9277", "3.5", "60000", "2023"}
    assert numbers("82,9–91,0 procent", "sv") == numbers("82.9–91.0 per cent", "en") == {"82.9", "91"}
    assert numbers("WCAG 2.0 och 2.1 på nivå AA, 200 procent", "sv") == {"200"}


def test_the_number_check_can_fail():
    assert mismatch("Andelen steg från 56 till 72 procent.", "The share rose from 56 to 27 per cent.") == {
        "only Swedish": ["72"],
        "only English": ["27"],
    }
    assert mismatch("Kostnaden sjönk med 3,5 miljoner.", "Costs fell by 3.5 million.") == {}


# --- built pages ------------------------------------------------------------------------


class _Main(HTMLParser):
    """Text and attribute values inside <article>, leaving out elements marked lang="sv"
    (a deliberate Swedish link on an English page) when asked to."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area"}

    def __init__(self, skip_swedish: bool = False):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.skip_swedish = skip_swedish
        self.text: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag in self.VOID:
            return
        print_only = "print-only" in (a.get("class") or "").split()  # the print block: the page's address, dates
        if self.skip or tag in ("script", "style") or print_only or (self.skip_swedish and a.get("lang") == "sv"):
            self.skip += 1
            return
        if self.depth:
            self.text.append(" ")
            self.attrs += [v for k, v in attrs if v and k in ("title", "aria-label", "alt")]

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if self.skip:
            self.skip -= 1
        elif self.depth:
            self.text.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def main_text(html: str, *, skip_swedish: bool = False, with_attrs: bool = False) -> str:
    parser = _Main(skip_swedish=skip_swedish)
    parser.feed(html)
    return " ".join(["".join(parser.text)] + (parser.attrs if with_attrs else []))


def twins(site):
    for en in site.pages("en"):
        rel = site.rel(en)[len("en/") :]
        yield rel, site.read(rel), en.read_text(encoding="utf-8")


def test_every_number_on_a_swedish_page_is_on_its_english_twin_and_back(site):
    found, seen = {}, 0
    for rel, sv_html, en_html in twins(site):
        if rel == "utskrift.html":  # the print edition: the chapters checked here one by one, numbered 1.1, 1.2 ...
            continue
        sv, en = main_text(sv_html), main_text(en_html)
        seen += len(numbers(sv, "sv"))
        diff = mismatch(sv, en, ALLOWED.get(rel, set()))
        if diff:
            found[rel] = diff
    assert found == {}
    assert seen > 300  # the pages' main content was really read


# --- data fields ------------------------------------------------------------------------


def _pairs(obj, path):
    """(path, Swedish text, English text) for every two-language field under obj."""
    if isinstance(obj, (Localized, LocalizedList, OptionalLocalizedList)):
        sv, en = obj.sv, obj.en
        yield path, " ".join(sv) if isinstance(sv, list) else sv, " ".join(en) if isinstance(en, list) else en
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _pairs(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from _pairs(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _pairs(item, f"{path}.{key}")


@pytest.mark.parametrize("kind", ["examples", "terms", "sources", "exercises"])
def test_every_number_in_a_data_field_is_in_both_languages(kind):
    found, seen = {}, 0
    for path, sv, en in _pairs(getattr(DATA, kind), kind):
        seen += len(numbers(sv, "sv"))
        diff = mismatch(sv, en, ALLOWED.get(path, set()))
        if diff:
            found[path] = diff
    assert found == {}
    assert seen > 5  # the fields were really read


# --- no Swedish on English pages ----------------------------------------------------------

# Interface and source-register text the site writes itself. None of it may show on an
# English page: not in the main content, not in a citation's hover text. Titles of Swedish
# documents as published are allowed (they are names), so the list holds phrases that
# only our own text would contain.
SWEDISH_ON_ENGLISH_PAGES = [
    "Byt till mörkt läge",
    "Byt till ljust läge",
    "Ej angiven i källmaterialet",
    "Avhandling",
    "Metaanalys",
    "Europeiska kommissionen",
    "Regeringskansliet",
    "Hälso- och sjukvårdslagen 20",  # the law as a citation label ("… 2017"), not in prose
    "Patientsäkerhetslagen 20",
    "Patientlagen 20",
    "m.fl.",
    "u.å.",
    "inklusive",
    "– webbplats",
    "Svensk doktorsavhandling",
    "Litteraturstudie",
    "Temaseminarium",
    "Slutredovisningar om",
    "volym",
    "Vårt råd",
    "Att diskutera",
    "Läs mer",
    "Senast granskad",
    "Källregistret",
    "Även kallat",
    "Se även",
    "Relaterade begrepp",
    "Tid för stegen",
    "Stegen i korthet",
    "Visa på storbild",
    "Frågor att diskutera",
    "Tillbaka till exempelkatalogen",
]
# The theme's toggle sits in the header, outside the main content.
TOGGLE_LABELS = ["Byt till mörkt läge", "Byt till ljust läge"]


def swedish_phrases(text: str) -> list[str]:
    return [phrase for phrase in SWEDISH_ON_ENGLISH_PAGES if phrase in text]


def test_the_swedish_text_check_can_fail():
    html = (
        '<header><label title="Byt till mörkt läge"></label></header><article><p>See '
        '<a class="citation" title="Ej angiven i källmaterialet: x (2025)">[Avhandling 2025]</a>.</p>'
        '<p><a lang="sv" hreflang="sv">Läs mer på svenska</a></p></article>'
    )
    assert swedish_phrases(main_text(html, skip_swedish=True, with_attrs=True)) == [
        "Ej angiven i källmaterialet",
        "Avhandling",
    ]
    assert [label for label in TOGGLE_LABELS if label in html] == ["Byt till mörkt läge"]


def test_no_english_page_shows_swedish_interface_or_register_text(site):
    found = {}
    for en_page in site.pages("en"):
        html = en_page.read_text(encoding="utf-8")
        hits = swedish_phrases(main_text(html, skip_swedish=True, with_attrs=True))
        hits += [label for label in TOGGLE_LABELS if label in html]
        if hits:
            found[site.rel(en_page)] = hits
    assert found == {}


def test_the_english_theme_toggle_is_in_english(site):
    html = site.read("en/index.html")
    assert "Switch to dark mode" in html and "Switch to light mode" in html
    assert "Byt till mörkt läge" in site.read("index.html")


# --- the site's own advice looks different --------------------------------------------------

ADVICE_TITLE = {"sv": "Vårt råd", "en": "Our advice"}
TIP_BOX = re.compile(r'<div class="admonition tip">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>', re.S)


def advice_problems(html: str, lang: str) -> list[str]:
    out = []
    for title, body in TIP_BOX.findall(html):
        if title != ADVICE_TITLE[lang]:
            out.append(f"a tip box titled {title!r}: tip boxes are for {ADVICE_TITLE[lang]!r} only")
        elif 'class="citation"' in body:
            out.append(f"{title!r} box with a citation: our own advice cites nothing")
    return out


def test_the_advice_check_can_fail():
    cited = '<div class="admonition tip">\n<p class="admonition-title">Vårt råd</p>\n<p>x <a class="citation">[y]</a></p>\n</div>'
    other = '<div class="admonition tip">\n<p class="admonition-title">Kom ihåg</p>\n<p>x</p>\n</div>'
    assert len(advice_problems(cited + other, "sv")) == 2
    assert advice_problems(cited.replace('<a class="citation">[y]</a>', ""), "sv") == []


def test_our_own_advice_is_marked_and_cites_nothing(site):
    found, boxes = {}, 0
    for lang in ("sv", "en"):
        for path in site.pages(lang):
            html = path.read_text(encoding="utf-8")
            boxes += len(TIP_BOX.findall(html))
            problems = advice_problems(html, lang)
            if problems:
                found[site.rel(path)] = problems
    assert found == {}
    assert boxes > 20
