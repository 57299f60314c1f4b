"""The macros that pages call ({{ kalla("oecd-2017") }} ...), bound to one build's state.

site_hooks.py registers them with mkdocs-macros (register_macros). The language is
read from the page inside each call: mkdocs-static-i18n builds the site once per
language with the same macros.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from markupsafe import Markup, escape

from . import catalogue, exercises, glossary, printing, sources, summary, urls
from .links import UnknownId
from .state import BuildState
from .strings import msg
from .templating import render
from .urls import PageRef

log = logging.getLogger("mkdocs.macros.data")


def page_macros(state: BuildState, macros_plugin) -> dict[str, Callable]:
    data = state.data
    langs = state.languages
    links = state.links

    def page() -> PageRef:
        p = macros_plugin.page
        lang = getattr(p.file, "locale", None) or langs.default
        return PageRef(src_uri=p.file.src_uri, url=p.url, lang=lang, resolve=lambda src: _resolve(src, lang))

    def _resolve(src_md: str, lang: str) -> str:
        """A page's built URL in a language, through MkDocs' Files of the build under way."""
        found = state.files.get_file_from_path(urls.localized(src_md, langs.suffix(lang))) if state.files else None
        if found is None:
            raise UnknownId(msg("unknown_page", src=src_md, lang=lang))
        return found.url

    def uses(group: str) -> None:
        """Mark the page as needing a group of scripts and styles (mkdocs.yml extra.page_assets;
        overrides/main.html adds them), so that other pages do not load them."""
        meta = macros_plugin.page.meta
        if group not in meta.setdefault("assets", []):
            meta["assets"].append(group)

    def guarded(fn):
        """An unknown id becomes one readable line naming the page (no traceback) and a
        visible mark on the page; site_hooks.on_post_build then stops the build."""

        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except UnknownId as err:
                call = f"{fn.__name__}({', '.join(map(repr, args))})"
                line = f"docs/{macros_plugin.page.file.src_uri}: {call}: {err}"
                if state.report(line):
                    log.error(line)
                return f"**[{escape(call)}: {escape(str(err))}]**"

        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        return wrapper

    def kalla(*source_ids: str) -> str:
        """Cite one or more sources: {{ kalla("oecd-2017") }}."""
        return links.citations(page(), list(source_ids))

    def term(term_id: str, text: str | None = None) -> str:
        """Link a glossary term: {{ term("utmonstring") }} or {{ term("utmonstring", "utmönstringen") }}."""
        return links.term(page(), term_id, text)

    def exempel(example_id: str, text: str | None = None) -> str:
        """Link an example page: {{ exempel("ryhov-medicin") }}."""
        return links.example(page(), example_id, text)

    def exempel_sida(example_id: str) -> str:
        """The whole page of one example (used by the generated pages under exempel/)."""
        return catalogue.example_page(data, links, page(), example_id, langs.default)

    def exempelkatalog() -> str:
        uses("catalogue")
        return catalogue.catalogue(data, page())

    def ordlista() -> str:
        return glossary.glossary(data, links, page())

    def kallforteckning() -> str:
        return sources.source_list(data, links, page())

    def ovning(exercise_id: str) -> str:
        """An exercise or deck: sections, timers, projector mode and (if any) the priority list."""
        uses("exercise")
        return exercises.render_exercise(data, page(), exercise_id)

    def datafil(name: str) -> str:
        """A download link to an open-data file at the site root: {{ datafil("exempel.csv") }}."""
        return Markup('<a href="{}" download>{}</a>').format(page().root_link(name), name)

    def platshallare() -> str:
        """An honest placeholder on a page not yet written in this language, linking the default language's page."""
        p = page()
        href = p.root_link(p.url[len(langs.prefix(p.lang)) :])
        return render("placeholder.html", lang=p.lang, default=langs.default, href=href)

    def antal(what: str) -> int:
        """Counts for running text: {{ antal("exempel") }}, {{ antal("begrepp") }}, {{ antal("kallor") }}."""
        return {"exempel": len(data.examples), "begrepp": len(data.terms), "kallor": len(data.sources)}[what]

    def chefsunderlag(part: str) -> Markup:
        """One part of the manager's summary: {{ chefsunderlag("framgangsfaktorer") }},
        {{ chefsunderlag("risker") }} or {{ chefsunderlag("fragor") }}."""
        return summary.summary_part(data, links, page(), part)

    def utskrift() -> Markup:
        """The whole guide on one page (docs/utskrift.md): site_hooks.on_page_context puts
        the chapters where this marker is, once every page's HTML is ready."""
        return Markup("\n" + printing.MARKER + "\n")

    checked = [kalla, term, exempel, exempel_sida, ovning, chefsunderlag]
    plain = [exempelkatalog, ordlista, kallforteckning, datafil, platshallare, antal, utskrift]
    return {fn.__name__: guarded(fn) for fn in checked} | {fn.__name__: fn for fn in plain}
