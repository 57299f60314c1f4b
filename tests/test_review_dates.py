"""Every page says when it was last reviewed, in its language; a missing or bad date stops the build."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import yaml

from macros import review
from tests.conftest import ROOT, mkdocs_build

MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
SHOWN = re.compile(r'<span class="md-source-file__fact">(Senast granskad|Last reviewed) <time datetime="([0-9-]+)">([^<]+)</time></span>')


def expected(date: dt.date, lang: str) -> str:
    months = MONTHS_SV if lang == "sv" else MONTHS_EN
    return f"{date.day} {months[date.month - 1]} {date.year}"


def source_date(site_rel: str) -> dt.date:
    """The date an editor wrote for a built page: front matter, or the example's YAML."""
    lang = "en" if site_rel.startswith("en/") else "sv"
    rel = site_rel[3:] if lang == "en" else site_rel
    match = re.fullmatch(r"exempel/([a-z0-9-]+)/index\.html", rel)
    if match:
        data = yaml.safe_load((ROOT / "docs" / "data" / "exempel" / f"{match.group(1)}.yml").read_text(encoding="utf-8"))
        return data["reviewed"]
    src = ROOT / "docs" / (rel[: -len(".html")] + (".en.md" if lang == "en" else ".md"))
    front = yaml.safe_load(src.read_text(encoding="utf-8").split("---\n")[1])
    return front["granskad"]


def test_every_page_shows_its_review_date_in_its_language(site):
    exempt = {p.removesuffix(".md") + ".html" for p in review.EXEMPT}  # the listings of data, the print edition
    assert exempt == {"exempel/index.html", "ordlista.html", "kallor.html", "utskrift.html"}
    checked = 0
    for path in site.pages():
        rel = site.rel(path)
        lang = "en" if rel.startswith("en/") else "sv"
        html = path.read_text(encoding="utf-8")
        found = SHOWN.findall(html)
        if rel.removeprefix("en/") in exempt:
            assert found == [], f"{rel}: a listing of data shows a page date"
            continue
        assert len(found) == 1, f"{rel}: {len(found)} review dates shown"
        label, iso, text = found[0]
        date = source_date(rel)
        assert label == ("Senast granskad" if lang == "sv" else "Last reviewed"), rel
        assert (iso, text) == (date.isoformat(), expected(date, lang)), rel
        checked += 1
    assert checked > 60


def test_the_date_is_at_the_foot_of_the_content_in_one_aside(site):
    """One consistent place: after the page text, inside the article, as Material's source-file aside."""
    html = site.read("en/ovningar/fasa-ut-tillsammans.html")
    article = html[html.index("<article") : html.index("</article>")]
    assert re.search(r'<aside class="md-source-file page-reviewed">\s*<span class="md-source-file__fact">Last reviewed <time', article)
    assert article.index("page-reviewed") > article.rindex("<h2")


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("---\ntitle: X\n---\n# X\n", "docs/x.md: granskad: granskningsdatum saknas (lägg till 'granskad: ÅÅÅÅ-MM-DD' i sidhuvudet)"),
        ("# X\n", "docs/x.md: granskad: granskningsdatum saknas (lägg till 'granskad: ÅÅÅÅ-MM-DD' i sidhuvudet)"),
        ("---\ntitle: X\ngranskad: igår\n---\n", "docs/x.md: granskad: ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte 'igår'"),
        (
            "---\ntitle: X\ngranskad: 2026-11-24 10:00\n---\n",
            "docs/x.md: granskad: ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte '2026-11-24 10:00'",
        ),
        (
            "---\ntitle: X\ngranskad: 2026-13-45\n---\n",
            "docs/x.md: rad 3: granskad: '2026-13-45' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-24)",
        ),
    ],
)
def test_a_missing_or_bad_date_is_one_line(source, problem):
    assert review.read_date(source, "docs/x.md") == (None, problem)


def test_a_good_date_is_read():
    assert review.read_date("---\ntitle: X\ngranskad: 2026-11-24\n---\n# X\n", "docs/x.md") == (dt.date(2026, 11, 24), None)


def test_the_data_listings_are_exempt_in_both_languages():
    suffixes = ("", ".en")
    assert review.is_exempt("ordlista.en.md", suffixes) and review.is_exempt("exempel/index.md", suffixes)
    assert not review.is_exempt("varfor.en.md", suffixes) and not review.is_exempt("index.md", suffixes)


def test_a_page_without_a_date_or_with_an_impossible_one_stops_the_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "*.zip"))
    hinder = project / "docs" / "hinder.md"
    hinder.write_text(re.sub(r"granskad: .*\n", "", hinder.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    varfor = project / "docs" / "varfor.en.md"
    varfor.write_text(re.sub(r"granskad: .*\n", "granskad: 2026-13-45\n", varfor.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    line = varfor.read_text(encoding="utf-8").splitlines().index("granskad: 2026-13-45") + 1
    proc = mkdocs_build(project / "out", config=project / "mkdocs.yml")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output
    assert "docs/hinder.md: granskad: granskningsdatum saknas (lägg till 'granskad: ÅÅÅÅ-MM-DD' i sidhuvudet)" in output
    assert f"docs/varfor.en.md: rad {line}: granskad: '2026-13-45' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-24)" in output
