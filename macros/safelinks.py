"""Only safe link targets: http, https, mailto, tel, relative links and '#'.

A `javascript:`, `data:` or `vbscript:` link in content would run in the reader's
browser, so any other scheme stops the build. The check reads what a browser reads:
the link targets of the HTML that Markdown produces (inline and reference-style links,
autolinks, images and raw HTML), with entities decoded and the whitespace and control
characters that browsers ignore removed, in any letter case.

- `unsafe_links_in_markdown(text)`: a Markdown field from YAML (the loader, at load time);
- `unsafe_links_in_html(html)`: a rendered page (site_hooks.on_page_content).
"""

from __future__ import annotations

import html
import re
from functools import cache
from html.parser import HTMLParser

import markdown

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes that browsers load or follow as URLs.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "xlink:href", "action", "formaction", "poster", "data", "cite", "background"})
SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")  # whitespace and control characters anywhere


def is_unsafe(url: str) -> bool:
    """True for a link target with a scheme other than http, https, mailto or tel."""
    previous = None
    while previous != url:  # entities inside entities: &amp;#106; -> &#106; -> j
        previous, url = url, html.unescape(url)
    match = SCHEME.match(IGNORED.sub("", url).lower())
    return bool(match) and match.group(1) not in ALLOWED_SCHEMES


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower() in URL_ATTRIBUTES and value is not None:
                if name.lower() == "srcset":
                    self.targets += [part.strip().split(" ")[0] for part in value.split(",")]
                else:
                    self.targets.append(value)

    handle_startendtag = handle_starttag


def link_targets(page_html: str) -> list[str]:
    """Every URL-valued attribute in the HTML, entities decoded."""
    parser = _Targets()
    parser.feed(page_html)
    parser.close()
    return parser.targets


def unsafe_links_in_html(page_html: str) -> list[str]:
    return list(dict.fromkeys(url for url in link_targets(page_html) if is_unsafe(url)))


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "def_list", "footnotes", "tables", "sane_lists"])


def unsafe_links_in_markdown(text: str) -> list[str]:
    """The unsafe link targets of a Markdown text, raw HTML included (a field that allows
    no HTML shows it as text, but a link in it is a mistake to report all the same)."""
    if ":" not in text and "&" not in text:  # no scheme can be written without either
        return []
    md = _markdown()
    md.reset()
    return unsafe_links_in_html(md.convert(text))


def shown(url: str, limit: int = 40) -> str:
    """A link target as it appears in a message: one line, not too long."""
    url = " ".join(url.split())
    return url if len(url) <= limit else url[: limit - 1] + "…"


def line_of(source: str, url: str) -> int | None:
    """The line of a page's Markdown source where a link target is written, if it can be found
    (an entity-encoded target is looked for by what follows its scheme)."""
    decoded = html.unescape(url)
    tail = decoded.split(":", 1)[1].strip() if ":" in decoded else ""
    for needle in (url, url.strip(), tail):
        if not needle:
            continue
        for number, line in enumerate(source.splitlines(), 1):
            if needle in line:
                return number
    return None
