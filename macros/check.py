"""`make check`: the editor's check before a pull request, without a browser.

1. the data in docs/data/ (one line per problem);
2. a strict build of both languages into a temporary folder (site/ is left alone);
3. every internal link and #anchor in the built pages.

Exit code 0 when all three pass. `make test` remains the full suite (browser, accessibility).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .loader import DataError, load_site_data
from .sitecheck import broken_links

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    started = time.monotonic()
    print("1/3 Kontrollerar data i docs/data/ …", flush=True)
    try:
        load_site_data(ROOT / "docs")
    except DataError as err:
        print("\n".join(err.problems))
        print(f"Stopp: {len(err.problems)} problem i docs/data/ (se raderna ovan).")
        return 1
    print("2/3 Bygger webbplatsen strikt (båda språken) …", flush=True)
    with tempfile.TemporaryDirectory(prefix="klokare-check-") as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
        proc = subprocess.run(cmd, cwd=ROOT, env=env)
        if proc.returncode != 0:
            print("Stopp: bygget misslyckades (se raderna ovan).")
            return 1
        print("3/3 Kontrollerar interna länkar och ankare …", flush=True)
        checked, broken = broken_links(site)
    if broken:
        print("\n".join(broken))
        print(f"Stopp: {len(broken)} av {checked} interna länkar leder ingenstans.")
        return 1
    print(f"Klart: data, bygge och {checked} interna länkar är i ordning ({time.monotonic() - started:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
