"""Review dates: when each page was last checked against its sources.

Every page carries `granskad: ÅÅÅÅ-MM-DD` in its front matter (both languages), except
the pages in EXEMPT, which list data records that carry their own dates (`reviewed` in
docs/data/). The generated example pages get the example's `reviewed` in their stub
(macros/generated.py). The theme shows the date at the foot of the page
(overrides/partials/source-file.html); `make granska` lists what is due (macros/due.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from babel.dates import format_date

from .loader import parse_yaml
from .strings import msg

KEY = "granskad"
# Listings of data whose records have their own review dates; the default language's path.
# The print edition is made of the other pages, each with its own date (its cover shows the newest).
EXEMPT = frozenset({"exempel/index.md", "ordlista.md", "kallor.md", "utskrift.md"})
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*$", re.S | re.M)


def default_path(src_uri: str, lang_suffixes: tuple[str, ...]) -> str:
    """'ordlista.en.md' -> 'ordlista.md' (mkdocs-static-i18n's suffix structure)."""
    for suffix in lang_suffixes:
        if suffix and src_uri.endswith(f"{suffix}.md"):
            return src_uri[: -len(f"{suffix}.md")] + ".md"
    return src_uri


def is_exempt(src_uri: str, lang_suffixes: tuple[str, ...]) -> bool:
    return default_path(src_uri, lang_suffixes) in EXEMPT


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()) if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value) else None
        except ValueError:
            return None
    return None


def read_date(source: str, label: str) -> tuple[dt.date | None, str | None]:
    """The review date in a page's Markdown source, or a one-line problem naming the page."""
    match = FRONT_MATTER.match(source)
    if not match:
        return None, f"{label}: {msg('review_missing', key=KEY)}"
    problems: list[str] = []
    meta = parse_yaml(match.group(1) or "", label, problems, first_line=2)
    if problems:
        return None, problems[0]
    if not isinstance(meta, dict) or KEY not in meta:
        return None, f"{label}: {msg('review_missing', key=KEY)}"
    date = as_date(meta[KEY])
    if date is None:
        return None, f"{label}: {msg('review_bad', key=KEY, value=repr(str(meta[KEY])))}"
    return date, None


def page_date(meta: dict, source_path: str | None, label: str) -> tuple[dt.date | None, str | None]:
    """The date of a page being built: from MkDocs' meta when it read the front matter,
    else from the source (MkDocs drops the whole front matter silently when a value in it,
    such as 2026-13-45, cannot be read; the source then says which line)."""
    date = as_date(meta.get(KEY)) if meta else None
    if date is not None:
        return date, None
    source = Path(source_path).read_text(encoding="utf-8") if source_path else ""
    return read_date(source, label)


def shown(date: dt.date, lang: str) -> str:
    """'24 november 2026' / '24 November 2026'."""
    return format_date(date, "d MMMM y", locale=lang)
