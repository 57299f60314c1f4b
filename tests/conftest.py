"""Shared fixtures: one strict build per test run, a local HTTP server, Chromium.

The site is built once per run into a temporary folder (not site/, so a developer's
`make serve` output is left alone). With pytest-xdist (`-n`, on by default in
pytest.ini) the workers share that one build: the first worker to need it builds
behind a file lock, the others wait for it and read the same folder. Browser tests
drive Debian's Chromium through Playwright; nothing is downloaded.

Helpers for tests that need a build of their own (a broken data file, another
SITE_URL): `mini_project` lays out a small project that uses the real mkdocs.yml,
theme overrides, macros and data with only the pages a test names, and
`build_in_process` builds it in this process (no copy of the repository, no
subprocess), as mkdocs-static-i18n's own tests do.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from macros.pdf import CHROMIUM
from macros.pdf import CHROMIUM_ARGS as PDF_CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium and its flags: one definition, shared with `make pdf` (macros/pdf.py).
CHROMIUM_ARGS = [*PDF_CHROMIUM_ARGS, "--disable-quic", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}


def mkdocs_build(
    dest: Path, *, config: Path | None = None, env: dict | None = None, strict: bool = True, timeout: int = 600
) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would and return the finished process (output captured)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(dest)]
    if strict:
        cmd.append("--strict")
    if config:
        cmd += ["--config-file", str(config)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, cwd=config.parent if config else ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


# --- small projects built in-process ---------------------------------------------------

# Static folders every page refers to (extra_css, extra_javascript, logo, favicon).
STATIC_DIRS = ("assets", "javascripts", "stylesheets")


# The start page and the pages that the generated example pages link to, in short form.
# A page of prose needs its review date (macros/review.py); the listings of data do not.
REVIEWED = "---\ngranskad: 2026-01-15\n---\n"
REFERENCE_PAGES = {
    "index.md": REVIEWED + "# Start\n\nEn liten testwebbplats.\n",
    "index.en.md": REVIEWED + "# Start\n\nA small test site.\n",
    "exempel/index.md": "# Exempelkatalog\n\n{{ exempelkatalog() }}\n",
    "exempel/index.en.md": "# Example catalogue\n\n{{ exempelkatalog() }}\n",
    "kallor.md": "# Källor\n\n{{ kallforteckning() }}\n",
    "kallor.en.md": "# Sources\n\n{{ kallforteckning() }}\n",
    "ordlista.md": "# Ordlista\n\n{{ ordlista() }}\n",
    "ordlista.en.md": "# Glossary\n\n{{ ordlista() }}\n",
}


def term_pages(data: Path) -> dict[str, str]:
    """A short page in both languages for each page the glossary's terms point to (the
    build stops when a term's page is missing)."""
    import yaml

    out = {}
    for term in yaml.safe_load((data / "ordlista.yml").read_text(encoding="utf-8")):
        page = term.get("page")
        if page:
            out[page] = REVIEWED + "# Begrepp\n\nEn sida som ett begrepp leder till.\n"
            out[page.removesuffix(".md") + ".en.md"] = REVIEWED + "# Concepts\n\nA page a term leads to.\n"
    return out


def mini_project(base: Path, pages: dict[str, str]) -> Path:
    """A project folder with the real mkdocs.yml, overrides/ and macros/ (linked), a copy of
    docs/data/ (free to break), the catalogue, glossary and source pages (REFERENCE_PAGES,
    which every example page links to), the pages the glossary's terms lead to, and
    `pages` ({"hinder.md": "# Hinder ..."})."""
    project = base / "project"
    docs = project / "docs"
    docs.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy2(ROOT / "site_hooks.py", project / "site_hooks.py")  # the build's entry point
    for name in ("macros", "overrides"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copytree(ROOT / "docs" / "data", docs / "data")
    for name in STATIC_DIRS:
        (docs / name).symlink_to(ROOT / "docs" / name, target_is_directory=True)
    for rel, text in {**term_pages(docs / "data"), **REFERENCE_PAGES, **pages}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def build_in_process(project: Path, *, nav: list | None = None, strict: bool = True) -> Path:
    """`mkdocs build` of a mini_project in this process, the way the mkdocs command runs it,
    with `nav` (default: the reference pages) in place of the real site's navigation.
    Returns the site folder; a failed build raises mkdocs.exceptions.Abort, which the
    mkdocs command prints as one line (any other exception would be a traceback)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = project / "out"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    nav = [rel for rel in REFERENCE_PAGES if not rel.endswith(".en.md")] + (nav or [])
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), nav=nav, strict=strict)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return site_dir


# --- the site, built once per run ----------------------------------------------------------


class Site:
    def __init__(self, root: Path, log: str):
        self.root = root
        self.log = log

    def pages(self, lang: str | None = None) -> list[Path]:
        """Every built HTML page (not the 404 page), optionally of one language."""
        out = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            if rel in ("404.html", "en/404.html") or rel.startswith("assets/"):
                continue
            is_en = rel.startswith("en/")
            if lang is None or (lang == "en") == is_en:
                out.append(path)
        return out

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Site:
    if hasattr(request.config, "workerinput"):
        # An xdist worker: the run's base folder is shared by all workers of this run.
        shared = tmp_path_factory.getbasetemp().parent / "shared-build"
        shared.mkdir(exist_ok=True)
    else:
        shared = tmp_path_factory.mktemp("build")
    dest, log_file, status = shared / "site", shared / "build.log", shared / "build.status"
    with FileLock(str(shared / "build.lock")):
        if not status.exists():  # the first to get here builds; the others read its result
            proc = mkdocs_build(dest)
            log_file.write_text(proc.stdout + proc.stderr, encoding="utf-8")
            status.write_text(str(proc.returncode), encoding="utf-8")
    log = log_file.read_text(encoding="utf-8")
    assert status.read_text(encoding="utf-8") == "0", f"strict build failed:\n{log[-5000:]}"
    return Site(dest, log)


# --- browser -------------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@contextlib.contextmanager
def serve(root: Path, port: int = 0):
    """Serve `root` on 127.0.0.1 as `python3 -m http.server` does (uncompressed, as many
    intranets serve it) from a thread; `port` 0 takes a free one. Yields the base URL ending
    in '/'. Used by the tests, `make bench` and `make audit`."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    with serve(site.root) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def watch_external_requests(page, server: str) -> list[str]:
    """Collect every request of `page` that leaves 127.0.0.1 / file://; returns the live list."""
    found: list[str] = []

    def watch(request):
        url = request.url
        if not (url.startswith(server) or url.startswith(("file://", "data:", "blob:"))):
            found.append(url)

    page.on("request", watch)
    return found


@pytest.fixture
def page(browser, server):
    """A fresh browser page in a fresh context (its own, empty localStorage) that records
    every request leaving 127.0.0.1 / file:// in page.external_requests."""
    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    pg.external_requests = watch_external_requests(pg, server)  # type: ignore[attr-defined]
    yield pg
    context.close()


# In the page: resolves after two frames have been drawn.
NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def wait_for_animations(page, timeout: float = 10_000) -> None:
    """Wait until no CSS transition or animation is running on the page: what a user sees
    once the page has settled (a colour in mid-fade is not what axe should judge)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=timeout)
