"""One search index per language.

Material's search writes one index for the whole site, and mkdocs-static-i18n
merges both languages into it, so a Swedish search would also list English pages.
After the build this module splits it: search/ keeps the default language's
pages; <lang>/search/ gets the other language's pages with locations relative to
<lang>/. English pages point their search `base` at en/ (overrides/main.html).
Both the JSON index (HTTP) and the offline plugin's JS copy (file://) are split.
"""

from __future__ import annotations

import json
from pathlib import Path


def _write(folder: Path, index: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def split(site: Path, default_lang: str, other_langs: list[str]) -> None:
    source = site / "search" / "search_index.json"
    if not source.exists():
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    docs = index["docs"]
    prefixes = {lang: f"{lang}/" for lang in other_langs}
    for lang, prefix in prefixes.items():
        own = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        _write(site / lang / "search", dict(index, config=dict(index["config"], lang=[lang]), docs=own))
    rest = [d for d in docs if not any(d["location"].startswith(p) for p in prefixes.values())]
    _write(site / "search", dict(index, config=dict(index["config"], lang=[default_lang]), docs=rest))
