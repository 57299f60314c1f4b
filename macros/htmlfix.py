"""Small changes to a built page's HTML that neither Material nor Markdown offers as options.

Each edit names exactly what it expects in Material's output and raises ThemeMismatch
when that is not there, so a Material upgrade that changes the markup stops the build
with one line instead of silently undoing the fix. Nothing here copies theme code.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urljoin

from markupsafe import escape

from .strings import t


class ThemeMismatch(Exception):
    """Material's output no longer has the markup an edit expects."""


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


HTML_LANG = re.compile(r'<html lang="([a-z]{2,3})"')


def page_language(output: str) -> str | None:
    """The language a page declares on <html lang> (for pages built from a template alone)."""
    match = HTML_LANG.search(output)
    return match.group(1) if match else None


def label_search_dialog(output: str, lang: str) -> str:
    """Material's search dialog has no accessible name (axe: aria-dialog-name)."""
    if SEARCH_DIALOG not in output:
        raise ThemeMismatch(f"sökdialogen är inte längre '{SEARCH_DIALOG}'")
    labelled = SEARCH_DIALOG[:-1] + f' aria-label="{escape(t(lang, "search_dialog"))}">'
    return output.replace(SEARCH_DIALOG, labelled, 1)


def search_base(output: str, prefix: str) -> str:
    """Point a page's search at its own language's index (macros/search_split.py writes one
    per language; the other languages' under <lang>/search/). Material uses the config's
    `base` only for search, versions and instant loading; the latter two are off."""
    match = CONFIG.search(output)
    if not match:
        raise ThemeMismatch('sidan saknar <script id="__config" type="application/json">')
    config = json.loads(match.group(2))
    if "base" not in config or "search" not in config:
        raise ThemeMismatch("sidans konfiguration saknar 'base' eller 'search'")
    config["base"] = config["base"].rstrip("/") + "/" + prefix
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return output[: match.start(2)] + text + output[match.end(2) :]


ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]+">)')


def absolute_alternates(output: str, page_url: str, site_url: str) -> str:
    """The language alternates (hreflang) as absolute addresses, as search engines require;
    MkDocs makes every link relative. `page_url` is the page's address below site_url."""
    if not ALTERNATE.search(output):
        raise ThemeMismatch('no <link rel="alternate" href="..." hreflang="..."> in the page')
    base = urljoin(site_url, page_url)
    return ALTERNATE.sub(lambda m: m.group(1) + str(escape(urljoin(base, html.unescape(m.group(2))))) + m.group(3), output)


def drop_alternates(output: str) -> str:
    """A page that exists in no language (404) has no alternates; mkdocs-static-i18n gives the
    404 page those of the last page it built."""
    return re.sub(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">', "", output)


LINE_BREAKS = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|[ \t\r\f]*\n\s*", re.S | re.I)


def collapse_whitespace(output: str) -> str:
    """Material's templates indent every line; a quarter of a page's bytes is indentation.
    Each run of white space with a line break becomes one line break, which the browser
    shows exactly as before (white space between tags and words collapses to one space).
    <pre>, <textarea>, <script> and <style> are left as they are."""
    return LINE_BREAKS.sub(lambda m: m.group(1) or "\n", output)


def translate_permalinks(content: str, lang: str, default: str) -> str:
    """The toc extension has one permalink tooltip for the whole site (the default language's)."""
    if lang == default:
        return content
    return content.replace(f'title="{t(default, "permalink")}"', f'title="{t(lang, "permalink")}"')
