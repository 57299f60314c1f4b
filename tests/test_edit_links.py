"""'Suggest a change' on every page when REPO_URL is set at build time; no link at all otherwise."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Site, mkdocs_build

EDIT = re.compile(r'<a href="([^"]*)" title="([^"]*)" aria-label="[^"]*" class="md-content__button md-icon" rel="edit">')
REPO = "https://git.example.org/region/klokare-vard"


@pytest.fixture(scope="module")
def site_with_repo(tmp_path_factory) -> Site:
    dest = tmp_path_factory.mktemp("edit") / "site"
    proc = mkdocs_build(dest, env={"REPO_URL": REPO})
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return Site(dest, proc.stdout + proc.stderr)


def test_no_edit_link_anywhere_without_a_repository(site):
    for path in site.pages():
        html = path.read_text(encoding="utf-8")
        assert 'rel="edit"' not in html, site.rel(path)
        assert 'data-md-component="source"' not in html  # and no repository widget (it would call the host's API)


@pytest.mark.parametrize(
    ("page", "source", "label"),
    [
        ("varfor.html", "docs/varfor.md", "Föreslå en ändring"),
        ("en/varfor.html", "docs/varfor.en.md", "Suggest a change"),
        ("risker/patientsakerhet.html", "docs/risker/patientsakerhet.md", "Föreslå en ändring"),
        ("exempel/wemind/index.html", "docs/data/exempel/wemind.yml", "Föreslå en ändring"),
        ("en/exempel/ryhov-medicin/index.html", "docs/data/exempel/ryhov-medicin.yml", "Suggest a change"),
    ],
)
def test_the_link_points_at_the_file_to_change(site_with_repo, page, source, label):
    assert EDIT.findall(site_with_repo.read(page)) == [(f"{REPO}/edit/main/{source}", label)]


def test_every_page_has_one_edit_link(site_with_repo):
    for path in site_with_repo.pages():
        html = path.read_text(encoding="utf-8")
        assert len(EDIT.findall(html)) == 1, site_with_repo.rel(path)
        assert 'data-md-component="source"' not in html
