"""The English edition: complete, really English, and in step with the Swedish site."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from macros.loader import load_site_data
from macros.models import Localized, LocalizedList, OptionalLocalizedList, SameText
from tests.conftest import ROOT
from tests.htmlutil import article_text

DATA = load_site_data(ROOT / "docs")

# Common Swedish function words; few of them should appear in English running text.
SWEDISH_WORDS = {
    "och",
    "att",
    "som",
    "för",
    "det",
    "är",
    "inte",
    "med",
    "på",
    "av",
    "till",
    "har",
    "kan",
    "ska",
    "vi",
    "ni",
    "om",
    "eller",
    "när",
    "också",
}
# Texts that are the same in both languages because they are names or codes.
SAME_IN_BOTH = {"Choosing Wisely", "Choosing Wisely Canada", "KKV", "SBU", "Administration", "Organisation"}
LAB_CODE = re.compile(r"^P-[\w\s()-]+$")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def pairs(site):
    for en in site.pages("en"):
        rel = site.rel(en)[len("en/") :]
        yield rel, article_text(site.read(rel)), article_text(en.read_text(encoding="utf-8"))


def test_english_pages_are_written_not_copied_or_placeholders(site):
    problems = []
    for rel, sv, en in pairs(site):
        if "data-placeholder" in site.read("en/" + rel):
            problems.append(f"{rel}: placeholder")
            continue
        if sv.strip() == en.strip():
            problems.append(f"{rel}: same text as the Swedish page")
        ratio = len(words(en)) / max(1, len(words(sv)))
        if not 0.6 <= ratio <= 1.6:
            problems.append(f"{rel}: {len(words(en))} English words for {len(words(sv))} Swedish ({ratio:.2f})")
    assert problems == []


def test_english_pages_are_not_mostly_swedish(site):
    problems = []
    for en_page in site.pages("en"):
        rel = site.rel(en_page)
        # Titles of Swedish sources (<em>, <cite>) and citation labels are names, not prose.
        en = article_text(en_page.read_text(encoding="utf-8"), skip_tags=("script", "style", "em", "cite"))
        ws = words(en)
        share = sum(w in SWEDISH_WORDS for w in ws) / max(1, len(ws))
        if share > 0.03:
            problems.append(f"{rel}: {share:.1%} Swedish function words")
    assert problems == []


def test_the_language_heuristic_can_fail():
    swedish = "Det är viktigt att ni som arbetar på enheten inte gör för mycket och att det finns tid."
    ws = words(swedish)
    assert sum(w in SWEDISH_WORDS for w in ws) / len(ws) > 0.3


def _localized(obj, path):
    if isinstance(obj, (Localized, LocalizedList, OptionalLocalizedList)):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _localized(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from _localized(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _localized(item, f"{path}.{key}")


def test_every_english_data_field_differs_from_the_swedish_unless_a_name():
    same = []
    for kind in ("sources", "terms", "examples", "exercises", "vocabulary"):
        for path, text in _localized(getattr(DATA, kind), kind):
            if isinstance(text, SameText):
                continue  # the register gave one text on purpose: a name or a published title
            if text.sv and text.sv == text.en:
                values = text.sv if isinstance(text.sv, list) else [text.sv]
                if not all(v in SAME_IN_BOTH or LAB_CODE.match(v) for v in values):
                    same.append(f"{path}: {text.sv!r}")
    assert same == []


def test_english_exercise_steps_add_up_to_thirty_minutes(site):
    html = site.read("en/ovningar/fasa-ut-tillsammans.html")
    minutes = [int(m) for m in re.findall(r'<section class="exercise__slide"[^>]*data-minutes="(\d+)"', html)]
    assert len(minutes) == 4 and sum(minutes) == 30
    assert re.search(r'<div class="exercise"[^>]*data-minutes="30"', html)


ENGLISH_SEARCHES = [
    ("de-implementation", "/en/begrepp/index.html"),
    ("low-value care", "/en/begrepp/icke-gora.html"),
    ("success factors", "/en/framgangsfaktorer.html"),
    ("timer", "/en/ovningar/index.html"),
]


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", ENGLISH_SEARCHES)
def test_english_search_finds_english_words(page, server, query, expected):
    from tests.test_search import search

    hrefs = search(page, server, "en/index.html", query)
    assert any(expected in h for h in hrefs), hrefs
    assert all("/en/" in h for h in hrefs)
