"""`make granska`: what was reviewed longest ago, oldest first, with its file; --strict fails on it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
import yaml

from macros import due
from tests.conftest import ROOT

TODAY = "2026-11-25"


@pytest.fixture
def docs(tmp_path):
    """The real data, every record dated today, and three pages of different ages."""
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "data", target / "data")
    for name in ("kallor.yml", "ordlista.yml"):
        path = target / "data" / name
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        for record in records:
            record["reviewed"] = dt.date(2026, 11, 25)
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in (target / "data" / "exempel").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            "\n".join("reviewed: 2026-11-25" if line.startswith("reviewed:") else line for line in text.splitlines()) + "\n",
            encoding="utf-8",
        )
    page = "---\ntitle: {title}\n{front}---\n\n# {title}\n"
    (target / "varfor.md").write_text(page.format(title="Varför", front="granskad: 2025-06-01\n"), encoding="utf-8")
    (target / "varfor.en.md").write_text(page.format(title="Why", front="granskad: 2026-10-01\n"), encoding="utf-8")
    (target / "hinder.md").write_text(page.format(title="Hinder", front=""), encoding="utf-8")
    (target / "ordlista.md").write_text(page.format(title="Ordlista", front=""), encoding="utf-8")  # a data listing: exempt
    return target


def set_reviewed(path, entry_id, date):
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(r for r in records if r["id"] == entry_id)["reviewed"] = date
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def run(docs, *args, capsys):
    code = due.main(["--docs", str(docs), "--idag", TODAY, *args])
    return code, capsys.readouterr().out.splitlines()


def test_lists_what_is_older_than_twelve_months_oldest_first_with_its_file(docs, capsys):
    set_reviewed(docs / "data" / "kallor.yml", "oecd-2017", dt.date(2024, 1, 15))
    set_reviewed(docs / "data" / "ordlista.yml", "utmonstring", dt.date(2025, 3, 2))
    ex = docs / "data" / "exempel" / "wemind.yml"
    ex.write_text(ex.read_text(encoding="utf-8").replace("reviewed: 2026-11-25", "reviewed: 2025-11-24"), encoding="utf-8")
    code, lines = run(docs, capsys=capsys)
    assert code == 0
    assert lines[0].startswith("5 av ") and "före 2025-11-25 (12 månader)" in lines[0]
    assert [line.split() for line in lines[1:]] == [
        ["saknar", "datum", "sida", "docs/hinder.md"],
        ["2024-01-15", "källa", "docs/data/kallor.yml:", "oecd-2017"],
        ["2025-03-02", "begrepp", "docs/data/ordlista.yml:", "utmonstring"],
        ["2025-06-01", "sida", "docs/varfor.md"],
        ["2025-11-24", "exempel", "docs/data/exempel/wemind.yml"],
    ]


def test_the_age_is_configurable(docs, capsys):
    code, lines = run(docs, "--manader", "2", capsys=capsys)
    assert [line.split()[-1] for line in lines[1:]] == ["docs/hinder.md", "docs/varfor.md"]
    code, lines = run(docs, "--manader", "1", capsys=capsys)
    assert [line.split()[-1] for line in lines[1:]] == ["docs/hinder.md", "docs/varfor.md", "docs/varfor.en.md"]


def test_strict_exits_non_zero_only_when_something_is_due(docs, capsys):
    assert run(docs, "--strict", capsys=capsys)[0] == 1
    (docs / "hinder.md").write_text("---\ntitle: Hinder\ngranskad: 2026-11-01\n---\n", encoding="utf-8")
    (docs / "varfor.md").write_text("---\ntitle: Varför\ngranskad: 2026-11-01\n---\n", encoding="utf-8")
    code, lines = run(docs, "--strict", capsys=capsys)
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("Inget behöver granskas: allt (")
    assert lines[0].endswith("sidor och poster) är granskat 2025-11-25 eller senare.")


def test_months_are_calendar_months():
    assert due.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert due.months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)


def test_make_granska_runs_on_the_real_site():
    proc = subprocess.run(["make", "-s", "granska"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "sidor och poster" in proc.stdout
    strict = subprocess.run(["make", "-s", "granska", "MANADER=0", "STRICT=1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert strict.returncode != 0 and "0 månader" in strict.stdout
