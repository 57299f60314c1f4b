"""`make check`: data, strict build and internal links, without a browser, in one command."""

from __future__ import annotations

import subprocess
import time

from tests.conftest import ROOT


def test_make_check_passes_on_the_site_and_says_so():
    started = time.monotonic()
    proc = subprocess.run(["make", "-s", "check"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "1/3 Kontrollerar data" in output and "3/3 Kontrollerar interna länkar" in output
    assert "Klart: data, bygge och " in output
    assert "WARNING" not in output and "Traceback" not in output
    print(f"make check took {time.monotonic() - started:.1f} s")  # the goal is ≤ 30 s on a warm, quiet machine
