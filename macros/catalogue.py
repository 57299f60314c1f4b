"""The example catalogue: one page per example, and the filterable list of them all."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import urls
from .collation import sort_key
from .links import Links, get, source_year
from .loader import SiteData
from .models import Example
from .numbers import change, figure_text, with_unit
from .strings import t
from .templating import heading_ids, render
from .urls import PageRef


@dataclass(frozen=True)
class Filter:
    param: str  # the URL parameter and the card's data attribute
    vocabulary: str  # the Vocabulary attribute with the choices
    field: str  # the Example attribute
    label: str  # the strings key of the label


FILTERS = (
    Filter("kind", "kinds", "kind", "kind"),
    Filter("area", "care_areas", "care_areas", "care_areas"),
    Filter("profession", "professions", "professions", "professions"),
    Filter("type", "measure_types", "measure_types", "measure_types"),
)


def _values(example: Example, field: str) -> list[str]:
    value = getattr(example, field)
    return [value] if isinstance(value, str) else list(value)


def _labels(vocab: dict, ids: list[str], lang: str) -> str:
    return ", ".join(vocab[i].get(lang) for i in ids)


def _shared(values: list[str]) -> str:
    """The one value every row has ('' when they differ or are empty): said once, not per row."""
    return values[0] if len(set(values)) == 1 and values[0] else ""


def results_table(links: Links, page: PageRef, ex: Example) -> Markup:
    """The results: a repeated note or period is said once above the table, the change stands next to
    the figures it compares, and on a phone each row is a card (CSS, from the cells' data-label)."""
    lang = page.lang
    labels = ex.results_labels
    show_change = labels is None
    notes = [r.note.get(lang) if r.note else "" for r in ex.results]
    note = ex.results_note.get(lang) if ex.results_note else _shared(notes) if len(notes) > 1 else ""
    period = _shared([r.period or "" for r in ex.results])
    head = [
        t(lang, "what"),
        labels.before.get(lang) if labels else t(lang, "before"),
        labels.after.get(lang) if labels else t(lang, "after"),
        *([t(lang, "change")] if show_change else []),
        *([] if period else [t(lang, "period")]),
    ]
    rows = []
    for r, row_note in zip(ex.results, notes, strict=True):
        own_note = row_note and row_note != note
        row = [r.what.get(lang) + (f" ({row_note})" if own_note else "")]
        row += [with_unit(v, r, lang) if v is not None else "" for v in (r.before, r.after)]
        if show_change:
            row.append(change(r, lang))
        if not period:
            row.append(r.period or "")
        rows.append(row)
    return render(
        "results_table.md",
        lang=lang,
        title=ex.title.get(lang),
        citations=links.citations(page, ex.sources),
        note=note,
        period=period,
        head=head,
        rows=rows,
    )


def example_page(data: SiteData, links: Links, page: PageRef, example_id: str, default_lang: str) -> Markup:
    ex = get(data.examples, example_id, "example")
    lang, vocab = page.lang, data.vocabulary
    facts = [(t(lang, "kind"), vocab.kinds[ex.kind].get(lang))]
    if ex.organisation:
        facts.append((t(lang, "organisation"), ex.organisation.get(lang)))
    if ex.region:
        facts.append((t(lang, "region"), ex.region))
    facts += [
        (t(lang, "care_areas"), _labels(vocab.care_areas, ex.care_areas, lang)),
        (t(lang, "professions"), _labels(vocab.professions, ex.professions, lang)),
        (t(lang, "measure_types"), _labels(vocab.measure_types, ex.measure_types, lang)),
    ]
    return render(
        "example_page.md",
        ex=ex,
        lang=lang,
        facts=facts,
        body_ids=heading_ids(ex.body.get(default_lang)),  # one id per section in every language
        results_table=results_table(links, page, ex) if ex.results else None,
        sources=[(data.sources[sid], links.cite(page, sid), source_year(data.sources[sid], lang)) for sid in ex.sources],
        terms=[(links.term(page, tid), data.terms[tid]) for tid in ex.terms],
        catalogue_href=page.md_link(urls.CATALOGUE),
    )


def key_figure(example: Example, lang: str) -> str | None:
    """The first result with both figures, for the card ('P-CRP: 1 429 → 1 149 (2022–2023)')."""
    if example.results_labels is not None:
        return None
    for r in example.results:
        if r.before is not None and r.after is not None:
            text = f"{r.what.get(lang)}: {figure_text(r, lang)}"
            return f"{text} ({r.period})" if r.period else text
    return None


def catalogue(data: SiteData, page: PageRef) -> Markup:
    lang, vocab = page.lang, data.vocabulary
    by_title = sort_key(lang)
    examples = sorted(data.examples.values(), key=lambda e: by_title(e.title.get(lang)))
    filters = []
    for f in FILTERS:
        used = {v for e in examples for v in _values(e, f.field)}
        options = sorted(getattr(vocab, f.vocabulary).items(), key=lambda kv: by_title(kv[1].get(lang)))
        filters.append({"param": f.param, "label": f.label, "options": [(k, v.get(lang)) for k, v in options if k in used]})
    cards = []
    for ex in examples:
        searchable = [ex.title.get(lang), ex.summary.get(lang), ex.organisation.get(lang) if ex.organisation else "", ex.region or ""]
        searchable += [getattr(vocab, f.vocabulary)[v].get(lang) for f in FILTERS for v in _values(ex, f.field)]
        searchable += [*ex.search_words.get(lang), *(data.terms[tid].term.get(lang) for tid in ex.terms)]
        cards.append(
            {
                "id": ex.id,
                "data": [(f.param, " ".join(_values(ex, f.field))) for f in FILTERS],
                "text": " ".join(searchable).lower(),
                "href": page.html_link(urls.example(ex.id)),
                "title": ex.title.get(lang),
                "meta": " · ".join([vocab.kinds[ex.kind].get(lang), _labels(vocab.care_areas, ex.care_areas, lang)]),
                "summary": ex.summary.get(lang),
                "figure": key_figure(ex, lang),
                "professions": _labels(vocab.professions, ex.professions, lang),
            }
        )
    site_search = page.html_link("index.md")  # Material opens its search for ?q= on any page
    return render("catalogue.html", lang=lang, total=len(examples), filters=filters, cards=cards, site_search=site_search)
