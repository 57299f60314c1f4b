"""The page-weight budget of issue 12: what a key page costs before anyone touches it, and
exercise/catalogue code only on the pages that use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.firstview import BUDGET, KEY_PAGES, first_view, path_of

ROOT = Path(__file__).resolve().parent.parent
# The markup each group of page assets serves (overrides/render/exercise.html, catalogue.html).
MARKERS = {"exercise": 'class="exercise"', "catalogue": "data-catalogue"}


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python/name tags; their values do not matter here."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def page_assets() -> dict[str, list[str]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    groups = config["extra"]["page_assets"]
    return {name: [*g.get("css", []), *g.get("js", [])] for name, g in groups.items()}


REFERENCE = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"')


def references(html: str) -> set[str]:
    """The scripts and styles a page names, as paths from its own folder."""
    return set(REFERENCE.findall(html))


def test_the_marker_of_each_group_is_the_markup_its_code_serves(site):
    assert set(MARKERS) == set(page_assets()), "tests/test_budget.py MARKERS and mkdocs.yml extra.page_assets differ"
    for group, marker in MARKERS.items():
        assert any(marker in p.read_text(encoding="utf-8") for p in site.pages()), f"no page has {marker}"


@pytest.mark.parametrize("group", sorted(MARKERS))
def test_page_code_only_on_the_pages_that_use_it(site, group):
    files = page_assets()[group]
    users = 0
    for path in site.pages():
        html = path.read_text(encoding="utf-8")
        up = "../" * site.rel(path).count("/")
        named = {up + f for f in files} & references(html)
        if MARKERS[group] in html:
            users += 1
            assert named == {up + f for f in files}, f"{site.rel(path)} lacks {sorted({up + f for f in files} - named)}"
        else:
            assert not named, f"{site.rel(path)} loads {sorted(named)} but has no {MARKERS[group]}"
    assert users >= 2  # both languages


@pytest.mark.browser
@pytest.mark.parametrize("rel", KEY_PAGES)
def test_first_view_of_a_key_page_is_within_budget(page, server, rel):
    sizes = first_view(page, server + rel)
    fetched = {path_of(u, server): n for u, n in sizes.items()}
    total = sum(fetched.values())
    listing = "\n".join(f"{n:>8}  {u}" for u, n in sorted(fetched.items(), key=lambda kv: -kv[1]))
    assert total <= BUDGET, f"{rel}: {total} bytes before any interaction (budget {BUDGET}):\n{listing}"
    # What only a reader who searches or switches language needs is not fetched up front.
    assert not [u for u in fetched if "search_index" in u or "workers/search" in u or "sitemap" in u], listing
