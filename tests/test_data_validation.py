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
    assert problems(docs) == [f"{EX}: results[0].after: ska vara ett tal, inte 'många'"]


def test_yaml_syntax_error_has_a_line_number(docs):
    path = docs.parent / EX
    path.write_text(path.read_text(encoding="utf-8") + "\ntitle: [unclosed\n", encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: rad ") and "YAML-syntaxfel" in line


def test_missing_required_field(docs):
    edit_yaml(docs.parent / EX, lambda d: d.pop("summary"))
    assert problems(docs) == [f"{EX}: summary: fältet krävs men saknas (se mallen i docs/data/mallar/)"]


def test_missing_english_text(docs):
    edit_yaml(docs.parent / EX, lambda d: d["title"].pop("en"))
    assert problems(docs) == [f"{EX}: title.en: den engelska texten saknas (lägg till en: under fältet)"]


def test_empty_swedish_text(docs):
    edit_yaml(docs.parent / EX, lambda d: d["summary"].__setitem__("sv", "  "))
    assert problems(docs) == [f"{EX}: summary.sv: den svenska texten är tom"]


def test_unknown_enum_value_in_the_source_register(docs):
    path = docs / "data" / "kallor.yml"
    edit_yaml(path, lambda d: entry(d, "oecd-2017").__setitem__("kind", "bok"))
    (line,) = problems(docs)
    assert line.startswith("docs/data/kallor.yml: oecd-2017: kind: ska vara ett av 'rapport', ")
    assert line.endswith("eller 'lag', inte 'bok'")


def test_a_register_text_is_one_text_or_both_languages(docs):
    """publisher, short and title: one text (a name, a published title) or sv and en, both given."""
    path = docs / "data" / "kallor.yml"

    def change(d):
        entry(d, "oecd-2017")["title"] = {"sv": "Bara svenska"}
        entry(d, "strama")["publisher"] = "  "

    edit_yaml(path, change)
    assert sorted(problems(docs)) == [
        "docs/data/kallor.yml: oecd-2017: title.en: den engelska texten saknas (lägg till en: under fältet)",
        "docs/data/kallor.yml: strama: publisher: får inte vara tomt",
    ]


def test_a_register_year_may_be_left_out_and_own_texts_have_two_languages():
    data = load_site_data(ROOT / "docs")
    assert data.sources["sbu-begrepp"].year is None  # the source material gives no year
    assert data.sources["oecd-2017"].title.sv == data.sources["oecd-2017"].title.en  # a published title
    thesis = data.sources["avhandling-2025"]
    assert (thesis.short.sv, thesis.short.en) == ("Avhandling", "Doctoral thesis")


def test_unknown_vocabulary_id(docs):
    edit_yaml(docs.parent / EX, lambda d: d["professions"].append("astronaut"))
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: professions[") and "finns inte i docs/data/vokabular.yml: professions" in line and "'astronaut'" in line


def test_unknown_kind(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("kind", "reform"))
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: kind: ska vara ett av ") and "inte 'reform'" in line


def test_duplicate_id_in_the_glossary(docs):
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: d.append(dict(entry(d, "utmonstring"))))
    assert problems(docs) == [
        "docs/data/ordlista.yml: utmonstring: id: id:t finns redan (en tidigare post har samma id; byt id på den nya)"
    ]


def test_unknown_source_id(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("sources", ["finns-inte"]))
    assert problems(docs) == [f"{EX}: sources[0]: okänt id 'finns-inte': finns inte i docs/data/kallor.yml"]


def test_unknown_term_id_in_see_also(docs):
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: entry(d, "utmonstring").__setitem__("see_also", ["nope"]))
    assert problems(docs) == ["docs/data/ordlista.yml: utmonstring: see_also[0]: okänt id 'nope': finns inte i docs/data/ordlista.yml"]


def test_a_term_sharing_its_id_with_a_source_is_reported_in_the_glossary(docs):
    """'strama' is both a source and a term: the message must name the glossary."""
    path = docs / "data" / "ordlista.yml"
    edit_yaml(path, lambda d: entry(d, "strama").__setitem__("sources", ["nope"]))
    assert problems(docs) == ["docs/data/ordlista.yml: strama: sources[0]: okänt id 'nope': finns inte i docs/data/kallor.yml"]


def test_id_must_match_the_file_name(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("id", "ryhov"))
    assert problems(docs) == [f"{EX}: id: ska vara samma som filnamnet 'ryhov-medicin', inte 'ryhov'"]


def test_empty_file(docs):
    (docs.parent / EX).write_text("# yaml-language-server: $schema=../../../schemas/exempel.schema.json\n", encoding="utf-8")
    assert problems(docs) == [f"{EX}: filen är tom (fyll i den från mallen i docs/data/mallar/ eller ta bort den)"]


def test_misspelt_field_is_not_silently_dropped(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("sammanfattning", "x"))
    assert problems(docs) == [f"{EX}: sammanfattning: okänt fält (kontrollera stavningen; se schemat i schemas/)"]


