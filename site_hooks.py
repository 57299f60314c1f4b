"""MkDocs hooks: the one entry point of the build around the data (mkdocs.yml `hooks:`).

- on_config: a fresh BuildState (MkDocs loads this module anew with each configuration,
  e.g. on every `mkdocs serve` rebuild); the languages from the i18n configuration; the data in
  docs/data/ validated once (a data error stops the build with one line per problem);
  the page macros registered with mkdocs-macros; the task-list Markdown extension.
- on_pre_build: the generated page stubs for the example catalogue.
- on_files: MkDocs' Files of the language being built, for links from raw HTML.
- on_env: the interface text for the theme overrides (`t`, `lang_prefix`, `review_date`,
  `page_lang`).
- on_page_markdown: the page's review date (one line if missing); glossary tooltips in
  the page's language.
- on_page_content: links with a scheme other than http(s), mailto or tel stop the build;
  permalink tooltips; full addresses on links for paper (macros/print_footer.py).
- on_page_context: the print edition (macros/printing.py), every page's print block, a
  page's own search words (front matter `search_words`), its table of contents cut to
  front matter `toc_djup` and its edit link ("suggest a
  change") when REPO_URL is set.
- on_post_page: search dialog name, search per language, absolute hreflang alternates
  (none on the 404 page), indentation removed (page weight).
- on_post_build: stop on page problems; split the search index per language; open data;
  the site's own scripts and styles minified.

MkDocs puts this file's folder (the project root) on sys.path while loading it, so the
`macros` package imports as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from macros import generated, htmlfix, minify, opendata, palette, print_footer, printing, review, safelinks, search_split, unused_css
from macros.css_rules import CssShapeError
from macros.glossary import abbreviations
from macros.links import Links
from macros.loader import DataError, load_site_data
from macros.mdext import TaskLabelsExtension
from macros.page_macros import page_macros
from macros.search_words import Words, page_search_words, search_words
from macros.state import BuildState, ConfigError, Languages
from macros.strings import msg, t

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
        raise Abort(msg("data_problems", n=len(err.problems))) from None
    STATE = BuildState(docs_dir=Path(config["docs_dir"]), languages=languages, data=data)
    STATE.links = Links(data, languages.all)
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
    _check_term_pages(files)
    return files


def _check_term_pages(files) -> None:
    """A glossary term's `page` is a Markdown file of the site (the data loader sees docs/data/ alone)."""
    for term in STATE.data.terms.values():
        if term.page is not None and files.get_file_from_path(term.page) is None:
            line = f"docs/data/ordlista.yml: {term.id}: page: {msg('no_page', page=term.page)}"
            if STATE.report(line):
                log.error(line)


def on_env(env, config, files):
    env.globals["t"] = t
    env.globals["lang_prefix"] = STATE.languages.prefix
    env.globals["site_languages"] = STATE.languages.all  # the default language first
    env.globals["review_date"] = review_date
    env.globals["page_lang"] = lambda page: _lang(page, STATE)
    return env


def on_page_markdown(markdown, page, config, files):
    _check_review_date(page)
    # The glossary tooltips of this page's language. MkDocs makes a new Markdown converter
    # for each page, right after this event, from config["mdx_configs"]: so the abbr
    # extension's `glossary` set here holds for this page alone. A page's own `*[X]: ...`
    # definitions still win over the glossary's.
    glossary = {}
    if page.meta.get("tooltips", True) is not False:
        lang = _lang(page, STATE)
        if lang not in STATE.abbreviations:
            STATE.abbreviations[lang] = abbreviations(STATE.data, lang)
        glossary = STATE.abbreviations[lang]
    config["mdx_configs"]["abbr"] = {"glossary": glossary}
    return markdown


def _suffixes() -> tuple[str, ...]:
    return tuple(STATE.languages.suffix(lang) for lang in STATE.languages.all)


def _check_review_date(page) -> None:
    """Every page but the data listings carries its review date (macros/review.py)."""
    if review.is_exempt(page.file.src_uri, _suffixes()):
        return
    date, problem = review.page_date(page.meta, page.file.abs_src_path, f"docs/{page.file.src_uri}")
    if problem:
        if STATE.report(problem):
            log.error(problem)
        return
    page.meta[review.KEY] = date


def review_date(page) -> dict | None:
    """For the theme (overrides/partials/source-file.html): the page's review date, shown in its language."""
    date = review.as_date((getattr(page, "meta", None) or {}).get(review.KEY))
    if date is None:
        return None
    lang = _lang(page, STATE)
    return {"iso": date.isoformat(), "text": review.shown(date, lang), "label": t(lang, "reviewed")}


def _edit_url(page, config) -> str | None:
    """Where to suggest a change to a page: its source file, or an example's YAML file;
    None (no button) unless extra.edit.repo (REPO_URL) is set."""
    edit = config["extra"].get("edit") or {}
    if not edit.get("repo"):
        return None
    docs_name = Path(config["docs_dir"]).name
    source = f"{docs_name}/{page.file.src_uri}"
    example_id = generated.example_of(review.default_path(page.file.src_uri, _suffixes()))
    if example_id in STATE.data.examples:
        source = generated.example_source(docs_name, example_id)
    parts = [edit["repo"].rstrip("/"), (edit.get("path") or "").strip("/"), source]
    return "/".join(part for part in parts if part)


