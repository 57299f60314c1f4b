"""Small fixes to rendered page HTML that Markdown extensions do not offer as options."""

from __future__ import annotations

import html
import re

TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input )([^>]*>)(.*?)(?=<ul|<ol|</li>)',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def label_task_checkboxes(content: str) -> str:
    """pymdownx.tasklist renders checkboxes without an accessible name (axe: label).
    Name each one by its item's text."""

    def fix(m: re.Match) -> str:
        text = " ".join(html.unescape(TAG.sub(" ", m.group(3))).split())
        return f'{m.group(1)}aria-label="{html.escape(text, quote=True)}" {m.group(2)}{m.group(3)}'

    return TASK_ITEM.sub(fix, content)


PERMALINK_SV = 'title="Länk till det här avsnittet"'
PERMALINK = {"en": 'title="Link to this section"'}


def translate_permalinks(content: str, lang: str) -> str:
    """The toc extension has one permalink tooltip for the whole site (Swedish)."""
    return content.replace(PERMALINK_SV, PERMALINK[lang]) if lang in PERMALINK else content
