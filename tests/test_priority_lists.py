"""Browser tests for the priority lists (issue 14): several named lists in one browser,
lists that travel as files (JSON with a version field, CSV with BOM), owners, status and
follow-up dates, and a run chart for one measure on the follow-up page.

Everything runs in the real browser (Debian's Chromium) on the strict build from
conftest.py. Expected figures are computed here in Python, independently of the page's
JavaScript.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import statistics
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_a11y import run_axe

pytestmark = pytest.mark.browser

EXERCISE = "ovningar/fasa-ut-tillsammans.html"
FOLLOW_UP = "ovningar/uppfoljning.html"
FOLLOW_UP_EN = "en/ovningar/uppfoljning.html"
KEY = "klokare-vard.prioriteringslistor"
OLD_KEY = "klokare-vard.prioriteringslista"
WIDGET = ".exercise .priority-list"

# Lab tests ordered per week: level around 30, the change after week 8, then around 18.
WEEKS = [31, 29, 33, 30, 28, 32, 30, 34, 20, 18, 19, 17, 21, 16, 18, 15]


def fresh(page, server, rel: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(server + rel)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator(WIDGET).first.scroll_into_view_if_needed()  # the list loads as the reader comes to it
    expect(page.locator(f"{WIDGET}[data-ready]")).to_be_visible()


def stored(page) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


def current_list(page) -> dict:
    data = stored(page)
    return next(lst for lst in data["lists"] if lst["id"] == data["current"])


def texts(page) -> list[str]:
    return [t.strip() for t in page.locator(f"{WIDGET} .priority-list__text").all_inner_texts()]


def add(page, text: str) -> None:
    field = page.locator(WIDGET).get_by_role("textbox", name="Förslag", exact=True)
    field.fill(text)
    field.press("Enter")
    expect(page.locator(f"{WIDGET} .priority-list__text").filter(has_text=text)).to_have_count(1)


def rename(page, name: str, day: str) -> None:
    widget = page.locator(WIDGET)
    widget.get_by_label("Listans namn").fill(name)
    widget.get_by_label("Listans namn").press("Enter")
    widget.get_by_label("Datum", exact=True).fill(day)
    expect(widget.get_by_label("Lista", exact=True)).to_have_text(re.compile(re.escape(f"{name} ({day})")))


def open_file(page, path: Path, button: str = "Öppna sparad fil") -> None:
    with page.expect_file_chooser() as chooser:
        page.locator(WIDGET).get_by_role("button", name=button).click()
    chooser.value.set_files(str(path))


def save_file(page, tmp_path: Path, button: str = "Spara som fil") -> Path:
    with page.expect_download() as info:
        page.locator(WIDGET).get_by_role("button", name=button).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def panel(page, text: str):
    return page.get_by_role("group", name=f"Följ upp: {text}")


def open_panel(page, text: str):
    toggle = page.get_by_role("button", name=f"Följ upp: {text}")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(panel(page, text)).to_be_visible()
    return panel(page, text)


def commit(locator, value: str) -> None:
    locator.fill(value)
    locator.press("Tab")


def enter_measure(page, text: str, name: str, values: list[float], change_label: str | None) -> None:
    box = open_panel(page, text)
    commit(box.get_by_label("Vad mäter ni?"), name)
    commit(box.get_by_label("Mätvärden", exact=True), "\n".join(f"v. {i + 1}; {v}" for i, v in enumerate(values)))
    expect(box.locator(".run-chart__svg")).to_be_visible()
    if change_label:
        box.get_by_label("Förändringen startade", exact=True).select_option(label=f"Vid {change_label}")
        expect(box.locator(".run-chart__change")).to_have_count(1)


# --- independent run chart arithmetic ---------------------------------------------------


def runs_of(values: list[float]) -> tuple[float, list[list[int]]]:
    """The median and the runs (indexes) on each side of it, skipping points on the median."""
    m = statistics.median(values)
    runs: list[list[int]] = []
    side = 0
    for i, v in enumerate(values):
        s = (v > m) - (v < m)
        if not s:
            continue
        if s == side:
            runs[-1].append(i)
        else:
            runs.append([i])
            side = s
    return m, runs


def crossing_range(above: int, below: int) -> tuple[int, int] | None:
    """Crossings a random order gives, each tail at most 2.5 % (exact runs distribution);
    None when no number of crossings could be a signal with these points."""
    n = above + below
    total = math.comb(n, above)
    p = {}
    for r in range(2, n + 1):
        if r % 2 == 0:
            k = r // 2
            p[r] = 2 * math.comb(above - 1, k - 1) * math.comb(below - 1, k - 1) / total
        else:
            k = (r - 1) // 2
            p[r] = (math.comb(above - 1, k) * math.comb(below - 1, k - 1) + math.comb(above - 1, k - 1) * math.comb(below - 1, k)) / total
    low = next(r for r in range(2, n + 1) if sum(p[x] for x in range(2, r + 1)) > 0.025)
    high = next(r for r in range(n, 1, -1) if sum(p[x] for x in range(r, n + 1)) > 0.025)
    most = 2 * min(above, below) + (above != below)
    if low == 2 and high >= most:
        return None
    return low - 1, high - 1


# --- tests --------------------------------------------------------------------------------


def test_old_single_list_carries_over(page, server):
    """A list kept by the earlier version (one key, {version: 1, items}) becomes a list of its own."""
    page.goto(server + EXERCISE)
    page.evaluate("localStorage.clear()")
    old = [
        {"id": "lbz1x2-1", "text": "Blodprover av rutin", "votes": 4, "added": 0},
        {"id": "lbz1x2-2", "text": 'Dubbla "kontroller", ärenden; <b>fet</b>', "votes": 7, "added": 1},
        {"id": "lbz1x2-3", "text": "Övervakning på natten", "votes": 4, "added": 2},
    ]
    page.evaluate("([k, items]) => localStorage.setItem(k, JSON.stringify({version: 1, items}))", [OLD_KEY, old])
    page.reload()
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(3)
    assert texts(page) == ['Dubbla "kontroller", ärenden; <b>fet</b>', "Blodprover av rutin", "Övervakning på natten"]
    expect(page.get_by_role("spinbutton", name="Röster: Blodprover av rutin")).to_have_value("4")
    data = stored(page)
    assert page.evaluate(f"localStorage.getItem('{OLD_KEY}')") is None
    assert len(data["lists"]) == 1
    lst = data["lists"][0]
    assert lst["name"] == "Prioriteringslista" and data["current"] == lst["id"]
    assert {(i["id"], i["text"], i["votes"], i["added"]) for i in lst["items"]} == {
        (i["id"], i["text"], i["votes"], i["added"]) for i in old
    }
    assert all(i["status"] == "idea" and i["owner"] == "" and i["measure"] is None for i in lst["items"])

    # An old list found beside newer lists (say, from a tab still running the old page)
    # is added as one more list, and nothing of either is lost.
    page.evaluate(
        "([k, items]) => localStorage.setItem(k, JSON.stringify({version: 1, items}))",
        [OLD_KEY, [{"id": "x", "text": "Sömntabletter", "votes": 1, "added": 0}]],
    )
    page.reload()
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(1)
    assert texts(page) == ["Sömntabletter"]
    data = stored(page)
    assert [len(x["items"]) for x in data["lists"]] == [3, 1]
    assert page.evaluate(f"localStorage.getItem('{OLD_KEY}')") is None
    expect(page.locator(WIDGET).get_by_label("Lista", exact=True).locator("option")).to_have_count(2)
    assert page.external_requests == []


def test_two_lists_travel_as_files_with_every_field(page, server, tmp_path):
    """Two lists with owners, status, dates and a measure: save, clear the browser, open, compare."""
    page.clock.set_fixed_time("2025-04-10T10:00:00")
    fresh(page, server, FOLLOW_UP)
    widget = page.locator(WIDGET)
    expect(widget.get_by_text("Listan är tom.")).to_be_visible()

    # List 1: the ward.
    rename(page, "Avdelning 5", "2025-03-04")
    add(page, "Blodprover av rutin")
    add(page, "Urinodling utan symtom")
    add(page, "Dubbla kontroller; ”citat” & <i>tecken</i>")
    page.get_by_role("button", name="En röst till: Urinodling utan symtom").click()
    votes = page.get_by_role("spinbutton", name="Röster: Blodprover av rutin")
    votes.fill("5")
    votes.press("Enter")
    box = open_panel(page, "Blodprover av rutin")
    commit(box.get_by_label("Ansvarig"), "Sjuksköterska på dagtid")
    commit(box.get_by_label("Nästa steg"), "Gå igenom beställningsmallen; ta bort dagliga prover")
    box.get_by_label("Status").select_option(label="Pågår")
    box.get_by_label("Nästa uppföljning").fill("2025-04-01")
    enter_measure(page, "Blodprover av rutin", "Beställda labbprover per vecka", WEEKS, "v. 9")
    box.get_by_label("Mäts per").select_option(label="vecka")
    box2 = open_panel(page, "Urinodling utan symtom")
    box2.get_by_label("Status").select_option(label="Avstår")
    expect(widget.locator(".priority-list__group[data-group=dropped]")).to_contain_text("Urinodling utan symtom")
    first = current_list(page)

    # List 2: the clinic, with its own suggestion.
    widget.get_by_role("button", name="Ny lista").click()
    expect(widget.get_by_label("Listans namn")).to_be_focused()
    expect(widget.get_by_label("Listans namn")).to_have_value("Ny lista")
    rename(page, "Mottagningen", "2025-03-11")
    add(page, "Röntgen vid okomplicerad ländryggsvärk")
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(1)
    second = current_list(page)
    assert [lst["name"] for lst in stored(page)["lists"]] == ["Avdelning 5", "Mottagningen"]

    # Switching lists shows the other list's suggestions.
    widget.get_by_label("Lista", exact=True).select_option(label="Avdelning 5 (2025-03-04)")
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(3)
    assert texts(page)[0] == "Blodprover av rutin"

    file1 = save_file(page, tmp_path)
    assert file1.name == "avdelning-5-2025-03-04.json"
    saved = json.loads(file1.read_text(encoding="utf-8"))
    assert saved["format"] == "klokare-vard.prioriteringslista" and saved["version"] == 2
    assert saved["list"] == first
    item = next(i for i in saved["list"]["items"] if i["text"] == "Blodprover av rutin")
    assert item["owner"] == "Sjuksköterska på dagtid"
    assert item["next"] == "Gå igenom beställningsmallen; ta bort dagliga prover"
    assert item["status"] == "in_progress" and item["due"] == "2025-04-01" and item["votes"] == 5
    assert item["measure"] == {
        "name": "Beställda labbprover per vecka",
        "per": "week",
        "change": 8,
        "points": [{"label": f"v. {i + 1}", "value": v} for i, v in enumerate(WEEKS)],
    }
    csv_file = save_file(page, tmp_path, "Ladda ner CSV")
    assert csv_file.name == "avdelning-5-2025-03-04.csv"
    raw = csv_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Plats", "Förslag", "Röster", "Status", "Ansvarig", "Nästa steg", "Nästa uppföljning"]
    assert rows[1] == [
        "1",
        "Blodprover av rutin",
        "5",
        "Pågår",
        "Sjuksköterska på dagtid",
        "Gå igenom beställningsmallen; ta bort dagliga prover",
        "2025-04-01",
    ]
    widget.get_by_label("Lista", exact=True).select_option(label="Mottagningen (2025-03-11)")
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(1)
    file2 = save_file(page, tmp_path)

    # Another computer: nothing in the browser.
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(widget.get_by_text("Listan är tom.")).to_be_visible()
    open_file(page, file1)
    expect(widget.get_by_role("status")).to_have_text("Listan ”Avdelning 5 (2025-03-04)” är öppnad, med 3 förslag.")
    open_file(page, file2)
    expect(widget.get_by_role("status")).to_have_text("Listan ”Mottagningen (2025-03-11)” är öppnad, med 1 förslag.")
    data = stored(page)
    assert data["lists"] == [first, second]  # every field, every figure, the ids too

    # What the page shows after the trip.
    widget.get_by_label("Lista", exact=True).select_option(label="Avdelning 5 (2025-03-04)")
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(3)
    box = open_panel(page, "Blodprover av rutin")
    expect(box.get_by_label("Ansvarig")).to_have_value("Sjuksköterska på dagtid")
    expect(box.get_by_label("Status")).to_have_value("in_progress")
    expect(box.get_by_label("Nästa uppföljning")).to_have_value("2025-04-01")
    expect(box.get_by_label("Förändringen startade", exact=True)).to_have_value("8")
    values = [float(v) for v in box.locator(".run-chart__point").evaluate_all("ns => ns.map(n => n.dataset.value)")]
    assert values == WEEKS
    # Due (1 April, before today 10 April, in progress) and grouped by status.
    expect(widget.locator(".priority-list__due")).to_contain_text("Dags att följa upp (1)")
    expect(widget.locator(".priority-list__due li")).to_have_count(1)
    expect(widget.locator(".priority-list__due li")).to_contain_text("Blodprover av rutin")
    for status, names in (
        ("idea", ["Dubbla kontroller"]),
        ("in_progress", ["Blodprover av rutin"]),
        ("done", []),
        ("dropped", ["Urinodling utan symtom"]),
    ):
        group = widget.locator(f".priority-list__group[data-group={status}]")
        expect(group.locator("li")).to_have_count(len(names))
        for name in names:
            expect(group).to_contain_text(name)
    assert page.external_requests == []


def test_opening_a_list_that_is_here_asks_replace_or_keep_both(page, server, tmp_path):
    fresh(page, server, EXERCISE)
    widget = page.locator(WIDGET)
    rename(page, "APT maj", "2025-05-06")
    add(page, "Fasta före provtagning")
    saved = save_file(page, tmp_path)
    page.get_by_role("button", name="En röst till: Fasta före provtagning").click()
    expect(page.get_by_role("spinbutton", name="Röster: Fasta före provtagning")).to_have_value("1")

    open_file(page, saved)
    question = widget.locator(".priority-list__question")
    expect(question).to_be_visible()
    expect(question).to_contain_text("Listan ”APT maj (2025-05-06)” finns redan")
    expect(question.get_by_role("button", name="Ersätt")).to_be_focused()
    question.get_by_role("button", name="Avbryt").click()
    expect(question).to_be_hidden()
    expect(widget.get_by_role("status")).to_have_text("Inget har ändrats.")
    assert len(stored(page)["lists"]) == 1 and current_list(page)["items"][0]["votes"] == 1

    open_file(page, saved)
    question.get_by_role("button", name="Behåll båda").click()
    expect(widget.get_by_label("Lista", exact=True).locator("option")).to_have_text(
        ["APT maj (2025-05-06)", "APT maj (kopia) (2025-05-06)"]
    )
    lists = stored(page)["lists"]
    assert lists[0]["id"] != lists[1]["id"]
    assert [lst["items"][0]["votes"] for lst in lists] == [1, 0]

    widget.get_by_label("Lista", exact=True).select_option(index=0)
    open_file(page, saved)
    question.get_by_role("button", name="Ersätt").click()
    expect(page.get_by_role("spinbutton", name="Röster: Fasta före provtagning")).to_have_value("0")
    assert [lst["items"][0]["votes"] for lst in stored(page)["lists"]] == [0, 0]


BAD_FILES = {
    "trasig.json": ('{"format": "klokare-vard.prioriteringslista", "version": 2, "list": {', "går inte att läsa"),
    "annan.json": ('{"type": "FeatureCollection", "features": []}', "inte en prioriteringslista"),
    "nyare.json": ('{"format": "klokare-vard.prioriteringslista", "version": 3, "list": {"items": []}}', "nyare version"),
    "roster.json": (
        json.dumps(
            {
                "format": "klokare-vard.prioriteringslista",
                "version": 2,
                "list": {"name": "X", "items": [{"text": "A", "votes": 1}, {"text": "B", "votes": "många"}]},
            }
        ),
        "förslag 2 har ett felaktigt värde i fältet ”votes”",
    ),
    "matt.json": (
        json.dumps(
            {
                "format": "klokare-vard.prioriteringslista",
                "version": 2,
                "list": {"name": "X", "items": [{"text": "A", "measure": {"points": [{"label": "v. 1", "value": "12"}]}}]},
            }
        ),
        "förslag 1 har ett felaktigt värde i fältet ”measure.points.value”",
    ),
    "tabell.csv": ("Namn;Ålder\nAnna;34\n", "inte en prioriteringslista"),
    "status.csv": ("\ufeffPlats;Förslag;Röster;Status\n1;A;2;kanske\n", "rad 2 har ett felaktigt värde i kolumnen ”Status”"),
    "bild.png": ("\x89PNG\r\n\x1a\n\x00\x00", "går inte att läsa"),
    "tom.json": ("", "innehåller inga förslag"),
}


def test_broken_foreign_and_oversized_files_change_nothing(page, server, tmp_path):
    fresh(page, server, EXERCISE)
    widget = page.locator(WIDGET)
    rename(page, "Avdelning 5", "2025-03-04")
    add(page, "Blodprover av rutin")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    alert = widget.get_by_role("alert")

    files = dict(BAD_FILES)
    big = '{"format": "klokare-vard.prioriteringslista", "version": 2, "list": {"items": []}, "pad": "' + "x" * 1_100_000 + '"}'
    files["stor.json"] = (big, "för stor")
    for name, (content, message) in files.items():
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if not name.endswith(".png") else content.encode("latin-1"))
        open_file(page, path)
        expect(alert).to_contain_text(f"Filen ”{name}”")
        expect(alert).to_contain_text(message)
        expect(alert).to_contain_text("Inget har ändrats.")
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == before, name
        assert texts(page) == ["Blodprover av rutin"], name
        expect(widget.locator(".priority-list__question")).to_be_hidden()
        # The next good action clears the message.
        page.get_by_role("button", name="Kopiera som text").click()
        expect(alert).to_have_count(0)
    expect(widget.get_by_label("Lista", exact=True).locator("option")).to_have_count(1)


def test_csv_files_from_the_earlier_version_and_the_other_language_open(page, server, tmp_path):
    fresh(page, server, EXERCISE)
    widget = page.locator(WIDGET)
    # The earlier version's export: Swedish, semicolons, BOM, three columns.
    old = tmp_path / "prioriteringslista.csv"
    old.write_bytes('\ufeffPlats;Förslag;Röster\r\n1;"Dubbla ""kontroller""; ärenden";3\r\n2;Övervakning på natten;2\r\n'.encode())
    open_file(page, old)
    expect(widget.get_by_role("status")).to_have_text("Listan ”Prioriteringslista” är öppnad, med 2 förslag.")
    assert texts(page) == ['Dubbla "kontroller"; ärenden', "Övervakning på natten"]
    expect(page.get_by_role("spinbutton", name="Röster: Övervakning på natten")).to_have_value("2")

    # A CSV saved from the English page opens here too (commas, English headings and status).
    # Text that a spreadsheet would take for a formula carries a leading ' in the file.
    formula = tmp_path / "formler.csv"
    formula.write_bytes("\ufeffPlats;Förslag;Röster\r\n1;'=SUMMA(A1);0\r\n".encode())
    open_file(page, formula)
    expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(1)
    assert texts(page) == ["=SUMMA(A1)"]
    with page.expect_download() as info:
        widget.get_by_role("button", name="Ladda ner CSV").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1][:3] == ["1", "'=SUMMA(A1)", "0"]

    english = tmp_path / "ward-5-2025-03-04.csv"
    english.write_bytes(
        "\ufeffRank,Suggestion,Votes,Status,Owner,Next step,Next follow-up\r\n"
        '1,Routine ECG,4,In progress,Ward manager,"Ask cardiology, then decide",2025-05-01\r\n'.encode()
    )
    open_file(page, english)
    expect(widget.get_by_label("Lista", exact=True)).to_have_text(re.compile(r"Ward 5 \(2025-03-04\)"))
    item = current_list(page)["items"][0]
    assert (item["text"], item["votes"], item["status"], item["owner"], item["next"], item["due"]) == (
        "Routine ECG",
        4,
        "in_progress",
        "Ward manager",
        "Ask cardiology, then decide",
        "2025-05-01",
    )
    assert len(stored(page)["lists"]) == 3


def test_delete_a_list_and_undo(page, server):
    fresh(page, server, EXERCISE)
    widget = page.locator(WIDGET)
    rename(page, "Avdelning 5", "2025-03-04")
    add(page, "Blodprover av rutin")
    widget.get_by_role("button", name="Ny lista").click()
    rename(page, "Mottagningen", "2025-03-11")
    add(page, "Röntgen av ländryggen")

    widget.get_by_role("button", name="Ta bort listan").click()
    expect(widget.get_by_role("status")).to_have_text("Listan ”Mottagningen (2025-03-11)” är borttagen.")
    undo = widget.get_by_role("button", name=re.compile("^Ångra"))
    expect(undo).to_be_focused()
    assert [lst["name"] for lst in stored(page)["lists"]] == ["Avdelning 5"]
    assert texts(page) == ["Blodprover av rutin"]
    undo.click()
    expect(widget.get_by_role("status")).to_have_text("Listan ”Mottagningen (2025-03-11)” är tillbaka.")
    expect(undo).to_be_hidden()
    assert texts(page) == ["Röntgen av ländryggen"]
    assert [lst["name"] for lst in stored(page)["lists"]] == ["Avdelning 5", "Mottagningen"]

    # Deleting the last list leaves an empty one to start again; undo brings the list back.
    widget.get_by_role("button", name="Ta bort listan").click()
    widget.get_by_role("button", name="Ta bort listan").click()
    expect(widget.get_by_text("Listan är tom.")).to_be_visible()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    widget.get_by_role("button", name=re.compile("^Ångra")).click()
    assert texts(page) == ["Blodprover av rutin"]
    expect(widget.get_by_label("Lista", exact=True).locator("option")).to_have_text(["Avdelning 5 (2025-03-04)"])


@pytest.mark.parametrize(
    "values",
    [
        WEEKS,
        [12, 15, 11, 14, 13, 15, 12, 14, 13, 16, 12, 14],  # no signal
        [10, 20, 10, 20, 10, 20, 10, 20, 10, 20, 10, 20, 10, 20],  # far too many crossings
        [7.5, 8, 8, 9.25, 8, 7, 8, 8, 10, 11, 9.5],  # points on the median, decimals
    ],
)
def test_run_chart_matches_the_numbers(page, server, values):
    fresh(page, server, FOLLOW_UP)
    add(page, "Blodprover av rutin")
    enter_measure(page, "Blodprover av rutin", "Prover", values, "v. 5")
    box = panel(page, "Blodprover av rutin")
    m, runs = runs_of(values)

    # The points, in order, and where they are drawn.
    points = box.locator(".run-chart__point")
    expect(points).to_have_count(len(values))
    drawn = points.evaluate_all(
        "ns => ns.map(n => [Number(n.dataset.value), n.tagName === 'rect',"
        " n.tagName === 'rect' ? Number(n.getAttribute('y')) + 5 : Number(n.getAttribute('cy'))])"
    )
    assert [d[0] for d in drawn] == values
    shift_points = {i for r in runs if len(r) >= 6 for i in r}
    assert {i for i, d in enumerate(drawn) if d[1]} == shift_points
    # The median line sits where the median value is on the same scale as the points.
    median_line = box.locator(".run-chart__median")
    assert float(median_line.get_attribute("data-value")) == pytest.approx(m)
    y_median = float(median_line.get_attribute("y1"))
    lo, hi = min(range(len(values)), key=lambda i: values[i]), max(range(len(values)), key=lambda i: values[i])
    y_lo, y_hi = drawn[lo][2], drawn[hi][2]
    expected_y = y_lo + (m - values[lo]) / (values[hi] - values[lo]) * (y_hi - y_lo)
    assert y_median == pytest.approx(expected_y, abs=0.02)
    # Points above the median are drawn above the line (SVG y grows downwards).
    for v, d in zip(values, drawn, strict=True):
        assert (d[2] < y_median) == (v > m) or v == m

    # The change marker: between the 4th and 5th point.
    marker = box.locator(".run-chart__change")
    assert marker.get_attribute("data-index") == "4"

    # What the page says, in Swedish number format.
    summary = box.locator(".run-chart__summary")
    m_text = f"{m:g}".replace(".", ",")
    expect(summary).to_contain_text(f"Medianen är {m_text}.")
    useful = sum(1 for v in values if v != m)
    expect(summary).to_contain_text(f"Av {len(values)} mätvärden ligger {useful} över eller under medianen")
    longest = max(runs, key=len)
    if len(longest) == 1:
        expect(summary).to_contain_text("Inga två punkter i rad ligger på samma sida av medianen.")
    else:
        expect(summary).to_contain_text(f"Den längsta följden på samma sida av medianen är {len(longest)} punkter i rad")
    if shift_points:
        expect(summary).to_contain_text("Det är en förskjutning")
    else:
        expect(summary).to_contain_text("Ingen förskjutning")
    crossings = len(runs) - 1
    above = sum(1 for v in values if v > m)
    limits = crossing_range(above, useful - above)
    expect(summary).to_contain_text(f"Antal korsningar av medianen: {crossings}. ")
    if limits is None:
        expect(summary).to_contain_text("Det behövs fler punkter för att avgöra")
        low, high = -1, len(values)
    else:
        low, high = limits
        expect(summary).to_contain_text(f"oftast mellan {low} och {high}.")
    if limits is None:
        expect(summary).not_to_contain_text("slumpen brukar ge")
    elif crossings < low:
        expect(summary).to_contain_text("färre korsningar än slumpen brukar ge")
    elif crossings > high:
        expect(summary).to_contain_text("fler korsningar än slumpen brukar ge")
    else:
        expect(summary).to_contain_text("inom det väntade")

    # The data table: every value, its side of the median, before or after the change.
    rows = box.locator(".run-chart__table tbody tr")
    expect(rows).to_have_count(len(values))
    cells = rows.evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    for i, (v, row) in enumerate(zip(values, cells, strict=True)):
        assert row[0] == f"v. {i + 1}"
        assert row[1] == f"{v:g}".replace(".", ",")
        side = "över" if v > m else "under" if v < m else "på medianen"
        assert row[2] == side + (" – ingår i en förskjutning" if i in shift_points else "")
        assert row[3] == ("före" if i < 4 else "efter")
    svg = box.locator("svg.run-chart__svg")
    expect(svg).to_have_attribute("role", "img")
    assert (
        page.evaluate("id => document.getElementById(id).textContent", svg.get_attribute("aria-labelledby").split()[0])
        == "Seriediagram: Prover"
    )


def test_measurement_text_that_cannot_be_read_is_kept_and_not_saved(page, server):
    fresh(page, server, FOLLOW_UP)
    add(page, "Blodprover av rutin")
    enter_measure(page, "Blodprover av rutin", "Prover", [3, 4, 5], None)
    box = panel(page, "Blodprover av rutin")
    field = box.get_by_label("Mätvärden", exact=True)
    commit(field, "v. 1; 3\nv. 2; fyra\nv. 3; 5")
    expect(box.get_by_role("alert")).to_have_text(re.compile("^Rad 2 går inte att läsa.*inte sparade"))
    expect(field).to_have_value("v. 1; 3\nv. 2; fyra\nv. 3; 5")
    assert [p["value"] for p in current_list(page)["items"][0]["measure"]["points"]] == [3, 4, 5]
    # Tab moved on to the next field, and other edits keep the text in place.
    expect(box.get_by_label("Förändringen startade", exact=True)).to_be_focused()
    commit(box.get_by_label("Ansvarig"), "Enhetschef")
    expect(field).to_have_value("v. 1; 3\nv. 2; fyra\nv. 3; 5")
    commit(field, "vecka 1 3\n2025-02\t4,5\n6")
    expect(box.get_by_role("alert")).to_have_count(0)
    assert current_list(page)["items"][0]["measure"]["points"] == [
        {"label": "vecka 1", "value": 3},
        {"label": "2025-02", "value": 4.5},
        {"label": "", "value": 6},
    ]
    expect(field).to_have_value("vecka 1; 3\n2025-02; 4,5\n6")


def test_print_the_chart_alone_on_a4(page, server):
    fresh(page, server, FOLLOW_UP)
    add(page, "Blodprover av rutin")
    values = WEEKS + [17, 16, 18, 15, 16, 14, 15, 17]  # 24 weeks
    enter_measure(page, "Blodprover av rutin", "Beställda labbprover per vecka", values, "v. 9")
    page.evaluate("window.print = () => { window.__printed = true; }")
    panel(page, "Blodprover av rutin").get_by_role("button", name="Skriv ut diagrammet").click()
    assert page.evaluate("window.__printed === true")
    page.emulate_media(media="print")
    text = page.evaluate("document.body.innerText")
    assert text.startswith("Beställda labbprover per vecka")  # the sheet's heading
    assert "Steg 2" not in text and "Visa på storbild" not in text  # only the chart sheet
    m = statistics.median(values)
    for i, v in enumerate(values):  # the data table
        side = "över" if v > m else "under" if v < m else "på medianen"
        assert f"v. {i + 1}\t{v}\t{side}" in text
    assert "Det är en förskjutning" in text
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - 595.9) < 2 and abs(float(box.group(2)) - 842.0) < 2
    # After printing the sheet is gone and the page prints as usual again.
    expect(page.locator(".run-chart-print")).to_have_count(0)
    assert not page.evaluate("document.documentElement.classList.contains('print-chart')")


def test_follow_up_list_in_projector_mode(page, server):
    page.clock.set_fixed_time("2025-04-10T10:00:00")
    fresh(page, server, FOLLOW_UP)
    add(page, "Blodprover av rutin")
    add(page, "Urinodling utan symtom")
    box = open_panel(page, "Urinodling utan symtom")
    box.get_by_label("Nästa uppföljning").fill("2025-04-10")
    expect(page.locator(f"{WIDGET} .priority-list__due li")).to_have_count(1)
    page.get_by_role("button", name="Visa på storbild").click()
    dialog = page.locator(".projector[role=dialog]")
    expect(dialog).to_be_visible()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    slide = page.locator(".projector__slide:not([hidden])")
    expect(slide.locator(".priority-list")).to_be_visible()
    expect(slide.locator(".priority-list__due li")).to_contain_text("Urinodling utan symtom")
    # The list works there: votes, a new suggestion, the follow-up fields.
    slide.get_by_role("button", name="En röst till: Urinodling utan symtom").click()
    slide.get_by_role("textbox", name="Förslag", exact=True).fill("Dubbla kontroller")
    slide.get_by_role("textbox", name="Förslag", exact=True).press("Enter")
    expect(slide.locator(".priority-list__item")).to_have_count(3)
    in_slide = slide.get_by_role("group", name="Följ upp: Urinodling utan symtom")
    in_slide.get_by_label("Status").select_option(label="Klar")
    expect(slide.locator(".priority-list__due li")).to_have_count(0)
    expect(slide.locator(".priority-list__group[data-group=done]")).to_contain_text("Urinodling utan symtom")
    assert run_axe(page) == []
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    item = next(i for i in current_list(page)["items"] if i["text"] == "Urinodling utan symtom")
    assert (item["votes"], item["status"], item["due"]) == (1, "done", "2025-04-10")


def test_lists_and_chart_work_from_file_url(page, site):
    page.goto(site.root.joinpath(FOLLOW_UP).as_uri())
    page.evaluate("localStorage.clear()")
    page.reload()
    rename(page, "Avdelning 5", "2025-03-04")
    add(page, "Blodprover av rutin")
    enter_measure(page, "Blodprover av rutin", "Prover", WEEKS[:8], None)
    page.reload()
    expect(page.locator(WIDGET).get_by_label("Lista", exact=True)).to_have_text("Avdelning 5 (2025-03-04)")
    box = open_panel(page, "Blodprover av rutin")
    expect(box.locator(".run-chart__point")).to_have_count(8)
    page.evaluate("localStorage.clear()")


def test_english_follow_up_page(page, server, tmp_path):
    fresh(page, server, FOLLOW_UP_EN)
    widget = page.locator(WIDGET)
    field = widget.get_by_role("textbox", name="Suggestion", exact=True)
    field.fill("Routine blood tests")
    field.press("Enter")
    page.get_by_role("button", name="Follow up: Routine blood tests").click()
    box = page.get_by_role("group", name="Follow up: Routine blood tests")
    box.get_by_label("Status").select_option(label="In progress")
    commit(box.get_by_label("Measurements", exact=True), "\n".join(f"wk {i + 1}; {v}" for i, v in enumerate(WEEKS)))
    expect(box.locator(".run-chart__summary")).to_contain_text(f"The median is {statistics.median(WEEKS):g}.")
    expect(box.locator(".run-chart__summary")).to_contain_text("This is a shift")
    with page.expect_download() as info:
        widget.get_by_role("button", name="Download CSV").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows == [
        ["Rank", "Suggestion", "Votes", "Status", "Owner", "Next step", "Next follow-up"],
        ["1", "Routine blood tests", "0", "In progress", "", "", ""],
    ]
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}')
    open_file(page, bad, "Open saved file")
    expect(widget.get_by_role("alert")).to_have_text("The file “notes.json” is not a priority list from this website. Nothing has changed.")


@pytest.mark.parametrize("rel", [FOLLOW_UP, FOLLOW_UP_EN, EXERCISE])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_lists_open(browser, server, tmp_path, rel, scheme):
    """axe 0 on the changed pages with everything the lists can show: two lists, the overview,
    an open follow-up panel with a run chart, the question and an error message."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.emulate_media(reduced_motion="reduce")
        page.goto(server + rel)
        page.evaluate("localStorage.clear()")
        sv = not rel.startswith("en/")
        item = "Blodprover av rutin" if sv else "Routine blood tests"
        lists = [
            {
                "id": "l1",
                "name": "Avdelning 5",
                "date": "2025-03-04",
                "items": [
                    {
                        "id": "a",
                        "text": item,
                        "votes": 3,
                        "added": 0,
                        "owner": "Enhetschef",
                        "next": "Ändra mallen",
                        "status": "in_progress",
                        "due": "2025-01-01",
                        "measure": {
                            "name": "Prover",
                            "per": "week",
                            "change": 8,
                            "points": [{"label": f"v. {i + 1}", "value": v} for i, v in enumerate(WEEKS)],
                        },
                    },
                    {
                        "id": "b",
                        "text": "Urinodling",
                        "votes": 1,
                        "added": 1,
                        "owner": "",
                        "next": "",
                        "status": "done",
                        "due": "",
                        "measure": None,
                    },
                ],
            },
            {"id": "l2", "name": "Mottagningen", "date": "", "items": []},
        ]
        page.evaluate("([k, lists]) => localStorage.setItem(k, JSON.stringify({version: 2, current: 'l1', lists}))", [KEY, lists])
        page.reload()
        expect(page.locator(f"{WIDGET} .priority-list__item")).to_have_count(2)
        if rel != EXERCISE:
            follow = "Följ upp" if sv else "Follow up"
            page.get_by_role("button", name=f"{follow}: {item}").click()
            expect(page.locator(".run-chart__svg")).to_be_visible()
        saved = tmp_path / "lista.json"
        saved.write_text(json.dumps({"format": "klokare-vard.prioriteringslista", "version": 2, "list": lists[0]}))
        with page.expect_file_chooser() as chooser:
            page.locator(WIDGET).get_by_role("button", name="Öppna sparad fil" if sv else "Open saved file").click()
        chooser.value.set_files(str(saved))
        expect(page.locator(".priority-list__question")).to_be_visible()
        assert run_axe(page) == [], f"{rel} ({scheme}), question shown"
        page.locator(".priority-list__question [data-answer=cancel]").click()
        bad = tmp_path / "trasig.json"
        bad.write_text("{")
        with page.expect_file_chooser() as chooser:
            page.locator(WIDGET).get_by_role("button", name="Öppna sparad fil" if sv else "Open saved file").click()
        chooser.value.set_files(str(bad))
        expect(page.locator(WIDGET).get_by_role("alert")).to_contain_text("trasig.json")
        assert run_axe(page) == [], f"{rel} ({scheme}), error shown"
    finally:
        context.close()
