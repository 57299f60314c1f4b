"""Sorting in each language's dictionary order (ICU collation through PyICU).

Swedish: word by word (a space sorts before any letter), å, ä, ö after z, case
ignored first; English likewise with its own rules. Hand-written sort keys got
this wrong ("Kloka Kliniska Val" before "klok lista").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(lang))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key function for sorted(): sorted(words, key=sort_key("sv"))."""
    return _collator(lang).getSortKey
