"""A Markdown extension that names pymdownx.tasklist's checkboxes after their item.

pymdownx.tasklist writes each checkbox as stored raw HTML without an accessible
name (axe: label). This tree processor runs after it and after the inline
patterns, takes the item's own text (not that of a nested list) and adds it as
aria-label to the stored checkbox markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX
from markupsafe import escape

PLACEHOLDER = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")  # markdown.util.HTML_PLACEHOLDER
ANY_STASH = re.compile(f"{STX}[^{ETX}]*{ETX}")


def _own_text(el: etree.Element) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag not in ("ul", "ol"):
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class TaskLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for li in root.iter("li"):
            if "task-list-item" not in li.get("class", "").split():
                continue
            text = _own_text(li)
            match = PLACEHOLDER.search(text)
            if not match or int(match.group(1)) >= len(stash):
                continue
            index = int(match.group(1))
            label = " ".join(ANY_STASH.sub(" ", text).split())
            if label and "<input " in stash[index] and "aria-label" not in stash[index]:
                stash[index] = stash[index].replace("<input ", f'<input aria-label="{escape(label)}" ', 1)


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        md.treeprocessors.register(TaskLabels(md), "task-list-labels", 5)  # after tasklist (25), inline (20) and attr_list (8)
