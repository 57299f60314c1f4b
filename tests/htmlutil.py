"""Small helpers for reading built HTML with the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class Parsed:
    elements: list[Element] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def find(self, tag: str | None = None, **attrs) -> list[Element]:
        out = []
        for el in self.elements:
            if tag and el.tag != tag:
                continue
            if all(el.attrs.get(k.rstrip("_")) == v for k, v in attrs.items()):
                out.append(el)
        return out


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.result = Parsed()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.result.elements.append(Element(tag, a))
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.result.ids.add(a[key])

    handle_startendtag = handle_starttag


def parse(html: str) -> Parsed:
    collector = _Collector()
    collector.feed(html)
    return collector.result


class _Text(HTMLParser):
    """Text of the main content (<article>), with block boundaries kept as blank lines."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area"}
    BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dd", "dt", "caption", "div", "section", "table", "tr"}

    # print-footer: the print-only block every page ends with (sources in full, with their URLs).
    def __init__(self, skip_classes=("headerlink", "print-footer"), skip_tags=("script", "style")):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.skip_classes = skip_classes
        self.SKIP_TAGS = skip_tags

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag in self.VOID:
            return
        if self.skip or any(c in (a.get("class") or "").split() for c in self.skip_classes) or tag in self.SKIP_TAGS:
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
        if tag == "article":
            self.depth -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str, skip_tags=("script", "style")) -> str:
    """skip_tags=(..., "em", "cite") leaves out titles and other quoted names."""
    parser = _Text(skip_tags=skip_tags)
    parser.feed(html)
    return "".join(parser.parts)