def on_page_content(html, page, config, files):
    _check_links(html, page)
    html = htmlfix.translate_permalinks(html, _lang(page, STATE), STATE.languages.default)
    return print_footer.link_addresses(html, page.url, config.get("site_url") or "")


def _collect_search_words(page, lang: str) -> None:
    try:
        words = page_search_words(page.meta, page.file.src_uri)
    except ValueError as err:
        if STATE.report(str(err)):
            log.error(str(err))
        return
    if words:
        location = page.url[len(STATE.languages.prefix(lang)) :]
        STATE.page_words.setdefault(lang, {})[location] = [Words(tuple(words), f"docs/{page.file.src_uri}: search_words")]


def on_page_context(context, page, config, nav):
    """The print edition (every chapter's HTML is ready now), each page's print block, its search words, its edit link."""
    lang = _lang(page, STATE)
    prefix = STATE.languages.prefix(lang)
    if printing.MARKER in (page.content or ""):
        reviewed = max((e.reviewed for e in STATE.data.examples.values()), default=None)
        pdf = printing.pdf_name(config["site_name"]) if config["extra"].get("print_pdf") else None
        try:
            page.content = printing.assemble(page, nav, config, lang, prefix, reviewed, pdf)
        except printing.PrintError as err:
            raise Abort(str(err)) from None
    address = (config.get("site_url") or "").rstrip("/") + "/" + page.url
    context["print_margin_css"] = print_footer.margin_css(config["site_name"], address, lang)
    if page.meta.get("print_footer", True):
        context["print_block"] = print_footer.block(
            page.content, STATE.data, STATE.links, lang, config["site_name"], address, dt.date.today()
        )
    _collect_search_words(page, lang)
    _trim_toc(page)
    page.edit_url = _edit_url(page, config)
    return context


def _trim_toc(page) -> None:
    """Front matter `toc_djup: 2`: the page's table of contents goes down to <h2> only. The
    glossary uses it: its letters are there, its 40 terms are not (the letter index at the top
    of the page and the search lead to them), which takes about 9 KiB off the page."""
    depth = page.meta.get("toc_djup")
    if depth is None:
        return
    if isinstance(depth, bool) or not isinstance(depth, int) or not 2 <= depth <= 6:
        line = f"docs/{page.file.src_uri}: {msg('toc_depth_bad', value=depth)}"
        if STATE.report(line):
            log.error(line)
        return

    def trim(items) -> None:
        for item in items:
            if item.level >= depth:
                item.children = []
            trim(item.children)

    trim(page.toc)


def _check_links(html: str, page) -> None:
    """A link with another scheme than http, https, mailto or tel stops the build (see macros/safelinks.py)."""
    unsafe = safelinks.unsafe_links_in_html(html)
    if not unsafe:
        return
    path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    source = path.read_text(encoding="utf-8") if path and path.exists() else ""
    for url in unsafe:
        number = safelinks.line_of(source, url)
        where = f"docs/{page.file.src_uri}" + (f": {msg('line', n=number)}" if number else "")
        line = f"{where}: {msg('unsafe_link', url=safelinks.shown(url))}"
        if STATE.report(line):
            log.error(line)


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
        line = f"{where}: {msg('theme_changed', error=err, module='macros/htmlfix.py')}"
        if STATE.report(line):
            log.error(line)
    return output


def on_post_page(output, page, config):
    return _fix_page(output, _lang(page, STATE), page.file.src_uri, page.url, config.get("site_url"))


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":  # the only page template; sitemaps are not HTML
        return output_content
    # Every language's build writes the one 404.html at the site root, the last one winning.
    # The default language's is kept (its page says it in both languages: overrides/404.html),
    # so the header, menus and <html lang> match the Swedish text it opens with.
    if STATE.depth > 1 and STATE.not_found is not None:
        return STATE.not_found
    lang = htmlfix.page_language(output_content) or STATE.languages.default
    STATE.not_found = _fix_page(output_content, lang, template_name, None, None)
    return STATE.not_found


@event_priority(-200)  # after i18n (-100) has merged the index and offline (-100) has inlined it
def on_post_build(config):
    STATE.depth -= 1
    if STATE.depth > 0:  # a nested build of one more language; the outer one sees the whole site
        return
    if STATE.problems:
        raise Abort(msg("page_problems", n=len(STATE.problems)))
    site = Path(config["site_dir"])
    words = {lang: search_words(STATE.data, lang) for lang in STATE.languages.all}
    for lang, pages in STATE.page_words.items():
        for location, entries in pages.items():
            words[lang].setdefault(location, []).extend(entries)
    problems = search_split.split(site, STATE.languages.default, list(STATE.languages.others), words)
    if problems:
        for line in problems:
            log.error(line)
        raise Abort(msg("search_problems", n=len(problems)))
    opendata.write(site, STATE.data, STATE.languages)
    minify.minify_own_assets(site)
    for module, prune in (
        ("macros/palette.py", lambda: palette.prune_site(site, config["theme"]["palette"])),
        ("macros/unused_css.py", lambda: unused_css.prune_site(site)),
    ):
        try:
            prune()
        except CssShapeError as err:
            raise Abort(msg("theme_changed", error=str(err), module=module)) from None
