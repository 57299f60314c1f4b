"""What every page adds on paper: its cited sources in full, its address, the site's name,
the print date (a print-only block at the end of the content) and the page margin boxes
(site name and address at the foot of each sheet, page numbers).

The block and the margin rules go into the page through overrides/main.html; the text is
from macros/strings.py, the markup from overrides/render/print_footer.html.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

from babel.dates import format_date
from markupsafe import Markup

from .links import Links, source_year
from .loader import SiteData
from .strings import t
from .templating import render

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# A citation as overrides/render/cite.md writes it, after Markdown: the source id is the fragment.
CITED = re.compile(r'<a class="citation" href="[^"#]*#([^"]+)"')


# A link in a page's HTML; its attributes are looked at one by one.
A_TAG = re.compile(r"<a\s([^>]*)>")
ATTR = re.compile(r'([a-z-]+)="([^"]*)"')
NO_ADDRESS = ("citation", "term", "headerlink", "footnote-ref", "footnote-backref")
PRINT_URL = re.compile(r'\sdata-print-url="[^"]*"')


def link_addresses(content: str, page_url: str, site_url: str) -> str:
    """Links to other pages of the site get their full address (data-print-url), which
    print.css writes after the link on paper. Citations and glossary links do not: the
    page's print block lists the sources, and a term's explanation is in its tooltip."""
    if not site_url:
        return content
    base = site_url.rstrip("/") + "/"
    page_dir = posixpath.dirname(page_url)

    def one(m):
        attrs = dict(ATTR.findall(m.group(1)))
        href = html.unescape(attrs.get("href", ""))
        classes = attrs.get("class", "").split()
        if not href or href.startswith("#") or SCHEME.match(href) or href.startswith("/") or "data-print-url" in attrs:
            return m.group(0)
        if any(c in NO_ADDRESS for c in classes):
            return m.group(0)
        target = posixpath.normpath(posixpath.join(page_dir, href))
        if target.startswith(".."):
            return m.group(0)
        return m.group(0)[:-1] + f' data-print-url="{html.escape(base + target)}">'

    return A_TAG.sub(one, content)


def cited_ids(content: str) -> list[str]:
    """The ids of the sources a page cites, in the order they first appear."""
    return list(dict.fromkeys(CITED.findall(content or "")))


def css_string(text: str) -> str:
    """A CSS string literal: quotes and backslashes escaped, no way out of <style>."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + out.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def page_numbers(lang: str) -> str:
    """'Sida {page} av {pages}' -> "Sida " counter(page) " av " counter(pages)."""
    parts = re.split(r"(\{page\}|\{pages\})", t(lang, "print_page_of"))
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return " ".join(counters.get(p) or css_string(p) for p in parts if p)


def margin_css(site_name: str, address: str, lang: str) -> Markup:
    """@page margin boxes (Chromium 131+): site name and address left, page numbers right."""
    left = css_string(f"{site_name} · {address}")
    return Markup(
        "@media print { @page { "
        f"@bottom-left {{ content: {left}; font-size: 7.5pt; color: #333; }} "
        f"@bottom-right {{ content: {page_numbers(lang)}; font-size: 7.5pt; color: #333; }} "
        "} }"
    )


def block(content: str, data: SiteData, links: Links, lang: str, site_name: str, address: str, today: dt.date) -> Markup:
    """The print-only block at the end of a page."""
    labels = links.labels[lang]
    cited = [data.sources[sid] for sid in cited_ids(content) if sid in data.sources]
    sources = [(s, labels[s.id], source_year(s, lang)) for s in cited]
    return render(
        "print_footer.html",
        lang=lang,
        sources=sources,
        site_name=site_name,
        address=address,
        built=format_date(today, format="long", locale=lang),
        built_iso=today.isoformat(),
    )
