"""The source register page."""

from __future__ import annotations

from markupsafe import Markup

from .collation import sort_key
from .links import Links, source_year
from .loader import SiteData
from .strings import t
from .templating import render
from .urls import PageRef


def source_list(data: SiteData, links: Links, page: PageRef) -> Markup:
    lang = page.lang
    by_label = sort_key(lang)
    labels = links.labels[lang]
    ordered = sorted(data.sources.values(), key=lambda s: (by_label(labels[s.id]), s.id))
    kinds = t(lang, "kinds_sources")
    return render("source_list.html", lang=lang, sources=[(s, labels[s.id], kinds[s.kind], source_year(s, lang)) for s in ordered])
