"""The print edition: the whole guide on one page per language (utskrift.md, utskrift.en.md).

The page calls {{ utskrift() }}, which leaves MARKER in its content. MkDocs renders the
Markdown of every page before it writes any of them, so when the print page reaches
on_page_context (site_hooks.py) every chapter's finished HTML is there: macros, citations,
glossary tooltips and heading ids exactly as on the chapter's own page. assemble() puts
those chapters together in navigation order. Nothing is a second copy of the text.

Per chapter: ids get the chapter's prefix (they stay unique in the document), headings move
one level down under the print page's h1 and get numbers (1, 1.1, 1.1.1), links to pages in
the document become links inside it, and links to other pages of the site point there from
the print page and carry their full address for paper (data-print-url).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass, field

from babel.dates import format_date
from markupsafe import Markup

from . import urls
from .strings import t
from .templating import render

MARKER = "<!-- print-edition -->"
APPENDIX_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

HEADERLINK = re.compile(r'<a class="headerlink" href="[^"]*"(?: title="[^"]*")?>[^<]*</a>')
HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
ID_ATTR = re.compile(r'(?<=\s)id="([^"]*)"')
# Attributes that name ids in the same document (space-separated lists for aria-*).
REF_ATTR = re.compile(r'(?<=\s)(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns)="([^"]*)"')
HREF = re.compile(r'(?<=\s)(href|src)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
PRINT_URL = re.compile(r'\sdata-print-url="[^"]*"')
OLD_NUMBER = re.compile(r"^\s*\d+\.\s+")  # "1. Patientnytta i fokus": the print number replaces it


class PrintError(Exception):
    """The print edition cannot be put together (e.g. the guide's section is missing from nav)."""


@dataclass
class Chapter:
    key: str  # id of the chapter's <section>; prefix of its ids
    number: str  # "3", or "Bilaga A" for an appendix
    title: str
    html: Markup
    toc: list[tuple[int, str, str, str]] = field(default_factory=list)  # (level, number, text, id)
    appendix: bool = False


def plain(fragment: str) -> str:
    """Heading text without tags or entities."""
    return html.unescape(TAG.sub("", fragment)).strip()


def page_key(url: str, prefix: str) -> str:
    """'en/begrepp/icke-gora.html' -> 'begrepp-icke-gora': the chapter's id in the document."""
    path = url[len(prefix) :] if url.startswith(prefix) else url
    return "kap-" + path.removesuffix(".html").replace("/", "-")


def nav_pages(items) -> list:
    out = []
    for item in items:
        if getattr(item, "is_page", False):
            out.append(item)
        elif getattr(item, "is_section", False):
            out.extend(nav_pages(item.children))
    return out


def guide_pages(nav, prefix: str) -> list:
    """The pages of the top-level nav section that holds urls.GUIDE_FIRST, in nav order."""
    first = urls.built(urls.GUIDE_FIRST, prefix)
    for item in nav.items:
        if getattr(item, "is_section", False):
            pages = nav_pages(item.children)
            if any(p.url == first for p in pages):
                return pages
    raise PrintError(f"mkdocs.yml: nav: no section holds '{urls.GUIDE_FIRST}' (the print edition follows that section)")


def page_by_src(nav, src_md: str, prefix: str):
    wanted = urls.built(src_md, prefix)
    for p in nav_pages(nav.items):
        if p.url == wanted:
            return p
    raise PrintError(f"mkdocs.yml: nav: the print edition's appendix '{src_md}' is not in nav")


class Rewriter:
    """Rewrites one chapter's HTML for its place in the print page."""

    def __init__(self, print_url: str, site_url: str, keys: dict[str, str]):
        self.print_dir = posixpath.dirname(print_url)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.keys = keys  # built URL of a page in the document -> its chapter key

    def ids(self, content: str, key: str) -> str:
        def one(m):
            values = " ".join(f"{key}--{v}" for v in m.group(2).split())
            return f'{m.group(1)}="{values}"'

        return REF_ATTR.sub(one, content)

    def links(self, content: str, key: str, page_url: str) -> str:
        page_dir = posixpath.dirname(page_url)

        def one(m):
            attr, value = m.group(1), html.unescape(m.group(2))
            if value.startswith("#"):
                return f'{attr}="#{key}--{html.escape(value[1:])}"'
            if SCHEME.match(value) or value.startswith("//") or value.startswith("/"):
                return m.group(0)
            path, _, frag = value.partition("#")
            target = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_url
            if attr == "href" and target in self.keys:
                inner = self.keys[target]
                return f'href="#{inner}--{html.escape(frag)}"' if frag else f'href="#{inner}"'
            rebased = posixpath.relpath(target, self.print_dir or ".") + (f"#{frag}" if frag else "")
            out = f'{attr}="{html.escape(rebased)}"'
            if attr == "href" and self.site_url:
                out += f' data-print-url="{html.escape(self.site_url + target)}"'
            return out

        return HREF.sub(one, content)


def number_headings(content: str, number: str, key: str, appendix: bool) -> tuple[str, list, str]:
    """Headings one level down, numbered; returns (html, toc entries, title)."""
    counters = [0, 0]
    toc: list[tuple[int, str, str, str]] = []
    title = ""

    def one(m):
        nonlocal title
        level, attrs, inner = int(m.group(1)), m.group(2), m.group(3)
        found = ID_ATTR.search(attrs)
        hid = found.group(1) if found else ""
        label = ""
        if level == 1:
            label = number
            title = plain(inner)
        elif level == 2 and not appendix:
            counters[0] += 1
            counters[1] = 0
            label = f"{number}.{counters[0]}"
        elif level == 3 and not appendix and counters[0]:
            counters[1] += 1
            label = f"{number}.{counters[0]}.{counters[1]}"
        if label and level > 1:
            inner = OLD_NUMBER.sub("", inner, count=1)
        if level <= 2 and hid:
            toc.append((level, label, plain(inner), hid))
        shown = f'<span class="print-number">{label}</span> {inner}' if label else inner
        new = min(level + 1, 6)
        return f"<h{new}{attrs}>{shown}</h{new}>"

    return HEADING.sub(one, content), toc, title


def chapter(page, number: str, key: str, rewriter: Rewriter, appendix: bool = False) -> Chapter:
    content = HEADERLINK.sub("", page.content or "")
    content = PRINT_URL.sub("", content)  # the page's own addresses (print_footer): worked out anew here
    content = rewriter.links(content, key, page.url)
    content = rewriter.ids(content, key)
    content, toc, title = number_headings(content, number, key, appendix)
    return Chapter(key=key, number=number, title=title or page.title, html=Markup(content), toc=toc, appendix=appendix)


def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=lang)


