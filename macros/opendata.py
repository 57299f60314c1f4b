"""The example catalogue as open data: exempel.json and exempel.csv at the site root.

Both hold every example with both languages' fields. Ids are stable. The CSV is
UTF-8 with a byte-order mark so that Excel shows å, ä and ö correctly.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import urls
from .loader import SiteData
from .state import Languages

JSON_FILE = "exempel.json"
CSV_FILE = "exempel.csv"


def _urls(example_id: str, languages: Languages) -> dict[str, str]:
    return {lang: urls.built(urls.example(example_id), languages.prefix(lang)) for lang in languages.all}


def records(data: SiteData, languages: Languages) -> list[dict]:
    out = []
    for ex in sorted(data.examples.values(), key=lambda e: e.id):
        record = ex.model_dump(mode="json", exclude_none=True)
        record["url"] = _urls(ex.id, languages)
        out.append(record)
    return out


def csv_text(data: SiteData, languages: Languages) -> str:
    langs = languages.all
    columns = ["id", "kind"]
    columns += [f"{field}_{lang}" for field in ("title", "summary", "organisation") for lang in langs]
    columns += ["region", "care_areas", "professions", "measure_types", "sources", "terms", "results", "reviewed"]
    columns += [f"url_{lang}" for lang in langs]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for ex in sorted(data.examples.values(), key=lambda e: e.id):
        row = {"id": ex.id, "kind": ex.kind, "region": ex.region or "", "reviewed": ex.reviewed.isoformat()}
        for lang in langs:
            row[f"title_{lang}"] = ex.title.get(lang)
            row[f"summary_{lang}"] = ex.summary.get(lang)
            row[f"organisation_{lang}"] = ex.organisation.get(lang) if ex.organisation else ""
        for field in ("care_areas", "professions", "measure_types", "sources", "terms"):
            row[field] = ";".join(getattr(ex, field))
        row["results"] = json.dumps([r.model_dump(mode="json", exclude_none=True) for r in ex.results], ensure_ascii=False)
        row |= {f"url_{lang}": url for lang, url in _urls(ex.id, languages).items()}
        writer.writerow(row)
    return "\ufeff" + buf.getvalue()


def write(site: Path, data: SiteData, languages: Languages) -> None:
    payload = {"examples": records(data, languages)}
    (site / JSON_FILE).write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    (site / CSV_FILE).write_text(csv_text(data, languages), encoding="utf-8")
