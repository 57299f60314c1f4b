"""Hidden search words: what leads a reader to a page without being written on it.

Editors keep the words in the YAML data (docs/data/ordlista.yml: `search_words` and `page`;
docs/data/exempel/*.yml: `search_words`). Each glossary term's own name, its synonyms and
its search words lead to the term's glossary entry and to the page that explains it; an
example's search words lead to its page. macros/search_split.py puts them into the search
index as a field of its own (`keywords`, boosted in mkdocs.yml), which Material indexes
but never shows.

Swedish readers often type without å, ä and ö (a phone, a foreign keyboard), so `fold`
gives the plain-letter form of a word, and the index carries the folded forms as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import urls
from .loader import SiteData

# å, ä, ö and the accented letters of loan words, as typed without them.
FOLD = str.maketrans("åäöéèüæøÅÄÖÉÈÜÆØ", "aaoeeuaoAAOEEUAO")
WORD = re.compile(r"[^\W_]+")  # words; a hyphen separates them, as in the search index


def fold(text: str) -> str:
    """'Lågvärdevård' -> 'Lagvardevard'."""
    return text.translate(FOLD)


def folded_forms(text: str, min_length: int = 1) -> list[str]:
    """The folded form of every word in `text` that has a letter to fold, lower-case, once each."""
    seen: dict[str, None] = {}
    for word in WORD.findall(text.lower()):
        plain = fold(word)
        if plain != word and len(plain) >= min_length:
            seen.setdefault(plain, None)
    return list(seen)


@dataclass(frozen=True)
class Words:
    """Search words for one location of a language's index, and where they come from."""

    words: tuple[str, ...]
    origin: str  # for error lines: "docs/data/ordlista.yml: utmonstring: page"


def glossary_anchor(term_id: str) -> str:
    """The glossary entry's location in the index (the glossary uses the term ids as anchors)."""
    return urls.built(urls.GLOSSARY, "") + "#" + term_id


def page_search_words(meta: dict, src_uri: str) -> list[str]:
    """A Markdown page's own search words: front matter `search_words: [..]` (a list of texts)."""
    words = meta.get("search_words")
    if words is None:
        return []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"docs/{src_uri}: search_words: must be a list of words, e.g. [vårdskada, vårdskador], got {words!r}")
    return [w.strip() for w in words]


def search_words(data: SiteData, lang: str) -> dict[str, list[Words]]:
    """Index location (relative to the language's root) -> the search words that lead there."""
    out: dict[str, list[Words]] = {}

    def add(location: str, words: list[str], origin: str) -> None:
        if words:
            out.setdefault(location, []).append(Words(tuple(words), origin))

    for term in data.terms.values():
        words = [term.term.get(lang), *term.synonyms.get(lang), *term.search_words.get(lang)]
        origin = f"docs/data/ordlista.yml: {term.id}"
        add(glossary_anchor(term.id), words, origin)
        if term.page:
            add(urls.built(term.page, ""), words, origin + ": page")
    for ex in data.examples.values():
        add(urls.built(urls.example(ex.id), ""), list(ex.search_words.get(lang)), f"docs/data/exempel/{ex.id}.yml: search_words")
    return out


def squeeze(words: list[str]) -> list[str]:
    """The words without those that begin another one: Material searches every word as a
    prefix (it adds `*`), so `utmönstra` is found through `utmönstrade` and need not be stored."""
    ordered = sorted(set(words))
    return [w for i, w in enumerate(ordered) if not (i + 1 < len(ordered) and ordered[i + 1].startswith(w))]


def keyword_tokens(entries: list[Words], separator: re.Pattern, common: frozenset[str] = frozenset()) -> list[str]:
    """A location's search words as the index's tokens (lower-case, split like Material
    splits text), with their plain-letter forms. A common word that is only part of a
    phrase ('vård' in 'onödig vård') is left out: it would lift the page for every query
    that has it, while the page's text already holds it."""
    tokens = []
    for entry in entries:
        for word in entry.words:
            phrase = len(word.split()) > 1  # 'onödig vård'; not 'de-implementation'
            parts = [tok for tok in separator.split(word.lower()) if tok]
            tokens += [tok for tok in parts if not phrase or tok not in common]
    return tokens + [fold(tok) for tok in tokens]
