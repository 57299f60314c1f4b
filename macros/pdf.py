"""`make pdf`: the print edition of each language as a PDF, with the Chromium the tests use.

    python -m macros.pdf site

Run after a build with PRINT_PDF=1 (the Makefile does both): each print page
(urls.PRINT in each language) then links to its PDF (a[data-pdf]), and this writes the
PDF where the link points. The page is opened from file://, so nothing is served and
nothing leaves the machine. A4 and the margins come from the page's print CSS.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from . import urls

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PDF_LINK = re.compile(r'<a [^>]*href="([^"]+\.pdf)"[^>]*\bdata-pdf\b')


def print_pages(site: Path) -> list[Path]:
    """The print page of every language: site/utskrift.html, site/en/utskrift.html ..."""
    name = urls.built(urls.PRINT, "")
    return sorted(p for p in site.rglob(name) if p.parent == site or p.parent.parent == site)


def pdf_target(page: Path) -> Path:
    match = PDF_LINK.search(page.read_text(encoding="utf-8"))
    if not match:
        raise SystemExit(f"{page}: no PDF link (a[data-pdf]); build with PRINT_PDF=1 first (make pdf does)")
    return (page.parent / match.group(1)).resolve()


def write_pdf(browser, page_file: Path, target: Path) -> None:
    tab = browser.new_page()
    try:
        tab.goto(page_file.resolve().as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        tab.pdf(path=str(target), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    finally:
        tab.close()


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    pages = print_pages(site)
    if not pages:
        raise SystemExit(f"{site}: no {urls.built(urls.PRINT, '')}: build the site first")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page_file in pages:
                target = pdf_target(page_file)
                write_pdf(browser, page_file, target)
                print(f"Wrote {target.relative_to(site.resolve())} ({target.stat().st_size // 1024} kB)")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
