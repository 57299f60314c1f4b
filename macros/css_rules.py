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


def split_top_level(text: str, separator: str) -> list[str]:
    """`text` split at `separator` where it is not inside quotes or parentheses."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) or :not(...))."""
    return split_top_level(prelude, ",")


def declarations(body: str) -> list[str]:
    """A rule's declarations (its body split at the semicolons outside quotes and parentheses)."""
    return [d for d in split_top_level(body, ";") if d.strip()]


def map_rules(css: str, rule) -> str:
    """`css` with each style rule passed through rule(prelude, body), which returns the new
    (prelude, body) or None to drop it. Rules inside @media and @supports are passed too, and
    an at-rule left empty goes; other at-rules (@font-face, @keyframes) are kept as they are."""
    kept = []
    for prelude, body in blocks(css):
        if prelude.startswith("@"):
            inner = map_rules(body, rule) if "{" in body and not prelude.startswith("@keyframes") else body
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
            continue
        new = rule(prelude, body)
        if new:
            kept.append(f"{new[0]}{{{new[1]}}}")
    return "".join(kept)


def keep_selectors(css: str, keep) -> str:
    """`css` with only the selectors for which keep(selector) is true; a rule left without
    selectors goes (see map_rules for at-rules)."""

    def rule(prelude: str, body: str):
        chosen = [s for s in selectors(prelude) if keep(s)]
        return (",".join(chosen), body) if chosen else None

    return map_rules(css, rule)


def drop_declarations(css: str, names: set[str]) -> str:
    """`css` without the declarations of the (custom) properties `names`; a rule left without
    declarations goes (see map_rules for at-rules)."""

    def rule(prelude: str, body: str):
        kept = [d for d in declarations(body) if d.split(":", 1)[0].strip() not in names]
        return (prelude, ";".join(kept)) if kept else None

    return map_rules(css, rule)
