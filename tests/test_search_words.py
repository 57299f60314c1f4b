"""Hidden search words (issue #15): from the data into the index, plain-letter forms,
clear errors, and an index that grows by at most 15 %."""

from __future__ import annotations

import json
import logging
import re

import pytest

from macros.search_split import enrich
from macros.search_words import Words, fold, keyword_tokens, page_search_words, squeeze
from tests.test_data_validation import edit_yaml, entry

SEPARATOR = re.compile(r'[\s\-,:!=\[\]()"/]+')


def _index(site, lang: str) -> dict:
    folder = "search" if lang == "sv" else f"{lang}/search"
    return json.loads(site.read(f"{folder}/search_index.json"))


def _doc(index: dict, location: str) -> dict:
    return next(d for d in index["docs"] if d["location"] == location)


def _finds(doc: dict, query: str) -> bool:
    """Would Material's prefix query (query*) hit a token of the hidden fields?"""
    tokens = (doc.get("keywords", "") + " " + doc.get("folded", "")).split()
    return any(tok.startswith(query) for tok in tokens)


# --- the pieces -------------------------------------------------------------------------


def test_fold_drops_swedish_and_accented_letters():
    assert fold("Lågvärdevård överbehandling Göteborg café") == "Lagvardevard overbehandling Goteborg cafe"


def test_squeeze_keeps_only_words_no_other_word_begins_with():
    assert squeeze(["utmönstra", "utmönstrade", "prov", "prover", "labb"]) == ["labb", "prover", "utmönstrade"]


def test_common_words_inside_phrases_are_left_out_but_whole_words_kept():
    entries = [Words(("onödig vård", "vård", "lågvärdevård"), "test")]
    tokens = keyword_tokens(entries, SEPARATOR, frozenset({"vård"}))
    assert tokens == ["onödig", "vård", "lågvärdevård", "onodig", "vard", "lagvardevard"]


def test_enrich_adds_the_fields_and_reports_words_that_lead_nowhere():
    docs = [
        {"location": "a.html", "title": "Lågvärdevård", "text": "<p>Om överbehandlingen och vård</p>"},
        {"location": "a.html#del", "title": "Del", "text": "<p>Undanträngningseffekten</p>"},
    ]
    words = {"a.html#del": [Words(("utmönstra",), "x.yml: t")], "saknas.html": [Words(("ord",), "y.yml: u: page")]}
    problems = enrich(docs, words, SEPARATOR)
    assert docs[0]["keywords"] == "lagvardevard"
    assert docs[1]["keywords"] == "utmonstra utmönstra"
    assert set(docs[0]["folded"].split()) == {"overbehandlingen", "undantrangningseffekten"}
    assert problems == ["y.yml: u: page: sökorden leder till 'saknas.html', som inte finns i sökindexet"]


def test_front_matter_search_words_must_be_a_list_of_words():
    assert page_search_words({"search_words": ["vårdskada ", "säker vård"]}, "risker/x.md") == ["vårdskada", "säker vård"]
    assert page_search_words({}, "risker/x.md") == []
    with pytest.raises(ValueError) as err:
        page_search_words({"search_words": "vårdskada"}, "risker/x.md")
    assert str(err.value).startswith("docs/risker/x.md: search_words: must be a list of words")


def test_a_term_page_that_does_not_exist_stops_the_build_with_one_swedish_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from tests.conftest import build_in_process, mini_project

    project = mini_project(tmp_path, {})
    edit_yaml(project / "docs" / "data" / "ordlista.yml", lambda d: entry(d, "utmonstring").__setitem__("page", "begrepp/finns-inte.md"))
    with pytest.raises(Abort):
        build_in_process(project)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "docs/data/ordlista.yml: utmonstring: page: sidan docs/begrepp/finns-inte.md finns inte "
        "(skriv sökvägen till källfilen i docs/, t.ex. begrepp/index.md)"
    ]


# --- the built index --------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang,location,queries",
    [
        ("sv", "ordlista.html#utmonstring", ["utmönstra", "utmonstra", "avveckla", "utmönstringen"]),
        ("sv", "begrepp/index.html", ["utmönstra", "utmonstring"]),
        ("sv", "begrepp/icke-gora.html", ["lågvärdevården", "lagvardevard", "överanvändning", "overanvandning"]),
        ("sv", "exempel/sus-labbprover/index.html", ["prover", "blodprov", "provtagning"]),
        ("sv", "risker/patientsakerhet.html", ["patientsäkerheten", "vårdskador"]),
        ("en", "ordlista.html#utmonstring", ["deimplementation", "de", "implementation", "disinvest"]),
        ("en", "exempel/sfam-lipider/index.html", ["cholesterol", "blood", "tests"]),
    ],
)
def test_search_words_reach_their_pages(site, lang, location, queries):
    doc = _doc(_index(site, lang), location)
    missing = [q for q in queries if not _finds(doc, q)]
    assert not missing, (location, doc.get("keywords"))


def test_the_real_words_stay_in_title_and_text(site):
    doc = _doc(_index(site, "sv"), "begrepp/icke-gora.html")
    assert "lågvärdevård" in doc["title"].lower()
    assert not _finds(doc, "ȧ")  # the hidden fields hold words, not markup
    assert "<" not in doc["keywords"] + doc.get("folded", "")


def test_hidden_fields_are_indexed_with_their_boosts(site):
    for lang in ("sv", "en"):
        fields = _index(site, lang)["config"]["fields"]
        assert fields["keywords"]["boost"] > fields["title"]["boost"]
        assert fields["folded"]["boost"] == fields["text"]["boost"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_index_grows_by_at_most_15_percent(site, lang):
    index = _index(site, lang)
    plain = dict(index, docs=[{k: v for k, v in d.items() if k not in ("keywords", "folded")} for d in index["docs"]])
    size = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode())
    before = len(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode())
    assert size / before <= 1.15, f"{lang}: {before} -> {size} bytes ({size / before - 1:+.1%})"
