"""`make bench`: how long a strict build takes and how heavy the output is.

Speed and size are measured here, not asserted in timed tests. Prints one table.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import mkdocs_build


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(runs: int = 2) -> int:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "site"
        for _ in range(runs):
            start = time.perf_counter()
            proc = mkdocs_build(dest)
            times.append(time.perf_counter() - start)
            if proc.returncode != 0:
                print(proc.stdout + proc.stderr)
                return 1
        pages = [p for p in dest.rglob("*.html") if not p.relative_to(dest).as_posix().startswith("assets/")]
        own_js = size(dest / "javascripts")
        own_css = size(dest / "stylesheets")
        heaviest = max(pages, key=lambda p: p.stat().st_size)
        rows = [
            ("strict build, median of %d (s)" % runs, f"{statistics.median(times):.1f}"),
            ("pages (both languages)", str(len(pages))),
            ("site/ total (MiB)", f"{size(dest) / 2**20:.1f}"),
            ("largest page (KiB)", f"{heaviest.stat().st_size / 1024:.0f} ({heaviest.relative_to(dest)})"),
            ("median page (KiB)", f"{statistics.median(p.stat().st_size for p in pages) / 1024:.0f}"),
            ("search index sv / en (KiB)", f"{(dest / 'search/search_index.json').stat().st_size / 1024:.0f} / "
                                           f"{(dest / 'en/search/search_index.json').stat().st_size / 1024:.0f}"),
            ("site's own JS / CSS (KiB)", f"{own_js / 1024:.0f} / {own_css / 1024:.0f}"),
        ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
