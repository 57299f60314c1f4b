"""Renderers: turn validated data into Markdown or HTML for one page in one language.

Every text that comes from YAML passes through `esc` (plain text into HTML or
Markdown) or `md_block` (Markdown fields), so a title such as
`<script>alert(1)</script>` is shown as text, never run.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from .loader import SiteData
from .models import Example, Result, Source, Term
from .strings import t

GLOSSARY_PAGE = "ordlista.md"
SOURCES_PAGE = "kallor.md"
CATALOGUE_PAGE = "exempel/index.md"
SWEDISH_ORDER = "abcdefghijklmnopqrstuvwxyzåäö"


class UnknownId(Exception):
    """A macro named an id that is not in the data."""


@dataclass(frozen=True)
class PageRef:
    """Where the macro is rendered: the page's source path and its built URL, and the language."""

    src_uri: str  # e.g. "begrepp/index.md" or "begrepp/index.en.md"
    url: str  # e.g. "begrepp/index.html" or "en/begrepp/index.html"
    lang: str

    def md_link(self, target_md: str) -> str:
        """Relative link to another page's Markdown source (MkDocs resolves it per language)."""
        return posixpath.relpath(target_md, posixpath.dirname(self.src_uri) or ".")

    def root_link(self, target: str) -> str:
        """Relative link to a file at the site root (shared by both languages)."""
        return posixpath.relpath(target, posixpath.dirname(self.url) or ".")

    def html_link(self, target_html: str) -> str:
        """Relative link to a built page in this page's language, for raw HTML blocks."""
        prefix = "" if self.lang == "sv" else f"{self.lang}/"
        return posixpath.relpath(prefix + target_html, posixpath.dirname(self.url) or ".")


# --- escaping --------------------------------------------------------------------------


def esc(text: str) -> str:
    """Plain text for HTML or Markdown: nothing in it is markup."""
    return html.escape(text, quote=True)


def md_block(text: str) -> str:
    """A Markdown field from YAML: Markdown syntax works, raw HTML is shown as text."""
    return text.replace("<", "&lt;")


HEADING = re.compile(r"^(#{1,6})(?=\s)", re.M)


def md_sub_block(text: str, top: int = 2) -> str:
    """A Markdown field placed under the page's h1: its highest heading becomes level `top`."""
    text = md_block(text)
    levels = [len(m.group(1)) for m in HEADING.finditer(text)]
    if not levels:
        return text
    shift = top - min(levels)
    return HEADING.sub(lambda m: "#" * max(top, min(6, len(m.group(1)) + shift)), text)


def md_cell(text: str) -> str:
    return esc(text).replace("|", "\\|").replace("\n", " ")


def attr_title(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "&quot;")


# --- numbers ---------------------------------------------------------------------------


def number(value: float, lang: str) -> str:
    if float(value).is_integer():
        out = f"{int(value):,}"
    else:
        out = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "sv":
        out = out.replace(",", "\u00a0").replace(".", ",")
    return out


def change(result: Result, lang: str) -> str:
    if result.before is None or result.after is None or result.before == 0:
        return ""
    pct = (result.after - result.before) / result.before * 100
    sign = "+" if pct > 0 else "\u2212" if pct < 0 else "\u00b1"
    return f"{sign}{number(round(abs(pct)), lang)}\u00a0%"


def figure_text(result: Result, lang: str) -> str:
    unit = f"\u00a0{result.unit.get(lang)}" if result.unit else ""
    parts = []
    if result.before is not None:
        parts.append(number(result.before, lang) + unit)
    if result.after is not None:
        parts.append(number(result.after, lang) + unit)
    return " \u2192 ".join(parts)


# --- labels for sources ----------------------------------------------------------------


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
        for letter, sid in zip("abcdefghijklmnopqrstuvwxyz", rest):
            labels[sid] = f"{label}{letter}" if sources[sid].year is not None else f"{label}-{letter}"
    return labels


def sort_key_sv(text: str) -> list[int]:
    out = []
    for ch in text.lower():
        idx = SWEDISH_ORDER.find(ch)
        out.append(idx if idx >= 0 else 100 + ord(ch))
    return out


# --- links (macros kalla, term, exempel) -----------------------------------------------