def assemble(print_page, nav, config, lang: str, prefix: str, newest_review: dt.date | None, pdf_href: str | None) -> str:
    """The print page's content with MARKER replaced by the cover, contents and chapters."""
    guide = [p for p in guide_pages(nav, prefix) if p is not print_page]
    appendices = [page_by_src(nav, src, prefix) for src in urls.PRINT_APPENDICES]
    keys = {p.url: page_key(p.url, prefix) for p in guide + appendices}
    rewriter = Rewriter(print_page.url, config.get("site_url") or "", keys)
    chapters = [chapter(p, str(i), keys[p.url], rewriter) for i, p in enumerate(guide, 1)]
    appendix = t(lang, "print_appendix")
    chapters += [chapter(p, f"{appendix} {APPENDIX_LETTERS[i]}", keys[p.url], rewriter, appendix=True) for i, p in enumerate(appendices)]
    site_url = (config.get("site_url") or "").rstrip("/") + "/" + prefix
    today = dt.date.today()
    block = render(
        "print_edition.html",
        lang=lang,
        site_name=config["site_name"],
        subtitle=config.get("site_description") or "",
        built=long_date(today, lang),
        built_iso=today.isoformat(),
        reviewed=long_date(newest_review, lang) if newest_review else "",
        reviewed_iso=newest_review.isoformat() if newest_review else "",
        site_url=site_url,
        pdf_href=pdf_href,
        chapters=chapters,
    )
    if MARKER not in print_page.content:
        raise PrintError(f"docs/{print_page.file.src_uri}: no {MARKER} (call {{{{ utskrift() }}}} on the page)")
    return print_page.content.replace(MARKER, str(block), 1)


def pdf_name(site_name: str) -> str:
    """'Klokare vård' -> 'klokare-vard.pdf'; 'Wiser care' -> 'wiser-care.pdf'."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", site_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") + ".pdf"
