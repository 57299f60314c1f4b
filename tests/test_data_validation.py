"""Malformed data gives one readable line naming file, entry and field; never a traceback.

Each case copies the real docs/data/ into a temporary docs/ folder, breaks one thing
and checks the loader's message. The last ones build a small project (conftest.mini_project)
with one broken thing and check that the build stops with that one line.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from macros.loader import DataError, load_site_data
from tests.conftest import ROOT, build_in_process, mini_project

EX = "docs/data/exempel/ryhov-medicin.yml"


@pytest.fixture
def docs(tmp_path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "data", target / "data")
    return target


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(docs: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_site_data(docs)
    return err.value.problems


def entry(data: list, entry_id: str) -> dict:
    return next(item for item in data if item["id"] == entry_id)


def test_the_real_data_is_valid():
    data = load_site_data(ROOT / "docs")
    assert len(data.examples) >= 15
    assert len(data.terms) >= 30
    assert data.sources and data.exercises


def test_wrong_type_names_file_field_and_value(docs):
    edit_yaml(docs.parent / EX, lambda d: d["results"][0].__setitem__("after", "många"))
    assert problems(docs) == [f"{EX}: results[0].after: must be a number, got 'många'"]


def test_yaml_syntax_error_has_a_line_number(docs):
    path = docs.parent / EX
    path.write_text(path.read_text(encoding="utf-8") + "\ntitle: [unclosed\n", encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: line ") and "YAML syntax error" in line


def test_missing_required_field(docs):
    edit_yaml(docs.parent / EX, lambda d: d.pop("summary"))
    assert problems(docs) == [f"{EX}: summary: is required but missing"]


def test_missing_english_text(docs):
    edit_yaml(docs.parent / EX, lambda d: d["title"].pop("en"))
    assert problems(docs) == [f"{EX}: title.en: English text is missing"]


def test_empty_swedish_text(docs):
    edit_yaml(docs.parent / EX, lambda d: d["summary"].__setitem__("sv", "  "))
    assert problems(docs) == [f"{EX}: summary.sv: Swedish text is empty"]


def test_unknown_enum_value_in_the_source_register(docs):
    path = docs / "data" / "kallor.yml"
    edit_yaml(path, lambda d: entry(d, "oecd-2017").__setitem__("kind", "bok"))
    (line,) = problems(docs)
    assert line.startswith("docs/data/kallor.yml: oecd-2017: kind: must be one of 'rapport', ")
    assert line.endswith("got 'bok'")


def test_unknown_vocabulary_id(docs):
    edit_yaml(docs.parent / EX, lambda d: d["professions"].append("astronaut"))
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: professions[") and "unknown profession" in line and "'astronaut'" in line


def test_unknown_kind(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("kind", "reform"))
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: kind: must be one of ") and line.endswith("got 'reform'")


def test_duplicate_id_in_the_glossary(docs):
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: d.append(dict(entry(d, "utmonstring"))))
    assert problems(docs) == ["docs/data/ordlista.yml: utmonstring: id: duplicate id (used by an earlier entry)"]


def test_unknown_source_id(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("sources", ["finns-inte"]))
    assert problems(docs) == [f"{EX}: sources[0]: unknown source id 'finns-inte'"]


def test_unknown_term_id_in_see_also(docs):
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: entry(d, "utmonstring").__setitem__("see_also", ["nope"]))
    assert problems(docs) == ["docs/data/ordlista.yml: utmonstring: see_also[0]: unknown term id 'nope'"]


def test_a_term_sharing_its_id_with_a_source_is_reported_in_the_glossary(docs):
    """'strama' is both a source and a term: the message must name the glossary."""
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: entry(d, "strama").__setitem__("sources", ["nope"]))
    assert problems(docs) == ["docs/data/ordlista.yml: strama: sources[0]: unknown source id 'nope'"]


def test_id_must_match_the_file_name(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("id", "ryhov"))
    assert problems(docs) == [f"{EX}: id: must equal the file name 'ryhov-medicin', got 'ryhov'"]


def test_empty_file(docs):
    (docs.parent / EX).write_text("# yaml-language-server: $schema=../../../schemas/exempel.schema.json\n", encoding="utf-8")
    assert problems(docs) == [f"{EX}: the file is empty"]


def test_misspelt_field_is_not_silently_dropped(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("sammanfattning", "x"))
    assert problems(docs) == [f"{EX}: sammanfattning: unknown field (check the spelling; see the schema in schemas/)"]


def test_a_field_given_twice(docs):
    path = docs.parent / EX
    path.write_text(path.read_text(encoding="utf-8") + "\nregion: Region Skåne\n", encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: line ") and "the field 'region' is given twice" in line


def test_bad_date(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("reviewed", "igår"))
    assert problems(docs) == [f"{EX}: reviewed: must be a date written YYYY-MM-DD, got 'igår'"]


def test_exercise_minutes_must_add_up(docs):
    path = docs / "data" / "ovningar" / "fasa-ut-tillsammans.yml"
    edit_yaml(path, lambda d: d.__setitem__("minutes", 35))
    (line,) = problems(docs)
    assert line == "docs/data/ovningar/fasa-ut-tillsammans.yml: minutes: the steps add up to 30, not 35"


def test_every_problem_is_reported_not_just_the_first(docs):
    edit_yaml(docs.parent / EX, lambda d: d.pop("summary"))
    edit_yaml(docs / "data" / "exempel" / "wemind.yml", lambda d: d.__setitem__("sources", ["x"]))
    edit_yaml(docs / "data" / "kallor.yml", lambda d: entry(d, "oecd-2017").__setitem__("year", "förr"))
    found = problems(docs)
    assert len(found) == 3
    assert "docs/data/exempel/wemind.yml: sources[0]: unknown source id 'x'" in found
    assert "docs/data/kallor.yml: oecd-2017: year: must be a whole number, got 'förr'" in found
    assert f"{EX}: summary: is required but missing" in found


BROKEN_VALUE = f"{EX}: results[0].after: must be a number, got 'många'"


@pytest.mark.parametrize("strict", [True, False])
def test_the_build_stops_with_one_line_and_no_traceback(tmp_path, caplog, strict):
    """Abort is what the mkdocs command prints as one line; any other exception is a traceback."""
    project = mini_project(tmp_path, {})
    edit_yaml(project / EX, lambda d: d["results"][0].__setitem__("after", "många"))
    with pytest.raises(Abort):
        build_in_process(project, strict=strict)
    assert BROKEN_VALUE in [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not (project / "out" / "index.html").exists(), "nothing is built"


def test_the_mkdocs_command_prints_the_line_and_no_traceback(tmp_path):
    """The same through the command a user types (it stops before any page is built)."""
    project = mini_project(tmp_path, {})
    edit_yaml(project / EX, lambda d: d["results"][0].__setitem__("after", "många"))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
        cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert BROKEN_VALUE in output
    assert "Traceback" not in output


def test_an_unknown_id_in_a_page_stops_the_build_without_traceback(tmp_path, caplog):
    project = mini_project(tmp_path, {"hinder.md": '# Hinder\n\nSe {{ kalla("ingen-sadan-kalla") }}.\n'})
    with pytest.raises(Abort):
        build_in_process(project, nav=["hinder.md"])
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert "docs/hinder.md: kalla('ingen-sadan-kalla'): unknown source id 'ingen-sadan-kalla'" in errors
