"""The example catalogue, glossary and source register as built, plus open data and schemas."""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import re

import pytest
import yaml
from playwright.sync_api import expect

from macros import schemas
from macros.loader import load_site_data
from tests.conftest import NEXT_FRAMES, ROOT, build_in_process, mini_project
from tests.htmlutil import parse

DATA = load_site_data(ROOT / "docs")
LANG_PREFIX = {"sv": "", "en": "en/"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_example_is_in_the_catalogue_and_has_its_page(site, lang):
    prefix = LANG_PREFIX[lang]
    catalogue = parse(site.read(f"{prefix}exempel/index.html"))
    cards = {el.attrs["id"] for el in catalogue.find("li") if "catalogue__card" in el.attrs.get("class", "")}
    assert cards == set(DATA.examples)
    for ex in DATA.examples.values():
        html = site.read(f"{prefix}exempel/{ex.id}/index.html")
        (h1,) = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert htmllib.unescape(re.sub(r"<[^>]+>", "", h1)).replace("¶", "").strip() == ex.title.get(lang)
        assert 'class="citation"' in html, f"{ex.id}: no source cited"
        if ex.results:
            assert "<table>" in html, f"{ex.id}: figures are not in a table"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_term_has_an_anchor_in_the_glossary(site, lang):
    ids = parse(site.read(f"{LANG_PREFIX[lang]}ordlista.html")).ids
    assert set(DATA.terms) <= ids


def test_every_cited_source_exists_in_the_register(site):
    register = parse(site.read("kallor.html")).ids
    assert set(DATA.sources) <= register
    cited = set()
    for path in site.pages():
        page = parse(path.read_text(encoding="utf-8"))
        for el in page.find("a"):
            if "citation" in el.attrs.get("class", "").split():
                href = el.attrs["href"]
                if href.startswith("#"):  # the print edition: its own chapter of sources
                    assert href[1:] in page.ids, f"{site.rel(path)}: {href} leads nowhere"
                    assert href.startswith("#kap-kallor--"), f"{site.rel(path)}: {href}"
                cited.add(href.split("#")[1].removeprefix("kap-kallor--"))
    assert cited and cited <= set(DATA.sources)


@pytest.mark.parametrize("lang, path", [("sv", "begrepp/index.html"), ("en", "en/begrepp/index.html")])
def test_glossary_tooltips_on_content_pages(site, lang, path):
    """Each language's pages get that language's short definitions (the glossary is set per page)."""
    titles = re.findall(r'<abbr title="([^"]+)">', site.read(path))
    assert titles, f"{path}: no glossary tooltips on a content page"
    shorts = {getattr(t.short, lang) for t in DATA.terms.values()}
    assert set(titles) <= {s.replace('"', "&quot;") for s in shorts} | shorts


@pytest.mark.parametrize("path", ["ordlista.html", "en/ordlista.html"])
def test_no_tooltips_where_front_matter_turns_them_off(site, path):
    """`tooltips: false` on the glossary holds although the pages built before it had
    tooltips: one page's glossary setting does not leak into the next."""
    assert "<abbr" not in site.read(path)


def test_open_data_json_and_csv_hold_every_example(site):
    payload = json.loads(site.read("exempel.json"))
    by_id = {e["id"]: e for e in payload["examples"]}
    assert set(by_id) == set(DATA.examples)
    for ex in DATA.examples.values():
        assert by_id[ex.id]["title"] == {"sv": ex.title.sv, "en": ex.title.en}
    raw = (site.root / "exempel.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")), "the CSV needs a BOM for Excel"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["id"] for r in rows} == set(DATA.examples)
    assert all(r["title_sv"] and r["title_en"] for r in rows)
    assert any("å" in r["title_sv"] or "ä" in r["title_sv"] or "ö" in r["title_sv"] for r in rows)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_catalogue_links_to_the_open_data(site, lang):
    prefix = LANG_PREFIX[lang]
    html = site.read(f"{prefix}exempel/index.html")
    for name in ("exempel.json", "exempel.csv"):
        hrefs = [el.attrs["href"] for el in parse(html).find("a") if el.attrs.get("href", "").endswith(name)]
        assert hrefs and (site.root / f"{prefix}exempel" / hrefs[0]).resolve() == (site.root / name).resolve()


def test_raw_yaml_is_not_published(site):
    assert not list(site.root.rglob("*.yml"))


def test_committed_schemas_are_up_to_date():
    for name, schema in schemas.build().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == schemas.render(schema), f"schemas/{name} is stale: run `make schemas`"


def test_every_data_file_names_its_schema():
    files = list((ROOT / "docs" / "data").rglob("*.yml"))
    assert len(files) > 20
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.match(r"# yaml-language-server: \$schema=(\S+)$", first)
        assert match, f"{path.relative_to(ROOT)}: first line must name its schema"
        assert (path.parent / match.group(1)).resolve().exists(), f"{path.relative_to(ROOT)}: schema not found"


