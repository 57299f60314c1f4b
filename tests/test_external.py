"""Nothing on the site loads anything from another origin (no CDN, no web fonts)."""

from __future__ import annotations

import re

from tests.htmlutil import parse

ABSOLUTE = re.compile(r"^(https?:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?((?:https?:)?//[^'")\s]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?((?:https?:)?//[^'")\s;]+)""", re.I)
JS_LOAD = re.compile(r"""\b(?:import|importScripts|fetch)\s*\(\s*['"`]((?:https?:)?//[^'"`]+)""")
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
MEDIA_TAGS = ("img", "source", "video", "audio", "iframe", "embed", "track")


def external_in_html(html: str) -> list[str]:
    found = []
    for el in parse(html).elements:
        a = el.attrs
        if el.tag == "script" and ABSOLUTE.match(a.get("src", "")):
            found.append(f"<script src={a['src']}>")
        if el.tag == "link" and ABSOLUTE.match(a.get("href", "")):
            rels = set(a.get("rel", "").split())
            if not rels & {"alternate", "canonical"}:
                found.append(f"<link rel={a.get('rel')} href={a['href']}>")
        if el.tag in MEDIA_TAGS:
            for attr in ("src", "srcset", "poster"):
                for candidate in a.get(attr, "").split(","):
                    if ABSOLUTE.match(candidate.strip()):
                        found.append(f"<{el.tag} {attr}={candidate.strip()}>")
        if "style" in a and CSS_URL.search(a["style"]):
            found.append(f"<{el.tag} style=url(...)>")
    for block in STYLE_BLOCK.findall(html):
        found += [f"<style> url({u})" for u in CSS_URL.findall(block) + CSS_IMPORT.findall(block)]
    return found


def test_no_external_resources_in_html(site):
    found = {}
    for path in site.pages() + [site.root / "404.html"]:
        hits = external_in_html(path.read_text(encoding="utf-8"))
        if hits:
            found[site.rel(path)] = hits
    assert found == {}


def test_no_external_resources_in_css_and_js(site):
    found = []
    for path in site.root.rglob("*"):
        if path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{site.rel(path)}: {u}" for u in CSS_URL.findall(text) + CSS_IMPORT.findall(text)]
        elif path.suffix == ".js":
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{site.rel(path)}: {u}" for u in JS_LOAD.findall(text)]
    assert found == []


def test_the_checker_sees_an_external_script_and_font():
    html = (
        '<script src="https://unpkg.com/iframe-worker/shim"></script>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        "<style>@font-face{src:url(https://fonts.gstatic.com/x.woff2)}</style>"
        '<link rel="alternate" hreflang="en" href="https://example.org/en/">'
    )
    assert len(external_in_html(html)) == 3


def test_iframe_worker_shim_is_vendored(site):
    index = site.read("index.html")
    assert "javascripts/vendor/iframe-worker/shim.js" in index
    assert "unpkg.com" not in index
    assert (site.root / "javascripts/vendor/iframe-worker/LICENSE.txt").exists()
