"""Material's palette stylesheet, cut down to the colours mkdocs.yml uses (page weight, issue 12).

Material links `assets/stylesheets/palette.<hash>.min.css` (12 KB) from every page when
`theme.palette` is set. Most of it sets the nineteen named primary and accent colours; this
site uses `primary: custom` and `accent: custom` (its colours are in docs/stylesheets/site.css)
and needs only the light and dark schemes and the custom colours' rules. After the build, the
rules whose selectors name another colour (`[data-md-color-primary=red]`) are removed; the
schemes, the toggle and everything else stay as Material wrote them. About 9 KB less on every
page, with Material's own palette mechanism untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([a-z-]+)\]")


class PaletteError(ValueError):
    """Material's palette file is not what this module knows how to read."""


def used_colours(palette_config) -> dict[str, set[str]]:
    """{'primary': {...}, 'accent': {...}} from mkdocs.yml's theme.palette (one mapping or a list)."""
    entries = palette_config if isinstance(palette_config, list) else [palette_config or {}]
    used: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for entry in entries:
        for kind in used:
            used[kind].add(str(entry.get(kind) or "indigo").replace(" ", "-").lower())
    return used


def _blocks(css: str) -> list[tuple[str, str]]:
    """The top-level rules of `css` as (prelude, body) pairs; at-rules keep their nested body."""
    out, depth, start, prelude = [], 0, 0, ""
    for i, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise PaletteError("a '}' without its '{'")
            if depth == 0:
                out.append((prelude, css[start:i]))
                start = i + 1
    if depth != 0 or css[start:].strip():
        raise PaletteError("a rule is not closed")
    return out


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) or :not(...))."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return [*parts, prelude[start:]]


def prune(css: str, used: dict[str, set[str]]) -> str:
    """`css` without the rules and selectors that only apply to colours not in `used`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@"):
            inner = prune(body, used) if "{" in body else body
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [s for s in _selectors(prelude) if all(c in used[k] for k, c in COLOUR.findall(s))]
        if selectors:
            kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def prune_site(site: Path, palette_config) -> int:
    """Rewrite site/assets/stylesheets/palette.*.min.css; returns the bytes saved (0 without a palette)."""
    if not palette_config:
        return 0
    files = sorted((site / "assets" / "stylesheets").glob("palette.*.min.css"))
    if len(files) != 1:
        raise PaletteError(f"expected one palette.*.min.css in site/assets/stylesheets, found {len(files)}")
    path = files[0]
    before = path.read_text(encoding="utf-8")
    after = prune(before, used_colours(palette_config))
    if "[data-md-color-scheme=slate]" in before and "[data-md-color-scheme=slate]" not in after:
        raise PaletteError("the dark scheme (slate) would be lost")
    path.write_text(after + "\n", encoding="utf-8")
    path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the file as Material wrote it
    return len(before.encode()) - len(after.encode())
