"""Reading a minified stylesheet as rules: just enough CSS syntax for macros/palette.py and
macros/unused_css.py, which cut Material's stylesheets down after the build (issue 12)."""

from __future__ import annotations

import re


class CssShapeError(ValueError):
    """A stylesheet is not what these helpers know how to read."""


def without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def blocks(css: str) -> list[tuple[str, str]]:
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
                raise CssShapeError("a '}' without its '{'")
            if depth == 0:
                out.append((prelude, css[start:i]))
                start = i + 1
    if depth != 0 or css[start:].strip():
        raise CssShapeError("a rule is not closed")
    return out


def selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) or :not(...))."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return [*parts, prelude[start:]]


def keep_selectors(css: str, keep) -> str:
    """`css` with only the selectors for which keep(selector) is true; a rule left without
    selectors goes, and so does an at-rule (@media, @supports) left empty. Rules without
    nested rules inside an at-rule (@font-face, @keyframes steps) are kept as they are."""
    kept = []
    for prelude, body in blocks(css):
        if prelude.startswith("@"):
            inner = keep_selectors(body, keep) if "{" in body and not prelude.startswith("@keyframes") else body
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
            continue
        chosen = [s for s in selectors(prelude) if keep(s)]
        if chosen:
            kept.append(f"{','.join(chosen)}{{{body}}}")
    return "".join(kept)
