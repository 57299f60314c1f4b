"""The manager's summary (docs/data/chefsunderlag.yml): the one-line tables of success
factors and risks and the questions, rendered by the macro chefsunderlag(). The same
tables open framgangsfaktorer.md and risker/index.md and make up chefsunderlag.md."""

from __future__ import annotations

from markupsafe import Markup

from .links import Links, UnknownId
from .loader import SiteData
from .strings import t
from .templating import render
from .urls import PageRef

PARTS = ("framgangsfaktorer", "risker", "fragor")


def summary_part(data: SiteData, links: Links, page: PageRef, part: str) -> Markup:
    lang = page.lang
    summary = data.summary
    if part == "fragor":
        return render("summary_table.md", lang=lang, items=[], questions=summary.questions.get(lang), cited=0)
    if part == "framgangsfaktorer":
        items, heads, numbered = summary.success_factors, ("summary_factor", "summary_do"), True
    elif part == "risker":
        items, heads, numbered = summary.risks, ("summary_risk", "summary_prevent"), False
    else:
        raise UnknownId(f"unknown part '{part}' (one of: {', '.join(PARTS)})")
    cited = list(dict.fromkeys(sid for item in items for sid in item.sources))
    return render(
        "summary_table.md",
        lang=lang,
        items=items,
        questions=[],
        numbered=numbered,
        head_title=t(lang, heads[0]),
        head_line=t(lang, heads[1]),
        citations=links.citations(page, cited),
        cited=len(cited),
    )
