"""mkdocs-macros entry point: a thin layer that exposes the renderers as macros.

The language is read from the page inside each macro call: mkdocs-static-i18n
builds the site once per language and define_env runs only once.
"""

from __future__ import annotations

from pathlib import Path

from . import exercises, problems, render
from .loader import current_site_data


def define_env(env):  # noqa: C901 - one small closure per macro
    docs_dir = Path(env.conf["docs_dir"])

    def data():
        return current_site_data(docs_dir)

    def page() -> render.PageRef:
        p = env.page
        lang = getattr(p.file, "locale", None) or env.conf["theme"]["language"]
        return render.PageRef(src_uri=p.file.src_uri, url=p.url, lang=lang)

    def guarded(fn):
        """An unknown id becomes one readable line naming the page (no traceback) and a
        visible mark on the page; macros/hooks.py then stops the build."""

        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except render.UnknownId as err:
                call = f"{fn.__name__}({', '.join(map(repr, args))})"
                problems.report(f"docs/{env.page.file.src_uri}: {call}: {err}")
                return f"**[{render.esc(call)}: {render.esc(str(err))}]**"

        wrapper.__name__ = fn.__name__
        return wrapper

    @env.macro
    @guarded
    def kalla(*source_ids: str) -> str:
        """Cite one or more sources: {{ kalla("oecd-2017") }}."""
        return render.citations(data(), page(), list(source_ids))

    @env.macro
    @guarded
    def term(term_id: str, text: str | None = None) -> str:
        """Link a glossary term: {{ term("utmonstring") }} or {{ term("utmonstring", "utmönstringen") }}."""
        return render.term_link(data(), page(), term_id, text)

    @env.macro
    @guarded
    def exempel(example_id: str, text: str | None = None) -> str:
        """Link an example page: {{ exempel("ryhov-medicin") }}."""
        return render.example_link(data(), page(), example_id, text)

    @env.macro
    @guarded
    def exempel_sida(example_id: str) -> str:
        """The whole page of one example (used by the generated pages under exempel/)."""
        return render.example_page(data(), page(), example_id)

    @env.macro
    def exempelkatalog() -> str:
        return render.catalogue(data(), page())

    @env.macro
    def ordlista() -> str:
        return render.glossary(data(), page())

    @env.macro
    def kallforteckning() -> str:
        return render.source_list(data(), page())

    @env.macro
    @guarded
    def ovning(exercise_id: str) -> str:
        """An exercise or deck: sections, timers, projector mode and (if any) the priority list."""
        return exercises.render_exercise(data(), page(), exercise_id)

    @env.macro
    def datafil(name: str) -> str:
        """A download link to an open-data file at the site root: {{ datafil("exempel.csv") }}."""
        return f'<a href="{render.esc(page().root_link(name))}" download>{render.esc(name)}</a>'

    @env.macro
    def platshallare() -> str:
        """An honest placeholder on a page not yet written in this language, linking the Swedish page."""
        p = page()
        sv_url = p.url.split("/", 1)[1] if p.lang != "sv" else p.url
        return render.placeholder(p, sv_url)

    @env.macro
    def antal(what: str) -> int:
        """Counts for running text: {{ antal("exempel") }}, {{ antal("begrepp") }}, {{ antal("kallor") }}."""
        d = data()
        return {"exempel": len(d.examples), "begrepp": len(d.terms), "kallor": len(d.sources)}[what]
