"""Generated page stubs for the example catalogue.

mkdocs-static-i18n rebuilds its file list from disk, so each example page exists
as a small stub file (docs/exempel/<id>/index.md and index.en.md) that calls the
`exempel_sida` macro. The stubs are written before each build, are ignored by
git, and stubs of removed examples are deleted.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from . import review, urls
from .loader import DATA, EXAMPLES_DIR, SiteData
from .state import Languages

MARKER = "<!-- generated from docs/data/exempel: edit the YAML file, not this one -->"


def stub(example, lang: str) -> str:
    # The theme puts the title and description into HTML (<title>, meta, search results)
    # without escaping, so they are HTML-escaped here. JSON strings are valid YAML scalars.
    title = json.dumps(html.escape(example.title.get(lang), quote=True), ensure_ascii=False)
    description = json.dumps(html.escape(example.summary.get(lang), quote=True), ensure_ascii=False)
    return (
        f"---\ntitle: {title}\ndescription: {description}\n{review.KEY}: {example.reviewed.isoformat()}\n---\n"
        f'{MARKER}\n\n{{{{ exempel_sida("{example.id}") }}}}\n'
    )


def example_of(src_md: str) -> str | None:
    """'exempel/wemind/index.md' -> 'wemind': the example a generated page shows, if it is one."""
    parts = src_md.split("/")
    if len(parts) == 3 and parts[0] == urls.EXAMPLES_DIR and parts[2] == "index.md" and urls.example(parts[1]) == src_md:
        return parts[1]
    return None


def example_source(docs_name: str, example_id: str) -> str:
    """The file an editor changes for an example page, relative to the project root."""
    return f"{docs_name}/{DATA}/{EXAMPLES_DIR}/{example_id}.yml"


def is_generated(folder: Path) -> bool:
    """A folder under docs/exempel/ that this module wrote (its page carries the marker)."""
    index = folder / "index.md"
    return folder.is_dir() and index.exists() and MARKER in index.read_text(encoding="utf-8")


def write_example_stubs(docs_dir: Path, data: SiteData, languages: Languages) -> None:
    root = docs_dir / urls.EXAMPLES_DIR
    root.mkdir(exist_ok=True)
    for folder in root.iterdir():
        if folder.name not in data.examples and is_generated(folder):
            shutil.rmtree(folder)
    for example in data.examples.values():
        for lang in languages.all:
            path = docs_dir / urls.localized(urls.example(example.id), languages.suffix(lang))
            path.parent.mkdir(exist_ok=True)
            text = stub(example, lang)
            # Write only on change, so that `mkdocs serve` does not reload in a loop.
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
