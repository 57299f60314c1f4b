"""The glossary page and the glossary tooltips on every other page."""

from __future__ import annotations

from markupsafe import Markup

from .collation import sort_key
from .links import Links
from .loader import SiteData
from .templating import render
from .urls import PageRef


def glossary(data: SiteData, links: Links, page: PageRef) -> Markup:
    lang = page.lang
    by_term = sort_key(lang)
    groups: dict[str, list] = {}
    for term in sorted(data.terms.values(), key=lambda term: by_term(term.term.get(lang))):
        see_also = [data.terms[s] for s in term.see_also]
        citations = links.citations(page, term.sources) if term.sources else None
        groups.setdefault(term.term.get(lang)[0].upper(), []).append((term, see_also, citations))
    return render("glossary.md", lang=lang, groups=groups)


def abbreviations(data: SiteData, lang: str) -> dict[str, str]:
    """Every glossary term (and synonym) with its short definition, for the tooltips.

    Given to Python-Markdown's abbr extension as its `glossary` (site_hooks.on_page_markdown),
    not appended to each page as `*[term]: ...` lines: those were 150 blocks that every block
    processor tested on every page, a third of an example page's build time.
    """
    glossary = {}
    for term in data.terms.values():
        short = term.short.get(lang).replace("\n", " ")
        for word in [term.term.get(lang), *term.synonyms.get(lang)]:
            if not (word[0].isalnum() and word[-1].isalnum()):
                continue  # the abbr extension matches on word boundaries only
            for form in sorted({word, word[0].upper() + word[1:]}):
                glossary[form] = short
    return glossary
