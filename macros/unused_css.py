"""Material's main stylesheet without the rules for things this site never shows (issue 12).

Material links `assets/stylesheets/main.<hash>.min.css` (about 134 KiB) from every page. It
styles every feature Material has: blog posts, tabs, banners, cookie consent, feedback,
code highlighting, keyboard keys, right-to-left scripts and more. After the build, a selector
is dropped when it needs a class that nothing in the built site can produce, and a rule with no
selector left goes with it. Everything else stays byte for byte as Material wrote it.

What "can produce" means, cautiously:
- a class that appears in a class attribute of any built page (Markdown, templates, macros);
- any word in any of this site's own scripts (docs/javascripts), since a script may add the
  class later; a word ending in - or _ (e.g. "md-status--" + name) keeps every class that
  starts with it;
- in Material's own scripts (its bundle, search worker and lunr, under assets/javascripts),
  which name the classes of every feature Material has: Material's component classes (md-...)
  and the few others the bundle sets (BUNDLE_CLASSES), except those of a feature that is off
  here (FEATURE_GATES: tooltips, annotations, code blocks, repository facts, versions, tags,
  content tabs, diagrams). A feature is on when a page shows it (a class in the built HTML) or
  the theme's configuration names it (the `__config` JSON of the pages);
- classes inside parentheses (:not(.x), :is(.x, .y)) and attribute selectors are not judged;
- `[dir=rtl]` rules go only when no page is written right to left.

A custom property (--md-...) that Material declares and that nothing reads any more (no
var() in the stylesheets, no mention in a page or a script) goes too: mostly the icons of
features that are off here, each a data: URL of a few hundred bytes.

So the cut follows the content: when an editor adds content tabs or a code block, their class
appears in the built page and Material's rules for it stay. tests/test_budget.py compares the
computed style of every element on key pages with Material's full file and this cut one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.css_rules import CssShapeError, drop_declarations, keep_selectors, without_comments

CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
# Rules a page of this kind always needs: if one were cut, the reading of the site would be wrong.
ALWAYS = (".md-header", ".md-typeset", ".md-search", ".md-nav", ".md-footer", ".md-sidebar", ".admonition")


# Material's own scripts: a word in them counts only as Producible._material_class allows.
MATERIAL_SCRIPTS = "assets/javascripts"
# Classes outside md-... that Material's bundle sets (classList, className in bundle.*.min.js, 9.8.1).
BUNDLE_CLASSES = frozenset({"js", "no-js", "focus-visible", "js-focus-visible", "hll", "select"})
# Classes of Material's scripts that belong to a feature, and what shows the feature is on:
# ("class", c) a page has class c; ("feature", f) theme.features has f; ("config", k) the
# theme's __config has a value for k. Any one of them is enough.
FEATURE_GATES: dict[str, tuple[tuple[str, str], ...]] = {
    "md-annotation": (("class", "annotate"),),
    "md-code__": (("class", "highlight"),),
    "md-source": (("class", "md-source"),),
    "md-status": (("class", "md-status"),),
    "md-tag": (("class", "md-tag"),),
    "md-tooltip": (("feature", "content.tooltips"), ("class", "annotate")),  # md-tooltip2 too
    "md-version": (("config", "version"),),
    "tabbed-": (("class", "tabbed-set"),),
    "mermaid": (("class", "mermaid"),),
}
CONFIG_JSON = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
CUSTOM_PROPERTY = re.compile(r"(?<=[{;])(--[\w-]+):")
MENTION = re.compile(r"--[\w-]+")


class Producible:
    """The classes the built site can produce (see the module's docstring)."""

    def __init__(self, site: Path):
        self.classes: set[str] = set()
        self.rtl = False
        self.features: set[str] = set()
        self.config: set[str] = set()
        # Every custom-property name a page or a script mentions ("--md-x" + name: a prefix).
        self.mentions: set[str] = set()
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            self.mentions.update(MENTION.findall(html))
            for double, single in CLASS_ATTRIBUTE.findall(html):
                self.classes.update((double or single).split())
            self.rtl = self.rtl or bool(re.search(r"""\bdir\s*=\s*["']?rtl""", html))
            for raw in CONFIG_JSON.findall(html):
                config = json.loads(raw)
                self.features.update(config.get("features") or [])
                self.config.update(key for key, value in config.items() if value)
        words: set[str] = set()
        for script in site.rglob("*.js"):
            text = script.read_text(encoding="utf-8", errors="replace")
            self.mentions.update(MENTION.findall(text))
            found = SCRIPT_WORD.findall(text)
            material = script.relative_to(site).as_posix().startswith(MATERIAL_SCRIPTS)
            words.update(w for w in found if not material or self._material_class(w))
        self.classes |= words
        self.prefixes = tuple(sorted(w for w in words if w.endswith(("-", "_"))))

    def mentions_property(self, name: str) -> bool:
        """Whether a page or a script names custom property `name`, or a longer one that starts
        with it, or a prefix ending in - that it starts with."""
        return any(m.startswith(name) or (m.endswith("-") and name.startswith(m)) for m in self.mentions)

    def _feature_on(self, gates: tuple[tuple[str, str], ...]) -> bool:
        sets = {"class": self.classes, "feature": self.features, "config": self.config}
        return any(value in sets[kind] for kind, value in gates)

    def _material_class(self, word: str) -> bool:
        """Whether a word of Material's scripts counts as a class the site can produce."""
        for prefix, gates in FEATURE_GATES.items():
            if word.startswith(prefix):
                return self._feature_on(gates)
        return word.startswith("md-") or word in BUNDLE_CLASSES

    def can_produce(self, name: str) -> bool:
        return name in self.classes or name.startswith(self.prefixes)

    def selector_can_match(self, selector: str) -> bool:
        if "[dir=rtl]" in selector and not self.rtl:
            return False
        plain = _outside_brackets(selector)
        return all(self.can_produce(name) for name in SELECTOR_CLASS.findall(plain))


def _outside_brackets(selector: str) -> str:
    """The selector with (...) and [...] removed, nested ones too: those are not judged."""
    out, depth = [], 0
    for char in selector:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def prune(css: str, producible: Producible, others: str = "") -> str:
    """`css` without the rules the site cannot show, then without the custom properties that
    nothing reads: no var() in what is left of `css` or in `others` (the site's other
    stylesheets), and no mention in a page or a script."""
    kept = keep_selectors(without_comments(css), producible.selector_can_match)
    unread = {
        name
        for name in set(CUSTOM_PROPERTY.findall(kept))
        if f"var({name}" not in kept and f"var({name}" not in others and not producible.mentions_property(name)
    }
    return drop_declarations(kept, unread) if unread else kept


def prune_site(site: Path) -> None:
    """Rewrite site/assets/stylesheets/main.*.min.css; CssShapeError if Material's file changed shape."""
    files = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(files) != 1:
        raise CssShapeError(f"expected one main.*.min.css in site/assets/stylesheets, found {len(files)}")
    path = files[0]
    others = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p != path)
    after = prune(path.read_text(encoding="utf-8"), Producible(site), others)
    lost = [name for name in ALWAYS if name not in after]
    if lost:
        raise CssShapeError(f"the cut would lose rules every page needs: {', '.join(lost)}")
    path.write_text(after + "\n", encoding="utf-8")
    path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the file as Material wrote it
