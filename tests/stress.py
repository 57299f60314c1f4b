"""`make stress`: the browser tests several times in a row on a busy machine.

A flaky test passes or fails by machine load. This runs `pytest -m browser` RUNS times
(default 5) while a second strict build of the site runs over and over beside it (the
load a developer's editor, a `make serve` or another test run would make), and prints
how many runs were green. Exit status 0 only if every run was green.

    make stress                   # 5 runs
    make stress STRESS_RUNS=10    # more
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(runs: int) -> int:
    green = 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        # The load: strict builds one after another, into a folder of its own.
        loop = f'while :; do "{sys.executable}" -m mkdocs build --quiet --strict --site-dir "{tmp}/site" || exit 1; done'
        load = subprocess.Popen(
            ["bash", "-c", loop], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            for run in range(1, runs + 1):
                start = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "pytest", "-m", "browser", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=env)
                took = time.perf_counter() - start
                green += proc.returncode == 0
                state = "green" if proc.returncode == 0 else f"RED (exit {proc.returncode})"
                print(f"stress run {run} of {runs}: {state} in {took:.0f} s, with a build running beside it", flush=True)
                if load.poll() is not None:
                    print("the background build stopped: the load is gone", flush=True)
                    return 1
        finally:
            os.killpg(load.pid, signal.SIGTERM)  # the loop and the build it is running
            load.wait()
    print(f"stress: {green} of {runs} runs green")
    return 0 if green == runs else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
