"""Shared fixtures: one strict build per test session, a local HTTP server, Chromium.

The site is built once into a temporary folder (not site/, so a developer's
`make serve` output is left alone). Browser tests drive Debian's Chromium through
Playwright; nothing is downloaded.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def mkdocs_build(dest: Path, *, config: Path | None = None, env: dict | None = None, strict: bool = True, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would and return the finished process (output captured)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(dest)]
    if strict:
        cmd.append("--strict")
    if config:
        cmd += ["--config-file", str(config)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, cwd=config.parent if config else ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


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
def site(tmp_path_factory) -> Site:
    dest = tmp_path_factory.mktemp("build") / "site"
    proc = mkdocs_build(dest)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"strict build failed:\n{log[-5000:]}"
    return Site(dest, log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser page that records every request leaving 127.0.0.1 / file://."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.external_requests = []  # type: ignore[attr-defined]

    def watch(request):
        url = request.url
        if not (url.startswith(server) or url.startswith("file://") or url.startswith("data:") or url.startswith("blob:")):
            pg.external_requests.append(url)  # type: ignore[attr-defined]

    pg.on("request", watch)
    yield pg
    context.close()