def test_yaml_text_is_escaped_never_injected(tmp_path):
    """A title or body with HTML in it shows as text on every page that renders it."""
    project = mini_project(tmp_path, {})
    path = project / "docs" / "data" / "exempel" / "wemind.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"]["sv"] = "<script>alert(1)</script> Wemind"
    data["summary"]["sv"] = 'Sammanfattning <img src=x onerror="alert(2)">'
    data["body"]["sv"] = "Text med <b>fet</b> HTML och {{ kalla('oecd-2017') }}."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = build_in_process(project)
    for rel in ("exempel/wemind/index.html", "exempel/index.html"):
        html = (out / rel).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html and 'onerror="alert(2)"' not in html
    page = (out / "exempel/wemind/index.html").read_text(encoding="utf-8")
    assert "<b>fet</b>" not in page and "&lt;b&gt;fet" in page
    assert "{{ kalla(" in page, "Jinja in YAML must not be run as a macro"
    json_title = json.loads((out / "exempel.json").read_text(encoding="utf-8"))
    assert any(e["title"]["sv"].startswith("<script>") for e in json_title["examples"])


# --- in the browser ----------------------------------------------------------------------


def _shown(page, count: int) -> list[str]:
    """Ids of the cards shown, read once the count line (updated with the cards) says `count`."""
    expect(page.locator(".catalogue__count")).to_have_text(re.compile(rf"^\D*{count} \D+ {len(DATA.examples)}\D*$"))
    expect(page.locator(".catalogue__card:visible")).to_have_count(count)
    return sorted(page.locator(".catalogue__card:visible").evaluate_all("els => els.map(e => e.id)"))


@pytest.mark.browser
def test_filter_by_profession_updates_the_url_and_survives_a_reload(page, server):
    page.goto(server + "exempel/index.html")
    assert _shown(page, len(DATA.examples)) == sorted(DATA.examples)
    cards = page.locator(".catalogue__card:visible")
    built_order = cards.evaluate_all("els => els.map(e => e.id)")
    page.get_by_label("Yrkesgrupper").select_option("farmaceut")
    expected = sorted(e.id for e in DATA.examples.values() if "farmaceut" in e.professions)
    assert 0 < len(expected) < len(DATA.examples)
    expect(page.locator(".catalogue__count")).to_have_text(f"Visar {len(expected)} av {len(DATA.examples)} exempel")
    assert _shown(page, len(expected)) == expected
    # history.replaceState reaches page.url asynchronously: wait for it.
    expect(page).to_have_url(server + "exempel/index.html?profession=farmaceut")
    page.reload()
    expect(page.get_by_label("Yrkesgrupper")).to_have_value("farmaceut")
    assert _shown(page, len(expected)) == expected
    # "Show all" resets the form; the filter runs on the next tick (setTimeout 0).
    page.get_by_role("button", name="Visa alla").click()
    assert _shown(page, len(DATA.examples)) == sorted(DATA.examples)
    expect(page).to_have_url(server + "exempel/index.html")
    # Filtered-out cards leave the page, the best matches move to the top, and all come back
    # in the order they were built, each once.
    page.get_by_label("Sök bland exemplen").fill("onödiga prover")
    expect(cards.first).to_have_id(re.compile("^(sus-labbprover|sfam-lipider)$"))
    assert cards.evaluate_all("els => els.map(e => e.id)") != built_order[: cards.count()]
    page.get_by_label("Sök bland exemplen").fill("")
    expect(cards).to_have_count(len(DATA.examples))
    assert cards.evaluate_all("els => els.map(e => e.id)") == built_order
    assert page.locator(".catalogue__list > *").count() == len(DATA.examples), "only the cards, once each"


@pytest.mark.browser
def test_text_filter_and_a_shared_link(page, server):
    page.goto(server + "en/exempel/index.html?type=lakemedel&text=anxiety")
    assert _shown(page, 1) == ["bensodiazepiner-angest"]
    expect(page.get_by_label("Search the examples")).to_have_value("anxiety")


@pytest.mark.browser
def test_catalogue_lists_everything_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "exempel/index.html")
        expect(page.locator(".catalogue__card:visible")).to_have_count(len(DATA.examples))
        expect(page.locator(".catalogue__filters")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.browser
def test_search_finds_an_example_by_a_word_from_its_body(page, server):
    from tests.test_search import search

    hrefs = search(page, server, "index.html", "troponin")
    assert any("/exempel/sus-labbprover/index.html" in h for h in hrefs), hrefs


@pytest.mark.parametrize("name,model", [("exempel.yml", "Example"), ("begrepp.yml", "Term"), ("kalla.yml", "Source")])
def test_editor_templates_are_valid_records(name, model):
    from macros import models

    raw = yaml.safe_load((ROOT / "docs" / "data" / "mallar" / name).read_text(encoding="utf-8"))
    record = raw[0] if isinstance(raw, list) else raw
    getattr(models, model).model_validate(record)


# In the page, before anything else: every layout shift not caused by the reader, as it comes.
RECORD_SHIFTS = """window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(412, 823), (1280, 800)])
def test_the_catalogue_does_not_jump_when_its_filters_appear(browser, server, width, height):
    """catalogue.js shows the filter form once the page has loaded; the list below must not
    move down when it does (cumulative layout shift, as Lighthouse measures it, on a phone
    and on a wide screen)."""
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(server + "exempel/index.html")
        expect(page.locator(".catalogue__filters")).not_to_have_attribute("hidden", re.compile(".*"))
        expect(page.get_by_label("Yrkesgrupper")).to_be_visible(visible=width >= 600)
        page.evaluate(NEXT_FRAMES)  # two frames on, every shift of what was drawn is reported
        assert page.evaluate("window.layoutShifts.reduce((sum, value) => sum + value, 0)") < 0.01
    finally:
        context.close()