def _get(mapping: dict, key: str, what: str):
    try:
        return mapping[key]
    except KeyError:
        raise UnknownId(f"unknown {what} id '{key}'") from None


def cite(data: SiteData, page: PageRef, source_id: str) -> str:
    source = _get(data.sources, source_id, "source")
    lang = page.lang
    label = source_labels(data.sources, lang)[source_id]
    href = page.md_link(SOURCES_PAGE) + "#" + source_id
    title = attr_title(f"{source.publisher.get(lang)}: {source.title.get(lang)} ({source_year(source, lang)})")
    return f'[[{esc(label)}]]({href} "{title}"){{ .citation }}'


def term_link(data: SiteData, page: PageRef, term_id: str, text: str | None = None) -> str:
    term = _get(data.terms, term_id, "term")
    shown = text if text is not None else term.term.get(page.lang)
    href = page.md_link(GLOSSARY_PAGE) + "#" + term_id
    return f'[{esc(shown)}]({href} "{attr_title(term.short.get(page.lang))}"){{ .term }}'


def example_link(data: SiteData, page: PageRef, example_id: str, text: str | None = None) -> str:
    example = _get(data.examples, example_id, "example")
    shown = text if text is not None else example.title.get(page.lang)
    return f"[{esc(shown)}]({page.md_link(f'exempel/{example_id}/index.md')})"


def citations(data: SiteData, page: PageRef, ids: list[str]) -> str:
    return " ".join(cite(data, page, sid) for sid in ids)


# --- example page ----------------------------------------------------------------------


def _labels(vocab: dict, ids: list[str], lang: str) -> str:
    return ", ".join(vocab[i].get(lang) for i in ids)


