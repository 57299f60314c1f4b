"""The page-weight budget of issue 12: what a key page costs before anyone touches it, and
exercise/catalogue code only on the pages that use it."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import material
import pytest
import yaml
from playwright.sync_api import expect

from macros import htmlfix, palette, strings, unused_css
from macros.css_rules import CssShapeError
from tests.conftest import NEXT_FRAMES, wait_for_animations
from tests.firstview import BUDGET, CEILINGS, KEY_PAGES, first_view, path_of

ROOT = Path(__file__).resolve().parent.parent
# The markup each group of page assets serves (overrides/render/exercise.html, catalogue.html).
MARKERS = {"exercise": 'class="exercise"', "catalogue": "data-catalogue"}
# Loaded by exercise-start.js when wanted, never named by a page.
ON_DEMAND = ["stylesheets/projector.css", "javascripts/projector.js", "javascripts/priority-store.js",
             "javascripts/priority-list.js", "stylesheets/follow-up.css", "javascripts/run-chart.js",
             "javascripts/priority-follow-up.js"]  # fmt: skip


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
    lang = page.locator("html").get_attribute("lang")  # the 404 page is the default language's
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


# --- Material's stylesheet cut to what the site can show (macros/unused_css.py) -------------


def test_unused_css_keeps_what_the_site_can_show_and_drops_the_rest(tmp_path):
    (tmp_path / "a.html").write_text("<p class=\"md-typeset shown\">x</p><div class='other'></div>", encoding="utf-8")
    (tmp_path / "b.js").write_text('el.classList.add("md-tooltip");t="md-status--"+n', encoding="utf-8")
    producible = unused_css.Producible(tmp_path)
    css = (
        "/* c */.md-typeset .shown{a:1}"  # both classes on a page
        ".md-post{b:2}"  # a blog post: nowhere
        ".md-typeset .md-post,.other{c:3}"  # one selector of two stays
        ".md-tooltip{d:4}.md-status--new{e:5}"  # added by a script; a prefix a script builds on
        ".md-typeset a:not(.md-button){f:6}"  # inside :not(): not judged
        '.md-typeset a[href$=".pdf"]{g:7}'  # inside an attribute selector: not judged
        "[dir=rtl] .md-typeset{h:8}"  # no page is right to left
        "@media screen{.md-banner{i:9}}@media print{.shown{j:10}}"
        "@keyframes k{0%{l:11}to{l:12}}"
    )
    assert unused_css.prune(css, producible) == (
        ".md-typeset .shown{a:1}.other{c:3}.md-tooltip{d:4}.md-status--new{e:5}"
        ".md-typeset a:not(.md-button){f:6}"
        '.md-typeset a[href$=".pdf"]{g:7}'
        "@media print{.shown{j:10}}@keyframes k{0%{l:11}to{l:12}}"
    )
    (tmp_path / "c.html").write_text('<html dir="rtl"><span class="md-post"></span>', encoding="utf-8")
    assert unused_css.prune("[dir=rtl] .md-post{h:8}", unused_css.Producible(tmp_path)) == "[dir=rtl] .md-post{h:8}"
    with pytest.raises(CssShapeError):
        unused_css.prune(".a{b:c", producible)


def test_unused_css_counts_materials_script_words_only_for_features_that_are_on(tmp_path):
    """Material's bundle names the classes of every feature it has; only those of features
    this site uses count, and the custom properties nothing reads go."""
    bundle = tmp_path / "assets" / "javascripts" / "bundle.x.min.js"
    bundle.parent.mkdir(parents=True)
    words = "md-search-result__item md-tooltip2--active md-code__button md-version__list js highlight abstract"
    bundle.write_text(f'x.classList.add("{words}");y.style.setProperty("--md-tooltip-width")', encoding="utf-8")
    config = '<script id="__config" type="application/json">{"features": ["toc.follow"], "version": null}</script>'
    (tmp_path / "a.html").write_text(f'<p class="md-typeset">x</p>{config}', encoding="utf-8")
    css = (
        ".md-search-result__item{a:1}.md-tooltip2--active{b:2}.md-code__button{c:3}.md-version__list{d:4}"
        ".js .md-typeset{e:5}.highlight{f:6}.md-typeset .abstract{g:7}"
        ':root{--md-used-icon:url("data:image/svg+xml;a=b");--md-unread-icon:url("x;y");--md-tooltip-width:20rem}'
        ".md-typeset{mask-image:var(--md-used-icon)}@media print{:root{--md-unread-icon:none}}"
    )
    kept = ".md-search-result__item{a:1}.js .md-typeset{e:5}"
    assert unused_css.prune(css, unused_css.Producible(tmp_path)) == (
        f'{kept}:root{{--md-used-icon:url("data:image/svg+xml;a=b");--md-tooltip-width:20rem}}.md-typeset{{mask-image:var(--md-used-icon)}}'
    )
    # A page that shows a feature, or a theme feature that is on, keeps its classes.
    (tmp_path / "b.html").write_text(
        '<div class="highlight"></div><script id="__config" type="application/json">'
        '{"features": ["content.tooltips"], "version": {"provider": "mike"}}</script>',
        encoding="utf-8",
    )
    again = unused_css.prune(css, unused_css.Producible(tmp_path), others="var(--md-unread-icon)")
    assert ".md-tooltip2--active{b:2}" in again and ".md-code__button{c:3}" in again and ".md-version__list{d:4}" in again
    assert ".highlight{f:6}" in again and "abstract" not in again
    assert '--md-unread-icon:url("x;y")' in again and "@media print{:root{--md-unread-icon:none}}" in again


def custom_properties(css: Path) -> set[str]:
    return set(unused_css.CUSTOM_PROPERTY.findall(css.read_text(encoding="utf-8")))


def material_main_css() -> Path:
    (path,) = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css")
    return path


def test_the_built_main_stylesheet_is_cut(site):
    (css,) = (site.root / "assets" / "stylesheets").glob("main.*.min.css")
    assert css.name == material_main_css().name, "the file keeps Material's name"
    text = css.read_text(encoding="utf-8")
    assert len(text.encode()) < 0.55 * material_main_css().stat().st_size  # 47 % on 2026-11-26
    assert ".md-typeset" in text and ".md-search-result" in text
    assert ".md-post" not in text and "[dir=rtl]" not in text
    # Features that are off here, though Material's bundle names their classes and icons.
    assert ".md-tooltip2" not in text and ".md-version" not in text and "--md-version-icon" not in text
    assert not list(css.parent.glob("main.*.map"))


# The computed style of every element and of its ::before and ::after, one hash per element.
# `dropped`: the custom properties the cut removed because nothing reads them; they are left
# out of the comparison (had anything read one, a standard property would differ).
STYLE_HASHES = """(dropped) => {
  const hash = (s) => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; };
  const unread = new Set(dropped);
  // Every element lists the same standard properties (taken once, in one order), then its
  // custom properties, which come in no fixed order: only those are sorted.
  const standard = Array.from(getComputedStyle(document.documentElement)).filter((p) => !p.startsWith("--"));
  const all = (st) => {
    let out = "";
    for (const p of standard) out += st.getPropertyValue(p) + ";";
    const custom = [];
    for (let i = st.length - 1; i >= 0 && st[i].startsWith("--"); i--) if (!unread.has(st[i])) custom.push(st[i]);
    return out + custom.sort().map((p) => p + ":" + st.getPropertyValue(p)).join(";");
  };
  // A ::before or ::after without content is not drawn: its other properties do not matter.
  const pseudo = (el, which) => {
    const st = getComputedStyle(el, which), content = st.getPropertyValue("content");
    return content === "none" || content === "normal" ? content : all(st);
  };
  return Array.from(document.querySelectorAll("*"), (el) =>
    hash(all(getComputedStyle(el)) + "|" + pseudo(el, "::before") + "|" + pseudo(el, "::after")));
}"""
STYLE_OF = """([i, pseudo]) => {
  const el = document.querySelectorAll("*")[i], st = getComputedStyle(el, pseudo);
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  return [name, Object.fromEntries(Array.from(st, (p) => [p, st.getPropertyValue(p)]))];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
# index.html?q=… opens search with its results, which Material's bundle draws (classes no page has).
@pytest.mark.parametrize(
    "rel", ["index.html", "ovningar/fasa-ut-tillsammans.html", "exempel/index.html", "en/ordlista.html", "index.html?q=prover"]
)
def test_the_cut_stylesheet_styles_every_element_as_materials_full_one(browser, server, site, rel, width):
    """Load the page twice, with the built (cut) main stylesheet and with Material's own file,
    and compare the computed style of every element and its ::before and ::after."""
    views = []
    for original in (False, True):
        context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
        page = context.new_page()
        if original:
            page.route("**/assets/stylesheets/main.*.min.css", lambda route: route.fulfill(path=str(material_main_css())))
        page.goto(server + rel, wait_until="networkidle")
        # Content the browser may skip (content-visibility: auto, the catalogue's cards) takes a
        # placeholder height until it has been near the screen, so the heights around it depend
        # on timing: both pages lay everything out, and the comparison stays like for like.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        wait_for_animations(page)
        views.append((context, page))
    try:
        (_, cut), (_, full) = views
        (built,) = (site.root / "assets" / "stylesheets").glob("main.*.min.css")
        dropped = sorted(custom_properties(material_main_css()) - custom_properties(built))
        # Material's scripts size the sidebars after load: compare until both pages agree or
        # 15 s pass (a retrying assertion, like Playwright's expect), a few frames apart.
        deadline = time.monotonic() + 15
        while True:
            cut_hashes, full_hashes = cut.evaluate(STYLE_HASHES, dropped), full.evaluate(STYLE_HASHES, dropped)
            differ = [i for i, (a, b) in enumerate(zip(cut_hashes, full_hashes, strict=False)) if a != b]
            if (not differ and len(cut_hashes) == len(full_hashes)) or time.monotonic() > deadline:
                break
            for page in (cut, full):
                page.evaluate(NEXT_FRAMES)
        assert len(cut_hashes) == len(full_hashes) > 200, rel
        if differ:
            reports = []
            for i in differ[:3]:
                for pseudo in (None, "::before", "::after"):
                    name, a = cut.evaluate(STYLE_OF, [i, pseudo])
                    _, b = full.evaluate(STYLE_OF, [i, pseudo])
                    changed = {p: (a.get(p), b.get(p)) for p in set(a) | set(b) - set(dropped) if a.get(p) != b.get(p)}
                    if changed:
                        reports.append(f"{name}{pseudo or ''}: {changed}")
            pytest.fail(f"{rel} at {width} px: {len(differ)} elements styled differently (cut, full):\n" + "\n".join(reports))
    finally:
        for context, _ in views:
            context.close()


def test_text_left_out_of_data_strings_is_not_used_by_the_scripts_that_get_it():
    """macros/exercises.strings_attribute leaves out TEMPLATE_ONLY everywhere and the
    follow-up text where there is no follow-up: no script that runs there may need it."""
    scripts = ROOT / "docs" / "javascripts"
    follow_up = {"priority-follow-up.js", "run-chart.js"}
    others = "".join(p.read_text(encoding="utf-8") for p in scripts.glob("*.js") if p.name not in follow_up)
    everywhere = "".join(p.read_text(encoding="utf-8") for p in scripts.glob("*.js"))
    for key in strings.TEMPLATE_ONLY:  # read as s.key or s["key"]
        assert not re.search(rf"""(\.|\[["']){key}\b""", everywhere), f"{key} is used by a script"
    left_out = [*strings.FOLLOW_UP_ONLY, *(k for k in strings.EXERCISE_UI["sv"] if k.startswith(strings.FOLLOW_UP_PREFIX))]
    for key in left_out:
        assert re.search(rf"\b{key}\b", everywhere), f"{key} is used by no script: remove it from strings.py"
        assert not re.search(rf"\b{key}\b", others), f"{key} is used outside the follow-up scripts"


def test_data_strings_is_json_in_single_quotes_and_only_what_the_page_needs(site):
    for rel, follow_up in (("ovningar/fasa-ut-tillsammans.html", False), ("en/ovningar/uppfoljning.html", True)):
        html = site.read(rel)
        (raw,) = re.findall(r"data-strings='([^']*)'", html)
        ui = json.loads(raw.replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        assert "pl_title" in ui and "present_hint" not in ui, rel
        assert ("rc_title" in ui) is follow_up and ("pl_measure" in ui) is follow_up, rel


def test_escaping_of_data_strings():
    from macros.exercises import strings_attribute

    attr = str(strings_attribute({"a": 'it\'s <b> & "q"'}, follow_up=True))
    assert attr == 'data-strings=\'{"a":"it&#39;s &lt;b&gt; &amp; \\"q\\""}\''


@pytest.mark.browser
def test_projector_code_loads_when_projector_mode_is_wanted(page, server):
    """Not in the first view of an exercise page; the button (and Alt+Shift+P) load it and open."""
    sizes = first_view(page, server + "ovningar/fasa-ut-tillsammans.html")
    assert not [u for u in sizes if u.endswith(("projector.js", "projector.css"))], sorted(sizes)
    with page.expect_request(lambda r: r.url.endswith("javascripts/projector.js")):
        page.locator("[data-present]").click()
    dialog = page.locator("div.projector[role=dialog]")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_css("position", "fixed")  # projector.css came with it
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


@pytest.mark.browser
def test_the_shortcut_alone_loads_and_opens_projector_mode(page, server):
    page.goto(server + "en/ovningar/fasa-ut-tillsammans.html")
    expect(page.locator("[data-present]")).to_be_visible()
    page.evaluate("window.__keys = []; window.addEventListener('keydown', e => window.__keys.push(e.key))")
    page.keyboard.press("Alt+Shift+P")
    expect(page.locator("div.projector[role=dialog]")).to_be_visible()
    keys = [k for k in page.evaluate("window.__keys") if k not in ("Alt", "Shift")]
    assert keys == [], "the shortcut reached window (Material's shortcuts), before or after loading"


def test_no_page_names_the_code_that_loads_when_wanted(site):
    """exercise-start.js loads these; a page that named them would load them up front."""
    assert all((site.root / rel).is_file() for rel in ON_DEMAND)
    for path in site.pages():
        up = "../" * site.rel(path).count("/")
        named = {up + rel for rel in ON_DEMAND} & references(path.read_text(encoding="utf-8"))
        assert not named, f"{site.rel(path)} names {sorted(named)}"


LIST = "div.priority-list[data-priority-list]"


@pytest.mark.browser
def test_the_priority_list_loads_as_the_reader_comes_to_it(page, server):
    sizes = first_view(page, server + "ovningar/fasa-ut-tillsammans.html")
    assert not [u for u in sizes if any(u.endswith(rel) for rel in ON_DEMAND)], sorted(sizes)
    expect(page.locator(f"{LIST} .priority-list__nojs")).to_be_hidden()  # no "needs JavaScript" while it comes
    with page.expect_request(lambda r: r.url.endswith("javascripts/priority-list.js")):
        page.locator(LIST).scroll_into_view_if_needed()
    expect(page.locator(f"{LIST} input[type=text]").first).to_be_visible()


@pytest.mark.browser
def test_a_browser_that_keeps_lists_gets_the_list_at_once_with_its_styles_in_order(page, server):
    page.goto(server + "ovningar/uppfoljning.html")
    page.evaluate("localStorage.setItem('klokare-vard.prioriteringslistor', JSON.stringify({version: 2, lists: []}))")
    with page.expect_request(lambda r: r.url.endswith("javascripts/priority-follow-up.js")):
        page.reload()
    expect(page.locator(f"{LIST} input[type=text]").first).to_be_attached()
    names = page.eval_on_selector_all("link[rel=stylesheet]", "links => links.map(l => l.href.split('/').pop())")
    assert names.index("follow-up.css") == names.index("exercise.css") + 1, names
