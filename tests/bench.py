"""`make bench`: build time, weight and speed of the site, as one table.

Measured here, not asserted in timed tests (the page-weight budget is guarded by
tests/test_budget.py). What it does:

1. Builds the shipped site (strict) `--runs` times and takes the median time; site size,
   search index per language.
2. Serves it without compression (as `python3 -m http.server` does) and loads each key page
   in Chromium: the bytes fetched before any interaction (tests/firstview.py).
3. Search in the browser, per language: the first result list after typing on a fresh page
   (the index is fetched when the search box gets focus) and later result lists.
4. Scale: copies the project to a temporary folder, adds `--examples` synthetic examples
   (copies of the real ones with new ids, valid in both languages; never committed), builds it
   once, and times the catalogue filter per keystroke with all the cards.

Run: `make bench` (or `.venv/bin/python -m tests.bench --examples 0` to skip the scale run).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import yaml

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, mkdocs_build, serve
from tests.firstview import BUDGET, KEY_PAGES, first_view

KIB = 1024
# Queries on the shipped content, per language: (page, first query, later queries).
SEARCHES = {
    "sv": ("index.html", "lågvärdevård", ["patientsäkerhet", "icke-göra", "prioriteringar", "hälsoekonomi", "ordlista"]),
    "en": ("en/index.html", "accessibility", ["patient safety", "guidelines", "priorities", "health economics", "glossary"]),
}
FILTER_QUERIES = ["prov", "lakemedel", "röntgen", "xyz"]


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def timed_build(dest: Path, config: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one strict build. The CPU time (the build's own processes)
    is what to compare on a shared machine, where the wall time depends on the neighbours."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = mkdocs_build(dest, config=config, timeout=3600)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"the build failed:\n{(proc.stdout + proc.stderr)[-4000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        yield context.new_page()
    finally:
        context.close()


# In the page: type a whole query into Material's search box (keyup is what Material listens
# to) and resolve with the milliseconds until the result list has been drawn anew with results.
SEARCH_JS = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const drawn = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (list.querySelector(".md-search-result__link")) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(list, { childList: true, subtree: true });
  });
  input.value = query;
  const start = performance.now();
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  const end = await Promise.race([drawn, new Promise(r => setTimeout(() => r(NaN), 10000))]);
  return end - start;
}"""


def search_latency(browser, base: str, lang: str) -> tuple[float, float]:
    """(first, median of later) milliseconds from typing a query to its result list."""
    path, first_query, later = SEARCHES[lang]
    with fresh_page(browser) as page:
        page.goto(base + path, wait_until="networkidle")
        page.locator("input.md-search__input").focus()  # as a reader does: the index loads now
        first = page.evaluate(SEARCH_JS, first_query)
        rest = [page.evaluate(SEARCH_JS, q) for q in later]
    return first, statistics.median(rest)


# In the page: type `query` into the catalogue's text filter one character at a time; per
# keystroke, the milliseconds of the filter plus the layout it causes.
FILTER_JS = """(query) => {
  const input = document.querySelector("[data-catalogue] input[name=text]");
  const times = [];
  for (const text of [...Array(query.length).keys()].map(i => query.slice(0, i + 1)).concat([""])) {
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return { times, cards: document.querySelectorAll(".catalogue__card").length };
}"""


def filter_times(browser, base: str) -> tuple[int, float, float]:
    """(cards, median ms, worst ms) per keystroke in the catalogue's text filter."""
    with fresh_page(browser) as page:
        page.goto(base + "exempel/index.html", wait_until="load")
        times, cards = [], 0
        for query in FILTER_QUERIES:
            result = page.evaluate(FILTER_JS, query)
            times += result["times"]
            cards = result["cards"]
    return cards, statistics.median(times), max(times)