def results_table(data: SiteData, page: PageRef, example: Example) -> str:
    lang = page.lang
    before = example.results_labels.before.get(lang) if example.results_labels else t(lang, "before")
    after = example.results_labels.after.get(lang) if example.results_labels else t(lang, "after")
    show_change = example.results_labels is None
    head = [t(lang, "what"), before, after] + ([t(lang, "change")] if show_change else []) + [t(lang, "period")]
    lines = [
        f"{t(lang, 'results')}: {esc(example.title.get(lang))}. {citations(data, page, example.sources)}",
        "{ .table-caption }",
        "",
        "| " + " | ".join(md_cell(h) for h in head) + " |",
        "|" + "---|" * len(head),
    ]
    for r in example.results:
        unit = f"\u00a0{r.unit.get(lang)}" if r.unit else ""
        what = r.what.get(lang) + (f" ({r.note.get(lang)})" if r.note else "")
        row = [
            md_cell(what),
            md_cell(number(r.before, lang) + unit) if r.before is not None else "–",
            md_cell(number(r.after, lang) + unit) if r.after is not None else "–",
        ]
        if show_change:
            row.append(change(r, lang) or "–")
        row.append(md_cell(r.period or "–"))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def example_page(data: SiteData, page: PageRef, example_id: str) -> str:
    ex = _get(data.examples, example_id, "example")
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
    out = [f"# {esc(ex.title.get(lang))}", ""]
    out += [f"{esc(ex.summary.get(lang))}", "{ .lead }", ""]
    out += ['<dl class="example-facts">']
    for key, value in facts:
        out.append(f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>")
    out += ["</dl>", ""]
    out += [md_sub_block(ex.body.get(lang)).strip(), ""]
    if ex.results:
        out += [f"## {t(lang, 'results')}", "", results_table(data, page, ex), ""]
    out += [f"## {t(lang, 'sources')}", ""]
    for sid in ex.sources:
        s = data.sources[sid]
        out.append(f"- {cite(data, page, sid)} {esc(s.publisher.get(lang))}: *{esc(s.title.get(lang))}* ({source_year(s, lang)}).")
    out.append("")
    if ex.terms:
        out += [f"## {t(lang, 'related_terms')}", ""]
        out += [f"- {term_link(data, page, tid)}: {esc(data.terms[tid].short.get(lang))}" for tid in ex.terms]
        out.append("")
    out += [
        f'<p class="example-reviewed">{esc(t(lang, "reviewed"))}: <time datetime="{ex.reviewed.isoformat()}">{ex.reviewed.isoformat()}</time></p>',
        "",
        f"[{t(lang, 'back_to_catalogue')}]({page.md_link(CATALOGUE_PAGE)})",
    ]
    return "\n".join(out)


# --- catalogue -------------------------------------------------------------------------

FILTERS = (
    # (URL parameter, SiteData vocabulary attribute, example attribute, strings key)
    ("kind", "kinds", "kind", "kind"),
    ("area", "care_areas", "care_areas", "care_areas"),
    ("profession", "professions", "professions", "professions"),
    ("type", "measure_types", "measure_types", "measure_types"),
)


def key_figure(example: Example, lang: str) -> str | None:
    for r in example.results:
        if r.before is not None and r.after is not None and example.results_labels is None:
            return f"{r.what.get(lang)}: {figure_text(r, lang)} ({r.period})" if r.period else f"{r.what.get(lang)}: {figure_text(r, lang)}"
    return None


def _values(example: Example, attr: str) -> list[str]:
    value = getattr(example, attr)
    return [value] if isinstance(value, str) else list(value)


def catalogue(data: SiteData, page: PageRef) -> str:
    lang, vocab = page.lang, data.vocabulary
    examples = sorted(data.examples.values(), key=lambda e: sort_key_sv(e.title.get(lang)))
    total = len(examples)
    out = [f'<div class="catalogue" data-catalogue data-total="{total}" data-shown-template="{esc(t(lang, "shown"))}">']
    out.append(f'<form class="catalogue__filters" role="search" aria-label="{esc(t(lang, "filter_legend"))}" hidden>')
    out.append(f'<div class="catalogue__field catalogue__field--text"><label for="catalogue-q">{esc(t(lang, "filter_text"))}</label>'
               f'<input type="search" id="catalogue-q" name="q" autocomplete="off"></div>')
    for param, vocab_attr, attr, label_key in FILTERS:
        options = getattr(vocab, vocab_attr)
        used = {v for e in examples for v in _values(e, attr)}
        out.append(f'<div class="catalogue__field"><label for="catalogue-{param}">{esc(t(lang, label_key))}</label>'
                   f'<select id="catalogue-{param}" name="{param}"><option value="">{esc(t(lang, "all"))}</option>')
        for key, label in sorted(options.items(), key=lambda kv: sort_key_sv(kv[1].get(lang))):
            if key in used:
                out.append(f'<option value="{esc(key)}">{esc(label.get(lang))}</option>')
        out.append("</select></div>")
    out.append(f'<button type="reset" class="md-button catalogue__reset">{esc(t(lang, "filter_reset"))}</button>')
    out.append("</form>")
    out.append(f'<p class="catalogue__count" role="status" aria-live="polite">{esc(t(lang, "shown", n=total, total=total))}</p>')
    out.append('<ul class="catalogue__list">')
    for ex in examples:
        attrs = " ".join(
            f'data-{param}="{esc(" ".join(_values(ex, attr)))}"' for param, _, attr, _ in FILTERS
        )
        searchable = " ".join(
            [ex.title.get(lang), ex.summary.get(lang), ex.organisation.get(lang) if ex.organisation else "", ex.region or ""]
            + [getattr(vocab, va)[v].get(lang) for _, va, attr, _ in FILTERS for v in _values(ex, attr)]
        ).lower()
        href = page.html_link(f"exempel/{ex.id}/index.html")
        meta = " · ".join([vocab.kinds[ex.kind].get(lang), _labels(vocab.care_areas, ex.care_areas, lang)])
        out.append(f'<li class="catalogue__card" id="{esc(ex.id)}" {attrs} data-text="{esc(searchable)}">')
        out.append(f'<h2 class="catalogue__title"><a href="{esc(href)}">{esc(ex.title.get(lang))}</a></h2>')
        out.append(f'<p class="catalogue__meta">{esc(meta)}</p>')
        out.append(f"<p>{esc(ex.summary.get(lang))}</p>")
        fig = key_figure(ex, lang)
        if fig:
            out.append(f'<p class="catalogue__figure"><strong>{esc(t(lang, "key_figure"))}:</strong> {esc(fig)}</p>')
        out.append(f'<p class="catalogue__professions"><strong>{esc(t(lang, "professions"))}:</strong> '
                   f"{esc(_labels(vocab.professions, ex.professions, lang))}</p>")
        out.append("</li>")
    out.append("</ul></div>")
    return "\n".join(out)



# --- glossary --------------------------------------------------------------------------


def glossary(data: SiteData, page: PageRef) -> str:
    lang = page.lang
    terms = sorted(data.terms.values(), key=lambda term: sort_key_sv(term.term.get(lang)))
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.term.get(lang)[0].upper(), []).append(term)
    letters = " ".join(f'<a href="#bokstav-{esc(letter.lower())}">{esc(letter)}</a>' for letter in groups)
    # data-stable-anchors: the term ids are the same in both languages (see language.js).
    out = [f'<nav class="letter-index" aria-label="{esc(t(lang, "letters"))}" data-stable-anchors>{letters}</nav>', ""]
    for letter, group in groups.items():
        out += [f"## {esc(letter)} {{ #bokstav-{letter.lower()} }}", ""]
        for term in group:
            out += [f"### {esc(term.term.get(lang))} {{ #{term.id} }}", ""]
            synonyms = term.synonyms.get(lang)
            if synonyms:
                out += [f"*{t(lang, 'synonyms')}:* {esc(', '.join(synonyms))}", "{ .synonyms }", ""]
            out += [md_block(term.definition.get(lang)).strip(), ""]
            if term.see_also:
                links = ", ".join(f"[{esc(data.terms[s].term.get(lang))}](#{s})" for s in term.see_also)
                out += [f"*{t(lang, 'see_also')}:* {links}", ""]
            if term.sources:
                out += [f"*{t(lang, 'source')}:* {citations(data, page, term.sources)}", ""]
    return "\n".join(out)


