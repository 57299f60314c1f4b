"""What is due for review: `make granska` (python -m macros.due).

Lists every page, example, term and source whose last review is older than a number of
months (default 12), oldest first, with its file; pages and records without a date come
first. With --strict the exit code is 1 when anything is due (for a scheduled CI job).

    make granska                # older than 12 months
    make granska MANADER=6      # older than 6 months
    make granska STRICT=1       # exit code 1 if anything is due
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from . import generated, review
from .loader import DATA, EXAMPLES_DIR, GLOSSARY_FILE, SOURCES_FILE, DataError, load_site_data
from .models import LANGS

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"page": "sida", "example": "exempel", "term": "begrepp", "source": "källa"}


@dataclass(frozen=True)
class Item:
    reviewed: dt.date | None  # None: no (valid) date at all
    where: str  # 'docs/varfor.md' or 'docs/data/kallor.yml: oecd-2017'
    kind: str

    def line(self) -> str:
        date = self.reviewed.isoformat() if self.reviewed else "saknar datum"
        return f"{date:<12}  {KINDS[self.kind]:<8}  {self.where}"


def months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _suffixes() -> tuple[str, ...]:
    return tuple("" if i == 0 else f".{lang}" for i, lang in enumerate(LANGS))


def pages(docs: Path) -> list[Item]:
    items = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(f"{DATA}/") or review.is_exempt(rel, _suffixes()) or generated.is_generated(path.parent):
            continue
        label = f"{docs.name}/{rel}"
        date, _problem = review.read_date(path.read_text(encoding="utf-8"), label)
        items.append(Item(date, label, "page"))
    return items


def records(docs: Path) -> list[Item]:
    data = load_site_data(docs)
    root = f"{docs.name}/{DATA}"
    items = [Item(ex.reviewed, f"{root}/{EXAMPLES_DIR}/{ex.id}.yml", "example") for ex in data.examples.values()]
    items += [Item(term.reviewed, f"{root}/{GLOSSARY_FILE}: {term.id}", "term") for term in data.terms.values()]
    items += [Item(src.reviewed, f"{root}/{SOURCES_FILE}: {src.id}", "source") for src in data.sources.values()]
    return items


def due(items: list[Item], limit: dt.date) -> list[Item]:
    """Older than `limit` (or undated), oldest first; undated first of all."""
    old = [item for item in items if item.reviewed is None or item.reviewed < limit]
    return sorted(old, key=lambda item: (item.reviewed or dt.date.min, item.where))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make granska", description="Listar det som inte granskats på länge, äldst först.")
    parser.add_argument("--manader", type=int, default=12, help="granskat för mer än så många månader sedan (standard 12)")
    parser.add_argument("--strict", action="store_true", help="avsluta med felkod 1 om något behöver granskas")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    parser.add_argument("--idag", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.manader < 0:
        parser.error("--manader ska vara 0 eller mer")
    today = args.idag or dt.date.today()
    limit = months_before(today, args.manader)
    try:
        items = pages(args.docs) + records(args.docs)
    except DataError as err:
        print("\n".join(err.problems), file=sys.stderr)
        print("Rätta data först (se raderna ovan).", file=sys.stderr)
        return 2
    listed = due(items, limit)
    if not listed:
        print(f"Inget behöver granskas: allt ({len(items)} sidor och poster) är granskat {limit.isoformat()} eller senare.")
        return 0
    print(
        f"{len(listed)} av {len(items)} sidor och poster granskades senast före {limit.isoformat()} ({args.manader} månader), äldst först:"
    )
    for item in listed:
        print(item.line())
    return 1 if args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
