"""MkDocs hooks: the one entry point of the build around the data (mkdocs.yml `hooks:`).

- on_config: a fresh BuildState (MkDocs loads this module anew with each configuration,
  e.g. on every `mkdocs serve` rebuild); the languages from the i18n configuration; the data in
  docs/data/ validated once (a data error stops the build with one line per problem);
  the page macros registered with mkdocs-macros; the task-list Markdown extension.
- on_pre_build: the generated page stubs for the example catalogue.
- on_files: MkDocs' Files of the language being built, for links from raw HTML.
- on_env: the interface text for the theme overrides (`t`, `lang_prefix`).
- on_page_markdown: glossary tooltips (abbreviations) in the page's language.
- on_page_content / on_post_page: permalink tooltips, search dialog name, search per language,
  absolute hreflang alternates (none on the 404 page), indentation removed (page weight).
- on_post_build: stop on page problems; split the search index per language; open data;
  the site's own scripts and styles minified.

MkDocs puts this file's folder (the project root) on sys.path while loading it, so the
`macros` package imports as it is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from macros import generated, htmlfix, minify, opendata, search_split
from macros.glossary import abbreviations
from macros.loader import DataError, load_site_data
from macros.mdext import TaskLabelsExtension
from macros.page_macros import page_macros
from macros.state import BuildState, ConfigError, Languages
from macros.strings import t

log = logging.getLogger("mkdocs.hooks.data")
STATE: BuildState | None = None  # this build's state, made anew by on_config


def _lang(page, state: BuildState) -> str:
    return getattr(page.file, "locale", None) or state.languages.default


@event_priority(-10)  # after mkdocs-macros' on_config (0), which starts its list of macros afresh
def on_config(config):
    global STATE
    macros_plugin = config["plugins"]["macros"]
    if STATE is not None and STATE.depth > 0:
        # MkDocs runs on_config again for each language that mkdocs-static-i18n builds
        # inside this build: the same build, so the same state (and no second extension);
        # mkdocs-macros has forgotten the macros, so they are registered again.
        macros_plugin.register_macros(STATE.macros)
        return config
    try:
        languages = Languages.from_config(config)
    except ConfigError as err:
        raise Abort(str(err)) from None
    try:
        data = load_site_data(config["docs_dir"])
    except DataError as err:
        for line in err.problems:
            log.error(line)
        raise Abort(f"{len(err.problems)} problem(s) in docs/data/ (see the lines above). Nothing was built.") from None
    STATE = BuildState(docs_dir=Path(config["docs_dir"]), languages=languages, data=data)
    STATE.macros = page_macros(STATE, macros_plugin)
    macros_plugin.register_macros(STATE.macros)
    config["markdown_extensions"].append(TaskLabelsExtension())
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = t(languages.default, "permalink")
    return config


def on_pre_build(config):
    STATE.depth += 1  # mkdocs-static-i18n builds the other languages inside this build
    if STATE.depth == 1:
        generated.write_example_stubs(STATE.docs_dir, STATE.data, STATE.languages)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files, config):
    STATE.files = files
    return files


def on_env(env, config, files):
    env.globals["t"] = t
    env.globals["lang_prefix"] = STATE.languages.prefix
    return env


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("tooltips", True) is False:
        return markdown
    lang = _lang(page, STATE)
    if lang not in STATE.abbreviations:
        STATE.abbreviations[lang] = abbreviations(STATE.data, lang)
    return markdown + "\n\n" + STATE.abbreviations[lang] + "\n"


def on_page_content(html, page, config, files):
    return htmlfix.translate_permalinks(html, _lang(page, STATE), STATE.languages.default)


def _fix_page(output: str, lang: str, where: str, url: str | None, site_url: str | None) -> str:
    try:
        output = htmlfix.label_search_dialog(output, lang)
        if url is None:
            output = htmlfix.drop_alternates(output)
        elif site_url:
            output = htmlfix.absolute_alternates(output, url, site_url)
        if lang != STATE.languages.default:
            output = htmlfix.search_base(output, STATE.languages.prefix(lang))
        output = htmlfix.collapse_whitespace(output)
    except htmlfix.ThemeMismatch as err:
        line = f"{where}: Material's page markup has changed: {err} (see macros/htmlfix.py)"
        if STATE.report(line):
            log.error(line)
    return output


def on_post_page(output, page, config):
    return _fix_page(output, _lang(page, STATE), page.file.src_uri, page.url, config.get("site_url"))


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":  # the only page template; sitemaps are not HTML
        return output_content
    lang = htmlfix.page_language(output_content) or STATE.languages.default
    return _fix_page(output_content, lang, template_name, None, None)


@event_priority(-200)  # after i18n (-100) has merged the index and offline (-100) has inlined it
def on_post_build(config):
    STATE.depth -= 1
    if STATE.depth > 0:  # a nested build of one more language; the outer one sees the whole site
        return
    if STATE.problems:
        raise Abort(f"{len(STATE.problems)} problem(s) in the pages (see the lines above).")
    site = Path(config["site_dir"])
    search_split.split(site, STATE.languages.default, list(STATE.languages.others))
    opendata.write(site, STATE.data, STATE.languages)
    minify.minify_own_assets(site)