# --- source register -------------------------------------------------------------------


def source_list(data: SiteData, page: PageRef) -> str:
    lang = page.lang
    labels = source_labels(data.sources, lang)
    ordered = sorted(data.sources.values(), key=lambda s: (sort_key_sv(labels[s.id]), s.id))
    out = ['<ol class="source-list" data-stable-anchors>']
    for s in ordered:
        kind = t(lang, "kinds_sources")[s.kind]  # type: ignore[index]
        parts = [
            f'<li id="{esc(s.id)}"><p><strong class="source-list__label">{esc(labels[s.id])}</strong> ',
            f"{esc(s.publisher.get(lang))} ({source_year(s, lang)}). <cite>{esc(s.title.get(lang))}</cite>. {esc(kind)}.",
        ]
        if s.url:
            parts.append(f' <a href="{esc(s.url)}">{esc(s.url)}</a>')
        parts.append("</p>")
        if s.note:
            parts.append(f"<p>{esc(s.note.get(lang))}</p>")
        parts.append("</li>")
        out.append("".join(parts))
    out.append("</ol>")
    return "\n".join(out)


# --- placeholder ---------------------------------------------------------------------


def placeholder(page: PageRef, sv_url: str) -> str:
    href = posixpath.relpath(sv_url, posixpath.dirname(page.url) or ".")
    return (
        '<div class="admonition placeholder" data-placeholder>'
        '<p class="admonition-title">Translation in progress</p>'
        "<p>This page has not been written in English yet. The Swedish page has the full text: "
        f'<a href="{esc(href)}" hreflang="sv" lang="sv">läs sidan på svenska</a>.</p></div>'
    )


# --- tooltips --------------------------------------------------------------------------


def abbreviations(data: SiteData, lang: str) -> str:
    """Markdown abbreviation definitions: every glossary term gets its short definition as a tooltip."""
    lines = []
    for term in data.terms.values():
        words = [term.term.get(lang)] + term.synonyms.get(lang)
        for word in words:
            if not (word[0].isalnum() and word[-1].isalnum()):
                continue  # the abbr extension matches on word boundaries only
            short = term.short.get(lang).replace("\n", " ")
            for form in sorted({word, word[0].upper() + word[1:]}):
                lines.append(f"*[{form}]: {short}")
    # One block per definition: Python-Markdown re-tests a multi-line block after each
    # definition it takes from it, which made long lists quadratic (most of the build time).
    return "\n\n".join(lines)


__all__ = [
    "PageRef",
    "UnknownId",
    "cite",
    "term_link",
    "example_link",
    "example_page",
    "catalogue",
    "glossary",
    "source_list",
    "abbreviations",
]
