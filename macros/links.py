"""Links written by the macros kalla(), term() and exempel(): citations, glossary terms, examples."""

from __future__ import annotations

from markupsafe import Markup

from . import urls
from .loader import SiteData
from .models import Source
from .strings import msg, t
from .templating import render
from .urls import PageRef


class UnknownId(Exception):
    """A macro named an id that is not in the data."""


def get(mapping: dict, key: str, what: str):
    try:
        return mapping[key]
    except KeyError:
        raise UnknownId(msg(f"unknown_{what}", id=key)) from None


def source_year(source: Source, lang: str) -> str:
    """The year, or 'u.å.'/'n.d.' when the source material does not give one."""
    return str(source.year) if source.year is not None else t(lang, "no_year")


def source_labels(sources: dict[str, Source], lang: str) -> dict[str, str]:
    """Short labels such as 'OECD 2017'; 'Socialstyrelsen 2025a/b' when two would be equal
    ('SBU n.d.-a/b' without a year)."""
    base = {sid: f"{(s.short or s.publisher).get(lang)} {source_year(s, lang)}" for sid, s in sources.items()}
    groups: dict[str, list[str]] = {}
    for sid, label in base.items():
        groups.setdefault(label, []).append(sid)
    labels = {}
    for label, ids in groups.items():
        # In a clash, the one entry that sets `short` itself keeps the plain label
        # (e.g. the main report); the others get letters: 2025a, 2025b...
        plain = [sid for sid in ids if sources[sid].short]
        keep = plain[0] if len(ids) > 1 and len(plain) == 1 else None
        if len(ids) == 1 or keep:
            labels[keep or ids[0]] = label
        rest = sorted(sid for sid in ids if sid != keep) if len(ids) > 1 else []
        for letter, sid in zip("abcdefghijklmnopqrstuvwxyz", rest, strict=False):
            labels[sid] = f"{label}{letter}" if sources[sid].year is not None else f"{label}-{letter}"
    return labels


class Links:
    """The link renderers of one build: the source labels are worked out once per language."""

    def __init__(self, data: SiteData, languages: tuple[str, ...]):
        self.data = data
        self.labels = {lang: source_labels(data.sources, lang) for lang in languages}

    def cite(self, page: PageRef, source_id: str) -> Markup:
        source, lang = get(self.data.sources, source_id, "source"), page.lang
        return render(
            "cite.md",
            label=self.labels[lang][source_id],
            href=page.md_link(urls.SOURCES) + "#" + source_id,
            title=f"{source.publisher.get(lang)}: {source.title.get(lang)} ({source_year(source, lang)})",
        )

    def citations(self, page: PageRef, ids: list[str]) -> Markup:
        return Markup(" ").join(self.cite(page, sid) for sid in ids)

    def term(self, page: PageRef, term_id: str, text: str | None = None) -> Markup:
        term = get(self.data.terms, term_id, "term")
        return render(
            "term_link.md",
            shown=text if text is not None else term.term.get(page.lang),
            href=page.md_link(urls.GLOSSARY) + "#" + term_id,
            title=term.short.get(page.lang),
        )

    def example(self, page: PageRef, example_id: str, text: str | None = None) -> Markup:
        example = get(self.data.examples, example_id, "example")
        return render(
            "example_link.md",
            shown=text if text is not None else example.title.get(page.lang),
            href=page.md_link(urls.example(example_id)),
        )
