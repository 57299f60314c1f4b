"""`make audit`: Lighthouse (mobile, default throttling) on the key pages of the built site.

Optional, and not part of `make test`: it needs Node.js, because npx fetches Lighthouse
from the npm registry, and it drives Debian's Chromium. site/ is served uncompressed by
Python's http.server (tests/conftest.serve), as many intranets serve it, on the port of the default SITE_URL so
that canonical and hreflang addresses match.

A Lighthouse performance score moves by a few hundredths from one run to the next on the
same build (Lighthouse's own advice is to look at the median of several runs), so each
page is audited RUNS times: the table shows the median performance with the lowest and
highest, and the lowest of the other scores. Reports: .cache/lighthouse/<page>-<run>.report.html
and .json.

The column "LCP late" counts the runs whose largest paint (the intro paragraph) came more than
LATE_LCP after the first paint. Material's bundle is a synchronous script at the end of the
page; when it has run before the paragraph was painted in the load Lighthouse observes (most
runs), Lighthouse's simulation counts the bundle's download and evaluation in the LCP, about
a second more than in a run where the paragraph was painted first.

    make audit                                  # the key pages, 3 runs each
    make audit AUDIT_RUNS=5 AUDIT_PAGES="ordlista.html en/index.html"
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from macros.pdf import CHROMIUM
from tests.conftest import serve
from tests.firstview import KEY_PAGES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".cache" / "lighthouse"
GOAL = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LATE_LCP = 500  # ms after FCP


def lighthouse(lighthouse: str, url: str, stem: Path) -> dict:
    cmd = ["npx", "--yes", lighthouse, url, "--quiet", "--chrome-flags=--headless --no-sandbox"]
    cmd += ["--output=json", "--output=html", f"--output-path={stem}"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(stem.with_suffix(".report.json").read_text(encoding="utf-8"))


def summary(page: str, reports: list[dict]) -> tuple[str, list[str]]:
    """One line of the table and the goals this page misses."""
    perf = [r["categories"]["performance"]["score"] for r in reports]
    lowest = {k: min(r["categories"][k]["score"] for r in reports) for k in GOAL if k != "performance"}
    audits = [r["audits"] for r in reports]
    lcp = statistics.median(a["largest-contentful-paint"]["numericValue"] for a in audits)
    tbt = statistics.median(a["total-blocking-time"]["numericValue"] for a in audits)
    weight = max(a["total-byte-weight"]["numericValue"] for a in audits) / 1024
    late = sum(a["largest-contentful-paint"]["numericValue"] - a["first-contentful-paint"]["numericValue"] > LATE_LCP for a in audits)
    line = (
        f"{page:<36} {statistics.median(perf):.2f} ({min(perf):.2f}–{max(perf):.2f})  "
        + "  ".join(f"{lowest[k]:.2f}" for k in lowest)
        + f"  {lcp / 1000:4.1f} s  {tbt:4.0f} ms  {weight:4.0f} KiB  {late}/{len(audits)}"
    )
    missed = [f"performance {statistics.median(perf):.2f}"] if statistics.median(perf) < GOAL["performance"] else []
    missed += [f"{k} {v:.2f}" for k, v in lowest.items() if v < GOAL[k]]
    return line, missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--lighthouse", default="lighthouse@12.8.2")
    parser.add_argument("pages", nargs="*", default=KEY_PAGES)
    args = parser.parse_args()
    if not shutil.which("npx"):
        print("make audit needs Node.js (npx); skipped", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    misses = []
    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(serve(ROOT / "site", args.port))
        except OSError as err:
            raise SystemExit(f"make audit: cannot serve site/ on port {args.port}: {err.strerror}") from None
        print(f"{'page':<36} perf: median (low–high)  lowest a11y, BP, SEO  median LCP, TBT  most weight  LCP late", flush=True)
        for page in args.pages:
            name = page.removesuffix(".html").replace("/", "_")
            reports = [lighthouse(args.lighthouse, base + page, OUT / f"{name}-{run}") for run in range(1, args.runs + 1)]
            line, missed = summary(page, reports)
            print(line, flush=True)
            misses += [f"{page}: {m}" for m in missed]
    goals = ", ".join(f"{k} ≥ {v:.2f}" for k, v in GOAL.items())
    print(f"\nGoals ({goals}): " + ("all met" if not misses else "missed by " + "; ".join(misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
