"""What every page adds on paper: its cited sources in full, its address, the site's name,
the print date (a print-only block at the end of the content) and the page margin boxes
(site name and address at the foot of each sheet, page numbers).

The block and the margin rules go into the page through overrides/main.html; the text is
from macros/strings.py, the markup from overrides/render/print_footer.html.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from markupsafe import Markup

from .links import source_labels
from .loader import SiteData
from .strings import t
from .templating import render

# A citation as overrides/render/cite.md writes it, after Markdown: the source id is the fragment.
CITED = re.compile(r'<a class="citation" href="[^"#]*#([^"]+)"')


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


def block(content: str, data: SiteData, lang: str, site_name: str, address: str, today: dt.date) -> Markup:
    """The print-only block at the end of a page."""
    labels = source_labels(data.sources)
    sources = [(data.sources[sid], labels[sid]) for sid in cited_ids(content) if sid in data.sources]
    return render(
        "print_footer.html",
        lang=lang,
        sources=sources,
        site_name=site_name,
        address=address,
        built=format_date(today, format="long", locale=lang),
        built_iso=today.isoformat(),
    )
