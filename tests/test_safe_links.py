"""No live script through a link: content links only to http, https, mailto, tel, relative or #.

Each dangerous variant is tried in a YAML Markdown field (the loader names file and field)
and in a page (the build names page and line and stops, without a traceback).
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from macros.loader import DataError, load_site_data
from macros.safelinks import is_unsafe, unsafe_links_in_html, unsafe_links_in_markdown
from tests.conftest import ROOT, mkdocs_build

EX = "docs/data/exempel/ryhov-medicin.yml"
RULE = "är inte tillåten: bara http, https, mailto, tel, relativa länkar och # (ta bort eller rätta länken)"

# (Markdown as an editor might write it, the link target as the message shows it)
DANGEROUS = [
    ("[klicka](javascript:alert(8))", "javascript:alert(8)"),
    ("[klicka](JavaScript:alert(8))", "JavaScript:alert(8)"),
    ("[klicka](JAVASCRIPT:alert(8))", "JAVASCRIPT:alert(8)"),
    ("[klicka]( javascript:alert(8))", "javascript:alert(8)"),
    ("[klicka](<javascript:alert(8)>)", "javascript:alert(8)"),
    ("[klicka](java&#x09;script:alert(8))", "java\tscript:alert(8)"),
    ("[klicka](&#106;avascript:alert(8))", "javascript:alert(8)"),
    ("[klicka](&#x4A;avascript&#58;alert(8))", "Javascript:alert(8)"),
    ("[klicka](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4="),
    ("![bild](DATA:image/svg+xml,<svg/onload=alert(8)>)", None),
    ("[klicka](vbscript:msgbox(8))", "vbscript:msgbox(8)"),
    ("[klicka][mal]\n\n[mal]: javascript:alert(8)", "javascript:alert(8)"),
    ('<a href="javascript:alert(8)">klicka</a>', "javascript:alert(8)"),
    ("<a href=' jAvAsCrIpT:alert(8)'>klicka</a>", " jAvAsCrIpT:alert(8)"),
    ('<img src="data:image/png;base64,AAAA" alt="">', "data:image/png;base64,AAAA"),
]

SAFE = [
    "[OECD](https://www.oecd.org/health/)",
    "[webb](http://example.org)",
    "[mejla](mailto:info@example.org)",
    "[ring](tel:+4612345678)",
    "[ordlista](../ordlista.md#utmonstring)",
    "[upp](#resultat)",
    "Kl. 08:00 och 10:30: prover tas; se [källan](kallor.md).",
]


@pytest.mark.parametrize(("text", "_"), DANGEROUS)
def test_every_dangerous_variant_is_found_in_markdown(text, _):
    assert unsafe_links_in_markdown(text) != []


@pytest.mark.parametrize("text", SAFE)
def test_safe_links_pass(text):
    assert unsafe_links_in_markdown(text) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:x",
        "JAVASCRIPT:x",
        "\tjava\nscript:x",
        "\x01javascript:x",
        "&#106;avascript:x",
        "&amp;#106;avascript:x",
        "data:x",
        "vbscript:x",
        "ftp://x",
        "file:///etc/passwd",
    ],
)
def test_unsafe_schemes(url):
    assert is_unsafe(url)


@pytest.mark.parametrize("url", ["https://x.se", "HTTP://x.se", "mailto:a@b.se", "tel:123", "../a.html#b", "#b", "a.html", "?q=1", ""])
def test_safe_targets(url):
    assert not is_unsafe(url)


def test_html_attributes_are_read_with_entities_decoded():
    html = '<p><a href="&#106;avascript:x">a</a><img src="ok.png" srcset="a.png 1x, data:x 2x"><form action="vbscript:y"></form></p>'
    assert unsafe_links_in_html(html) == ["javascript:x", "data:x", "vbscript:y"]


# --- in the data ------------------------------------------------------------------------


@pytest.fixture
def docs(tmp_path):
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "data", target / "data")
    return target


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(docs):
    with pytest.raises(DataError) as err:
        load_site_data(docs)
    return err.value.problems


def test_each_variant_in_an_example_body_is_one_line_naming_file_and_field(docs):
    """All variants at once, one per paragraph added to the body (its headings stay, as the
    English body has them): one line each."""
    edit_yaml(
        docs.parent / EX, lambda d: d["body"].__setitem__("sv", d["body"]["sv"] + "\n\n" + "\n\n".join(text for text, _ in DANGEROUS))
    )
    found = problems(docs)
    assert all(line.startswith(f"{EX}: body.sv: länken '") and line.endswith(RULE) for line in found)
    shown = {line.split("'")[1] for line in found}
    assert shown == {
        "javascript:alert(8)",
        "JavaScript:alert(8)",
        "JAVASCRIPT:alert(8)",
        "java script:alert(8)",
        "Javascript:alert(8)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:image/svg+xml,<svg/onload=alert(8)>",
        "vbscript:msgbox(8)",
        "jAvAsCrIpT:alert(8)",
        "data:image/png;base64,AAAA",
    }
    assert len(found) == len(shown)  # one line per distinct link in the field


def test_a_link_in_a_plain_field_is_found_too(docs):
    """Titles and table cells pass through Markdown on the pages as well."""
    edit_yaml(docs.parent / EX, lambda d: d["results"][0]["what"].__setitem__("en", "[x](vbscript:msgbox(1))"))
    assert problems(docs) == [f"{EX}: results[0].what.en: länken 'vbscript:msgbox(1)' {RULE}"]


def test_a_link_in_the_glossary_and_an_exercise(docs):
    edit_yaml(docs / "data" / "ordlista.yml", lambda d: d[0]["definition"].__setitem__("sv", "Se [här](javascript:alert(1))."))
    path = docs / "data" / "ovningar" / "fasa-ut-tillsammans.yml"
    edit_yaml(path, lambda d: d["slides"][0].__setitem__("points", {"sv": ["[a](data:x)"], "en": ["b"]}))
    term_id = yaml.safe_load((docs / "data" / "ordlista.yml").read_text(encoding="utf-8"))[0]["id"]
    assert problems(docs) == [
        f"docs/data/ordlista.yml: {term_id}: definition.sv: länken 'javascript:alert(1)' {RULE}",
        f"docs/data/ovningar/fasa-ut-tillsammans.yml: slides[0].points.sv[0]: länken 'data:x' {RULE}",
    ]


# --- in a page --------------------------------------------------------------------------


def test_a_dangerous_link_in_a_page_stops_the_build_naming_page_and_line(tmp_path):
    project = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "*.zip")
    shutil.copytree(ROOT, project, ignore=ignore)
    page = project / "docs" / "hinder.md"
    before = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    first = before.count("\n") + 2  # the variants start after one blank line
    added = "\n".join(f"{text}\n" for text, _ in DANGEROUS if "\n" not in text)
    page.write_text(before + "\n" + added, encoding="utf-8")
    proc = mkdocs_build(project / "out", config=project / "mkdocs.yml")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output
    assert f"docs/hinder.md: rad {first}: länken 'javascript:alert(8)' {RULE}" in output
    assert f"docs/hinder.md: rad {first + 2}: länken 'JavaScript:alert(8)' {RULE}" in output
    assert "länken 'vbscript:msgbox(8)'" in output and "länken 'data:image/png;base64,AAAA'" in output
    assert "länken 'jAvAsCrIpT:alert(8)'" in output
