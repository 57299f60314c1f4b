"""Problems found while rendering pages (e.g. a macro naming an unknown id).

Each is logged at once as one line; the build is stopped after all pages are
rendered (macros/hooks.py), so an editor sees every problem in one run and
`mkdocs serve` keeps running.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.macros.data")
_seen: list[str] = []


def report(line: str) -> None:
    if line not in _seen:
        _seen.append(line)
        log.error(line)


def take() -> list[str]:
    """Return and forget the problems reported since the last call."""
    out = list(_seen)
    _seen.clear()
    return out
