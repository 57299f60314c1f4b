"""Where pages are: the source path of every page the renderers link to, in one place.

Links from Markdown name the source file (MkDocs resolves it for each language);
links from raw HTML are resolved through MkDocs' Files of the language being built
(PageRef.html_link), so a page's address is never assembled by hand.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

GLOSSARY = "ordlista.md"
SOURCES = "kallor.md"
CATALOGUE = "exempel/index.md"
EXAMPLES_DIR = "exempel"


def example(example_id: str) -> str:
    """The source path of an example's generated page (macros/generated.py writes it)."""
    return f"{EXAMPLES_DIR}/{example_id}/index.md"


def localized(src_md: str, suffix: str) -> str:
    """'exempel/x/index.md' with the suffix '.en' -> 'exempel/x/index.en.md' (mkdocs-static-i18n's suffix structure)."""
    return src_md[: -len(".md")] + suffix + ".md"


def built(src_md: str, prefix: str) -> str:
    """The built file of a page, relative to site/: 'en/exempel/x/index.html' (use_directory_urls is off)."""
    return prefix + src_md[: -len(".md")] + ".html"


@dataclass(frozen=True)
class PageRef:
    """Where a macro is rendered: the page's source path, its built URL and its language."""

    src_uri: str  # e.g. "begrepp/index.md" or "begrepp/index.en.md"
    url: str  # e.g. "begrepp/index.html" or "en/begrepp/index.html"
    lang: str
    resolve: Callable[[str], str]  # a page's source path -> its built URL in this language

    def md_link(self, target_md: str) -> str:
        """Relative link to another page's Markdown source (MkDocs resolves it per language)."""
        return posixpath.relpath(target_md, posixpath.dirname(self.src_uri) or ".")

    def root_link(self, target: str) -> str:
        """Relative link to a file at the site root (shared by both languages)."""
        return posixpath.relpath(target, posixpath.dirname(self.url) or ".")

    def html_link(self, target_md: str) -> str:
        """Relative link to a built page in this page's language, for raw HTML blocks."""
        return posixpath.relpath(self.resolve(target_md), posixpath.dirname(self.url) or ".")


# The print edition (macros/printing.py): its page, the nav section it follows (the one
# that holds GUIDE_FIRST) and the pages it appends, in this order, as appendices.
PRINT = "utskrift.md"
GUIDE_FIRST = "varfor.md"
PRINT_APPENDICES = (GLOSSARY, SOURCES)
