"""The source register page."""

from __future__ import annotations

from markupsafe import Markup

from .collation import sort_key
from .links import Links
from .loader import SiteData
from .strings import t
from .templating import render
from .urls import PageRef


def source_list(data: SiteData, links: Links, page: PageRef) -> Markup:
    lang = page.lang
    by_label = sort_key(lang)
    ordered = sorted(data.sources.values(), key=lambda s: (by_label(links.labels[s.id]), s.id))
    kinds = t(lang, "kinds_sources")
    return render("source_list.html", lang=lang, sources=[(s, links.labels[s.id], kinds[s.kind]) for s in ordered])
