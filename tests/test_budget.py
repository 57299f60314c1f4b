"""The page-weight budget of issue 12: what a key page costs before anyone touches it, and
exercise/catalogue code only on the pages that use it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from macros import htmlfix, palette
from tests.firstview import BUDGET, CEILINGS, KEY_PAGES, first_view, path_of

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
    for marker in MARKERS.values():
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


def test_indentation_goes_but_preformatted_text_stays():
    html = "<div>\n    <p>a\n      b</p>\n<pre>\n  x\n    y\n</pre>\n  <textarea>\n 1\n</textarea>  \n  <script>\n  f()\n</script></div>"
    assert (
        htmlfix.collapse_whitespace(html)
        == "<div>\n<p>a\nb</p>\n<pre>\n  x\n    y\n</pre>\n<textarea>\n 1\n</textarea>\n<script>\n  f()\n</script></div>"
    )


def test_the_palette_keeps_the_schemes_and_the_colours_in_use_and_drops_the_rest():
    css = (
        "[data-md-color-primary=red]{--a:1}"
        "@media screen{[data-md-color-scheme=slate]{--b:2}[data-md-color-scheme=slate][data-md-color-primary=pink]{--c:3}}"
        "[data-md-color-accent=red],[data-md-color-accent=custom]{--d:4}"
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate],.x){--e:5}"
        "@media screen and (min-width:60em){[data-md-color-primary=white] .md-search__form{--f:6}}"
    )
    used = palette.used_colours([{"primary": "custom", "accent": "custom"}, {"scheme": "slate", "primary": "custom", "accent": "custom"}])
    assert palette.prune(css, used) == "@media screen{[data-md-color-scheme=slate]{--b:2}}[data-md-color-accent=custom]{--d:4}"
    assert palette.used_colours({"primary": "deep purple"}) == {"primary": {"deep-purple"}, "accent": {"indigo"}}
    with pytest.raises(palette.PaletteError):
        palette.prune("a{b:c}}", used)


def test_the_built_palette_is_cut_to_the_site_colours(site):
    (css,) = (site.root / "assets" / "stylesheets").glob("palette.*.min.css")
    text = css.read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in text and "color-scheme:dark" in text
    assert "data-md-color-primary=" not in text and "data-md-color-accent=" not in text
    assert len(text.encode()) < 4000
    assert not list(css.parent.glob("palette.*.map"))


def test_nothing_of_ours_holds_up_the_first_view(site):
    """No script file in <head> (the shim comes before Material's bundle at the end) and the
    paper styles only for paper: the stylesheets a page waits for are Material's and site.css."""
    for path in site.pages():
        rel = site.rel(path)
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert not re.search(r"<script[^>]*\ssrc=", head), f"{rel}: a script file in <head>"
        styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"( media="print")?>', head)
        blocking = [href.rsplit("/", 2)[-1] for href, media in styles if not media]
        assert "site.css" in blocking and "print.css" not in blocking, rel
        assert any(href.endswith("stylesheets/print.css") and media for href, media in styles), rel


def test_over_budget_pages_are_key_pages_and_the_rest_meet_the_goal():
    assert set(CEILINGS) <= set(KEY_PAGES)
    assert all(limit > BUDGET for limit in CEILINGS.values())
    assert len(CEILINGS) < len(KEY_PAGES), "no key page meets the 300 KiB goal any more"


@pytest.mark.browser
@pytest.mark.parametrize("rel", KEY_PAGES)
def test_first_view_of_a_key_page_is_within_budget(page, server, rel):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sizes = first_view(page, server + rel)
    assert errors == [], f"{rel}: console errors {errors}"
    fetched = {path_of(u, server): n for u, n in sizes.items()}
    total = sum(fetched.values())
    listing = "\n".join(f"{n:>8}  {u}" for u, n in sorted(fetched.items(), key=lambda kv: -kv[1]))
    limit = CEILINGS.get(rel, BUDGET)
    assert total <= limit, f"{rel}: {total} bytes before any interaction (limit {limit}, goal {BUDGET}):\n{listing}"
    # The search index and worker wait until the reader reaches for search
    # (docs/javascripts/on-demand.js); Material's sitemap requests are not sent at all.
    assert not [u for u in fetched if "search_index" in u or "workers/search" in u or "sitemap" in u], listing


@pytest.mark.browser
@pytest.mark.parametrize("rel", ["index.html", "en/begrepp/index.html", "404.html"])
def test_no_console_errors_and_search_loads_when_reached_for(page, server, rel):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    first_view(page, server + rel)
    with page.expect_request(lambda r: "search/search_index.json" in r.url) as asked:
        page.locator("input.md-search__input").focus()
    lang = page.locator("html").get_attribute("lang")  # the 404 page is in the last language built
    own = "search/" if lang == "sv" else f"{lang}/search/"
    assert asked.value.url == server + own + "search_index.json"
    assert errors == []


# --- what Lighthouse audits besides weight --------------------------------------------------

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')


def test_language_alternates_are_absolute_and_lead_to_the_page_in_each_language(site):
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # as mkdocs.yml reads it
    for path in site.pages():
        rel = site.rel(path)
        alternates = dict((lang, href) for href, lang in ALTERNATE.findall(path.read_text(encoding="utf-8")))
        assert sorted(alternates) == ["en", "sv"], f"{rel}: {alternates}"
        for href in alternates.values():
            assert href.startswith(site_url), f"{rel}: {href} is not absolute"
            assert (site.root / href[len(site_url) :]).is_file(), f"{rel}: {href} does not exist"
        assert alternates["sv" if not rel.startswith("en/") else "en"] == site_url + rel
    assert not ALTERNATE.search(site.read("404.html")), "the 404 page has no alternates"


def test_no_link_is_named_just_start(site):
    for rel in ("index.html", "varfor.html", "en/varfor.html"):
        texts = [re.sub(r"<[^>]+>|\s+", " ", t).strip() for t in re.findall(r"<a [^>]*>(.*?)</a>", site.read(rel), re.S)]
        assert "Start" not in texts, rel
