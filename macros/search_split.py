"""One search index per language, with hidden search words and plain-letter forms.

Material's search writes one index for the whole site, and mkdocs-static-i18n
merges both languages into it, so a Swedish search would also list English pages.
After the build this module splits it: search/ keeps the default language's
pages; <lang>/search/ gets the other language's pages with locations relative to
<lang>/. English pages point their search `base` at en/ (overrides/main.html).
Both the JSON index (HTTP) and the offline plugin's JS copy (file://) are split.

Each document also gets two fields that Material indexes but does not show (their
boosts are set in mkdocs.yml, plugins: search: fields):
- `keywords`: the search words from the data (macros/search_words.py) and the plain-letter
  forms of them and of the document's title, so `lagvardevard` finds *lågvärdevård*;
- `folded`: on a page's first document, the plain-letter forms of the words in the whole
  page's text, once each.
The real words stay in `title` and `text`, so a query typed with å, ä, ö is highlighted
as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .search_words import Words, folded_forms, keyword_tokens, squeeze
from .strings import msg

TAG = re.compile(r"<[^>]+>")
# Body words shorter than this get no plain-letter form (titles and search words all do):
# the long words are the compounds and terms people look up; the short ones would cost
# index size (issue #15: at most 15 % growth) for little use.
FOLD_MIN_LENGTH = 8
COMMON_SHARE = 0.25


def _write(folder: Path, index: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def _plain(html: str) -> str:
    return TAG.sub(" ", html)


def _common_words(by_page: dict[str, list[dict]], separator: re.Pattern) -> frozenset[str]:
    """Words on at least COMMON_SHARE of the language's pages ('vård', 'care')."""
    counts: dict[str, int] = {}
    for page_docs in by_page.values():
        text = " ".join(_plain(d["title"] + " " + d["text"]) for d in page_docs).lower()
        for word in set(separator.split(text)):
            counts[word] = counts.get(word, 0) + 1
    least = COMMON_SHARE * len(by_page)
    return frozenset(w for w, n in counts.items() if n >= least)


def enrich(docs: list[dict], words: dict[str, list[Words]], separator: re.Pattern) -> list[str]:
    """Add `keywords` and `folded` to a language's documents (in place).
    Returns one problem line per location in `words` that no document has."""
    by_page: dict[str, list[dict]] = {}
    for doc in docs:
        by_page.setdefault(doc["location"].split("#")[0], []).append(doc)
    common = _common_words(by_page, separator)
    found: set[str] = set()
    for doc in docs:
        curated = words.get(doc["location"], [])
        if curated:
            found.add(doc["location"])
        keywords = squeeze(keyword_tokens(curated, separator, common) + folded_forms(_plain(doc["title"])))
        if keywords:
            doc["keywords"] = " ".join(keywords)
    for page_docs in by_page.values():
        text = " ".join(_plain(d["text"]) for d in page_docs)
        taken = [w for d in page_docs for w in d.get("keywords", "").split()]
        forms = [w for w in squeeze(folded_forms(text, FOLD_MIN_LENGTH)) if not any(t.startswith(w) for t in taken)]
        if forms:
            page_docs[0]["folded"] = " ".join(forms)
    problems = []
    for location, entries in words.items():
        if location not in found:
            for entry in entries:
                problems.append(f"{entry.origin}: {msg('words_lead_nowhere', location=location)}")
    return problems


def split(site: Path, default_lang: str, other_langs: list[str], words: dict[str, dict[str, list[Words]]]) -> list[str]:
    """Split the merged index per language and add the hidden search words.
    `words` maps a language to its search words (macros/search_words.search_words).
    Returns problem lines (search words that lead nowhere)."""
    source = site / "search" / "search_index.json"
    if not source.exists():
        return []
    index = json.loads(source.read_text(encoding="utf-8"))
    docs = index["docs"]
    separator = re.compile(index["config"]["separator"])
    prefixes = {lang: f"{lang}/" for lang in other_langs}
    problems: list[str] = []
    for lang, prefix in prefixes.items():
        own = [dict(d, location=d["location"][len(prefix) :]) for d in docs if d["location"].startswith(prefix)]
        problems += enrich(own, words.get(lang, {}), separator)
        _write(site / lang / "search", dict(index, config=dict(index["config"], lang=[lang]), docs=own))
    rest = [dict(d) for d in docs if not any(d["location"].startswith(p) for p in prefixes.values())]
    problems += enrich(rest, words.get(default_lang, {}), separator)
    _write(site / "search", dict(index, config=dict(index["config"], lang=[default_lang]), docs=rest))
    return problems
