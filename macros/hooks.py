"""MkDocs hooks: the build-lifecycle work around the data (mkdocs.yml `hooks:`).

- on_config: validate docs/data/; a data error stops the build with one line per problem.
- on_pre_build: write the generated page stubs for the example catalogue.
- on_page_markdown: add glossary tooltips (abbreviations) in the page's language.
- on_page_content: name the task-list checkboxes (accessibility); English permalink tooltips.
- on_post_build: split the search index per language; write the open data files.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import generated, htmlfix, opendata, problems, search_split  # noqa: E402
from macros.loader import DataError, current_site_data, load_site_data  # noqa: E402
from macros.render import abbreviations  # noqa: E402

log = logging.getLogger("mkdocs.hooks.data")


def _data_or_abort(config):
    """Validated data (reloaded when a file changed); a data error stops the build."""
    try:
        return load_site_data(config["docs_dir"])
    except DataError as err:
        for line in err.problems:
            log.error(line)
        raise Abort(f"{len(err.problems)} problem(s) in docs/data/ (see the lines above). Nothing was built.")


def on_config(config):
    _data_or_abort(config)
    return config


def on_pre_build(config):  # runs again on every `mkdocs serve` rebuild
    if _final_pass(config):  # i.e. not a nested per-language build
        problems.take()  # a fresh start for each build
    generated.write_example_stubs(Path(config["docs_dir"]), _data_or_abort(config))


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("tooltips", True) is False:
        return markdown
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    return markdown + "\n\n" + abbreviations(current_site_data(config["docs_dir"]), lang) + "\n"


def on_page_content(html, page, config, files):
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    return htmlfix.translate_permalinks(htmlfix.label_task_checkboxes(html), lang)


def _final_pass(config) -> bool:
    """mkdocs-static-i18n builds each further language inside the first build's post_build.
    Only the outermost post_build sees the whole site."""
    i18n = config["plugins"].get("i18n")
    return not (i18n and getattr(i18n, "building", False))


@event_priority(-200)  # after i18n (-100) has merged the index and offline (-100) has inlined it
def on_post_build(config):
    if not _final_pass(config):
        return
    found = problems.take()
    if found:
        raise Abort(f"{len(found)} problem(s) in the pages (see the lines above).")
    site = Path(config["site_dir"])
    search_split.split(site, default_lang="sv", other_langs=["en"])
    opendata.write(site, current_site_data(config["docs_dir"]))
