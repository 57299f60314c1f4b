"""JSON Schema files for editors: `python -m macros.schemas` (or `make schemas`).

The schemas are generated from macros/models.py and committed in schemas/. Each
YAML file names its schema on the first line (`# yaml-language-server: $schema=...`),
so editors such as VS Code check and complete the data while typing. Vocabulary
ids (care areas, professions...) are written into the example schema as enums.
A test fails when the committed files are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from pydantic import TypeAdapter

from .models import Example, Exercise, ManagerSummary, Source, Term, Vocabulary

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"
VOCABULARY = ROOT / "docs" / "data" / "vokabular.yml"


def _example_schema() -> dict:
    schema = Example.model_json_schema()
    try:
        vocab = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        vocab = {}
    props = schema["properties"]
    if vocab.get("kinds"):
        props["kind"] = {**props["kind"], "enum": sorted(vocab["kinds"])}
    for field, key in (("care_areas", "care_areas"), ("professions", "professions"), ("measure_types", "measure_types")):
        if vocab.get(key):
            props[field]["items"] = {**props[field]["items"], "enum": sorted(vocab[key])}
    return schema


def build() -> dict[str, dict]:
    schemas = {
        "exempel.schema.json": _example_schema(),
        "ordlista.schema.json": TypeAdapter(list[Term]).json_schema(),
        "kallor.schema.json": TypeAdapter(list[Source]).json_schema(),
        "ovning.schema.json": Exercise.model_json_schema(),
        "vokabular.schema.json": Vocabulary.model_json_schema(),
        "chefsunderlag.schema.json": ManagerSummary.model_json_schema(),
    }
    for name, schema in schemas.items():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = name
    return schemas


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, schema in build().items():
        (SCHEMA_DIR / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
