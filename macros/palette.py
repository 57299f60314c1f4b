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

from macros.css_rules import CssShapeError, keep_selectors, without_comments

COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([a-z-]+)\]")


class PaletteError(CssShapeError):
    """Material's palette file is not what this module knows how to read."""


def used_colours(palette_config) -> dict[str, set[str]]:
    """{'primary': {...}, 'accent': {...}} from mkdocs.yml's theme.palette (one mapping or a list)."""
    entries = palette_config if isinstance(palette_config, list) else [palette_config or {}]
    used: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for entry in entries:
        for kind in used:
            used[kind].add(str(entry.get(kind) or "indigo").replace(" ", "-").lower())
    return used


def prune(css: str, used: dict[str, set[str]]) -> str:
    """`css` without the rules and selectors that only apply to colours not in `used`."""
    try:
        return keep_selectors(without_comments(css), lambda s: all(c in used[k] for k, c in COLOUR.findall(s)))
    except CssShapeError as err:
        raise PaletteError(str(err)) from None


def prune_site(site: Path, palette_config) -> None:
    """Rewrite site/assets/stylesheets/palette.*.min.css (nothing to do without a palette)."""
    if not palette_config:
        return
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
