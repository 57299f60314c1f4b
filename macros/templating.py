"""The Jinja2 environment for the renderers' markup (templates in overrides/render/).

Autoescape is on for every template, whatever its name: a value from YAML is
escaped unless a renderer marks it as safe markup (Markup), so a forgotten escape
cannot happen. Markdown fields pass through the `md` filter, which keeps Markdown
syntax working and shows raw HTML as text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import markdown as md
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from .numbers import number
from .strings import t

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "render"
HEADING = re.compile(r"^(#{1,6})(?=\s)", re.M)
HEADING_LINE = re.compile(r"^(#{1,6})\s+(.*)$", re.M)


def md_text(text: str) -> Markup:
    """A Markdown field from YAML: Markdown syntax works, raw HTML is shown as text."""
    return Markup(text.replace("<", "&lt;"))


def md_sub(text: str, top: int = 2, ids: list[str] | None = None) -> Markup:
    """A Markdown field placed under the page's h1: its highest heading becomes level `top`;
    with `ids`, the headings get those ids in order (the same in every language)."""
    levels = [len(m.group(1)) for m in HEADING.finditer(text)]
    if levels:
        shift = top - min(levels)
        text = HEADING.sub(lambda m: "#" * max(top, min(6, len(m.group(1)) + shift)), text)
    if ids:
        queue = iter(ids)
        text = HEADING_LINE.sub(lambda m: f"{m.group(0).rstrip()} {{ #{next(queue)} }}", text)
    return md_text(text.strip())


def heading_ids(text: str) -> list[str]:
    """The ids Markdown's toc extension would give the headings of a Markdown text."""
    return [slugify(m.group(2).strip(), "-") for m in HEADING_LINE.finditer(text)]


def md_cell(text: str) -> Markup:
    """Plain text in a Markdown table cell."""
    return Markup(str(escape(text)).replace("|", "\\|").replace("\n", " "))


def md_html(text: str) -> Markup:
    """A Markdown field rendered to HTML now (inside raw HTML blocks, where Markdown is not parsed)."""
    return Markup(md.markdown(md_text(text), extensions=["sane_lists"]))


def md_inline(text: str) -> Markup:
    """One line of Markdown (bold, italics, links) rendered to HTML without the paragraph around it."""
    out = md.markdown(md_text(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return Markup(out)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md_text, md_sub=md_sub, md_cell=md_cell, md_html=md_html, md_inline=md_inline, number=number)
    env.globals.update(t=t)
    return env


def render(name: str, **context) -> Markup:
    return Markup(environment().get_template(name).render(**context))