def test_a_field_given_twice(docs):
    path = docs.parent / EX
    path.write_text(path.read_text(encoding="utf-8") + "\nregion: Region Skåne\n", encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: rad ") and line.endswith(": region: fältet 'region' står två gånger (ta bort det ena)")


def test_bad_date(docs):
    edit_yaml(docs.parent / EX, lambda d: d.__setitem__("reviewed", "igår"))
    assert problems(docs) == [f"{EX}: reviewed: ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte 'igår'"]


def test_exercise_minutes_must_add_up(docs):
    path = docs / "data" / "ovningar" / "fasa-ut-tillsammans.yml"
    edit_yaml(path, lambda d: d.__setitem__("minutes", 35))
    (line,) = problems(docs)
    assert line == "docs/data/ovningar/fasa-ut-tillsammans.yml: minutes: stegen blir sammanlagt 30 minuter, inte 35"


def test_every_problem_is_reported_not_just_the_first(docs):
    edit_yaml(docs.parent / EX, lambda d: d.pop("summary"))
    edit_yaml(docs / "data" / "exempel" / "wemind.yml", lambda d: d.__setitem__("sources", ["x"]))
    edit_yaml(docs / "data" / "kallor.yml", lambda d: entry(d, "oecd-2017").__setitem__("year", "förr"))
    found = problems(docs)
    assert len(found) == 3
    assert "docs/data/exempel/wemind.yml: sources[0]: okänt id 'x': finns inte i docs/data/kallor.yml" in found
    assert "docs/data/kallor.yml: oecd-2017: year: ska vara ett heltal, inte 'förr'" in found
    assert f"{EX}: summary: fältet krävs men saknas (se mallen i docs/data/mallar/)" in found


BROKEN_VALUE = f"{EX}: results[0].after: ska vara ett tal, inte 'många'"


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
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
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
    assert "docs/hinder.md: kalla('ingen-sadan-kalla'): okänt id 'ingen-sadan-kalla': finns inte i docs/data/kallor.yml" in errors


SUMMARY = "docs/data/chefsunderlag.yml"


def test_manager_summary_lines_are_one_line(docs):
    edit_yaml(docs / "data" / "chefsunderlag.yml", lambda d: d["success_factors"][0]["line"].__setitem__("sv", "ord " * 60))
    expected = f"{SUMMARY}: success_factors[0].line: sv: håll det till en rad på högst 160 tecken (det är en tabellrad på A4)"
    assert problems(docs) == [expected]


def test_manager_summary_ids_are_unique(docs):
    edit_yaml(docs / "data" / "chefsunderlag.yml", lambda d: d["risks"][2].__setitem__("id", d["risks"][3]["id"]))
    assert problems(docs) == [f"{SUMMARY}: risks: två rader har id:t 'gora-mindre'"]


def test_manager_summary_sources_must_exist(docs):
    edit_yaml(docs / "data" / "chefsunderlag.yml", lambda d: d["risks"][1].__setitem__("sources", ["ingen-sadan"]))
    assert problems(docs) == [f"{SUMMARY}: risks[1] matbart: sources[0]: okänt id 'ingen-sadan': finns inte i docs/data/kallor.yml"]


def test_manager_summary_file_is_required(docs):
    (docs / "data" / "chefsunderlag.yml").unlink()
    assert problems(docs) == [f"{SUMMARY}: filen saknas"]


def test_a_date_the_yaml_reader_rejects_is_one_line_with_line_and_field(docs):
    """PyYAML builds `2026-13-45` as a date itself and raises ValueError: no traceback, one line."""
    path = docs.parent / EX
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("reviewed:"))
    path.write_text(text.replace(lines[number - 1], "reviewed: 2026-13-45"), encoding="utf-8")
    assert problems(docs) == [f"{EX}: rad {number}: reviewed: '2026-13-45' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-24)"]


def test_a_nested_value_the_yaml_reader_rejects_names_its_field(docs):
    path = docs / "data" / "kallor.yml"
    text = path.read_text(encoding="utf-8")
    entry_text = "- id: ny-kalla\n  publisher: X\n  title: Y\n  year: 2024\n  kind: rapport\n  note: {sv: 2024-02-30, en: x}\n"
    path.write_text(text + entry_text, encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith("docs/data/kallor.yml: rad ")
    assert line.endswith(": ny-kalla: note.sv: '2024-02-30' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-24)")


def test_a_list_as_a_field_name_is_one_line(docs):
    path = docs.parent / EX
    path.write_text(path.read_text(encoding="utf-8") + "\n? [a, b]\n: c\n", encoding="utf-8")
    (line,) = problems(docs)
    assert line.startswith(f"{EX}: rad ") and "en lista eller samling kan inte vara ett fältnamn" in line


def test_no_english_words_in_the_messages(docs):
    """Every kind of problem at once; none of the lines carries pydantic's or PyYAML's English."""
    edit_yaml(docs.parent / EX, lambda d: d.update(summary=3, title={"sv": "x"}, results=[{"what": {"sv": "a", "en": "b"}}], extra=1))
    edit_yaml(docs / "data" / "kallor.yml", lambda d: entry(d, "oecd-2017").update(year=1800, url="ftp://x", kind="bok"))
    found = problems(docs)
    assert len(found) >= 6
    english = ("must", "got", "missing", "required", "unknown", "field", "should", "Input", "valid")
    assert [line for line in found if any(word in line.split(": ", 1)[1] for word in english)] == []
