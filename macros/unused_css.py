"""Material's main stylesheet without the rules for things this site never shows (issue 12).

Material links `assets/stylesheets/main.<hash>.min.css` (about 134 KiB) from every page. It
styles every feature Material has: blog posts, tabs, banners, cookie consent, feedback,
code highlighting, keyboard keys, right-to-left scripts and more. After the build, a selector
is dropped when it needs a class that nothing in the built site can produce, and a rule with no
selector left goes with it. Everything else stays byte for byte as Material wrote it.

What "can produce" means, cautiously:
- a class that appears in a class attribute of any built page (Markdown, templates, macros);
- any word in any script of the built site (Material's bundle and search worker, our scripts),
  since a script may add the class later; a word ending in - or _ (e.g. "md-status--" + name)
  keeps every class that starts with it;
- classes inside parentheses (:not(.x), :is(.x, .y)) and attribute selectors are not judged;
- `[dir=rtl]` rules go only when no page is written right to left.

So the cut follows the content: when an editor adds content tabs or a code block, their class
appears in the built page and Material's rules for it stay. tests/test_budget.py compares the
computed style of every element on key pages with Material's full file and this cut one.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.css_rules import CssShapeError, keep_selectors, without_comments

CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
# Rules a page of this kind always needs: if one were cut, the reading of the site would be wrong.
ALWAYS = (".md-header", ".md-typeset", ".md-search", ".md-nav", ".md-footer", ".md-sidebar", ".admonition")


class Producible:
    """The classes the built site can produce (see the module's docstring)."""

    def __init__(self, site: Path):
        self.classes: set[str] = set()
        self.rtl = False
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            for double, single in CLASS_ATTRIBUTE.findall(html):
                self.classes.update((double or single).split())
            self.rtl = self.rtl or bool(re.search(r"""\bdir\s*=\s*["']?rtl""", html))
        words: set[str] = set()
        for script in site.rglob("*.js"):
            words.update(SCRIPT_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
        self.classes |= words
        self.prefixes = tuple(sorted(w for w in words if w.endswith(("-", "_"))))

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


def prune(css: str, producible: Producible) -> str:
    return keep_selectors(without_comments(css), producible.selector_can_match)


def prune_site(site: Path) -> None:
    """Rewrite site/assets/stylesheets/main.*.min.css; CssShapeError if Material's file changed shape."""
    files = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(files) != 1:
        raise CssShapeError(f"expected one main.*.min.css in site/assets/stylesheets, found {len(files)}")
    path = files[0]
    after = prune(path.read_text(encoding="utf-8"), Producible(site))
    lost = [name for name in ALWAYS if name not in after]
    if lost:
        raise CssShapeError(f"the cut would lose rules every page needs: {', '.join(lost)}")
    path.write_text(after + "\n", encoding="utf-8")
    path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the file as Material wrote it