def make_scale_copy(dest: Path, examples: int) -> Path:
    """A copy of the project with `examples` synthetic examples added; returns its mkdocs.yml."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", ".cache", ".pytest_cache", "__pycache__", "*.zip")
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    folder = dest / "docs" / "data" / "exempel"
    originals = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))]
    for i in range(examples):
        example = dict(originals[i % len(originals)])
        example["id"] = f"syntetiskt-{i + 1:04d}"
        example["title"] = {lang: f"{text} ({i + 1})" for lang, text in example["title"].items()}
        text = yaml.safe_dump(example, allow_unicode=True, sort_keys=False)
        (folder / f"{example['id']}.yml").write_text(text, encoding="utf-8")
    return dest / "mkdocs.yml"


class Table(list):
    """The one table, printed a row at a time as the measures come in (a run takes minutes)."""

    WIDTH = 62

    def __init__(self):
        super().__init__()
        print(f"{'measure':<{self.WIDTH}}  value", flush=True)

    def append(self, row: tuple[str, str]) -> None:
        super().append(row)
        print(f"{row[0]:<{self.WIDTH}}  {row[1]}", flush=True)

    def __iadd__(self, rows):
        for row in rows:
            self.append(row)
        return self


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="builds of the shipped site (median)")
    parser.add_argument("--examples", type=int, default=1000, help="synthetic examples of the scale run (0: skip)")
    args = parser.parse_args()
    rows = Table()

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp) / "site"
        builds = [timed_build(site) for _ in range(args.runs)]
        shipped = statistics.median(b[0] for b in builds)
        shipped_cpu = statistics.median(b[1] for b in builds)
        examples = len(list((ROOT / "docs/data/exempel").glob("*.yml")))
        pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/")]
        rows += [
            (f"build, shipped ({examples} examples; median of {args.runs}): wall / CPU (s)", f"{shipped:.1f} / {shipped_cpu:.1f}"),
            ("pages (both languages)", str(len(pages))),
            ("site/ size (MiB)", f"{size(site) / 2**20:.1f}"),
        ]
        for folder, lang in (("search", "sv"), ("en/search", "en")):
            rows.append((f"search index {lang} (KiB)", f"{(site / folder / 'search_index.json').stat().st_size / KIB:.0f}"))

        with serve(site) as base, chromium() as browser:
            for rel in KEY_PAGES:
                with fresh_page(browser) as page:
                    total = sum(first_view(page, base + rel).values())
                mark = "" if total <= BUDGET else f"  over {BUDGET // KIB}"
                rows.append((f"first view {rel} (KiB)", f"{total / KIB:.0f}{mark}"))
            for lang in SEARCHES:
                first, later = search_latency(browser, base, lang)
                rows.append((f"search {lang}: first results / later (ms)", f"{first:.0f} / {later:.0f}"))
            cards, median, worst = filter_times(browser, base)
            rows.append((f"catalogue filter, {cards} cards: per key median / worst (ms)", f"{median:.1f} / {worst:.1f}"))

        if args.examples:
            project = Path(tmp) / "scale"
            config = make_scale_copy(project, args.examples)
            scale_site = Path(tmp) / "scale-site"
            scale, scale_cpu = timed_build(scale_site, config=config)
            rows += [
                (
                    f"build, {examples + args.examples} examples: wall / CPU (s)",
                    f"{scale:.1f} / {scale_cpu:.1f} (CPU {scale_cpu / shipped_cpu:.1f}x shipped)",
                ),
                (f"site/ size, {examples + args.examples} examples (MiB)", f"{size(scale_site) / 2**20:.1f}"),
                (
                    f"search index sv, {examples + args.examples} examples (KiB)",
                    f"{(scale_site / 'search/search_index.json').stat().st_size / KIB:.0f}",
                ),
            ]
            with serve(scale_site) as base, chromium() as browser:
                cards, median, worst = filter_times(browser, base)
                rows.append((f"catalogue filter, {cards} cards: per key median / worst (ms)", f"{median:.1f} / {worst:.1f}"))
                first, later = search_latency(browser, base, "sv")
                rows.append((f"search sv, {examples + args.examples} examples: first / later (ms)", f"{first:.0f} / {later:.0f}"))

    return 0


if __name__ == "__main__":
    sys.exit(main())
