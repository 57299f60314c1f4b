"""Load and validate everything in docs/data/.

`load_site_data(docs_dir)` returns a `SiteData` or raises `DataError`, whose
`problems` are one readable line each: `file: entry: field: what is wrong`.
No data error ever surfaces as a Python traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import BaseModel, ValidationError

from .models import LANGS, Example, Exercise, Source, Term, Vocabulary

DATA = "data"
SOURCES_FILE = "kallor.yml"
GLOSSARY_FILE = "ordlista.yml"
VOCABULARY_FILE = "vokabular.yml"
EXAMPLES_DIR = "exempel"
EXERCISES_DIR = "ovningar"


class DataError(Exception):
    """One or more problems in the data files, each a single readable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class SiteData:
    sources: dict[str, Source]
    terms: dict[str, Term]
    examples: dict[str, Example]
    exercises: dict[str, Exercise]
    vocabulary: Vocabulary


# --- YAML reading ----------------------------------------------------------------------


# libyaml's parser when PyYAML has it (its wheels do): about eight times faster than the
# pure-Python one, with the same line numbers in error messages.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the field '{key}' is given twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, label: str, problems: list[str]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{label}: the file is not UTF-8 text")
        return None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}: " if mark else ""
        what = err.problem or err.context or "invalid YAML"
        problems.append(f"{label}: {where}YAML syntax error: {what}")
        return None
    except yaml.YAMLError as err:  # pragma: no cover - unusual, non-marked errors
        problems.append(f"{label}: YAML syntax error: {err}")
        return None
    if data is None:
        problems.append(f"{label}: the file is empty")
    return data


# --- pydantic errors as one line -------------------------------------------------------


def _loc(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, (dict, list)):
        return "a list" if isinstance(value, list) else "a mapping"
    return repr(value)


_LANG_NAMES = {"sv": "Swedish", "en": "English"}


def _message(err: dict) -> str:
    kind, loc, value, ctx = err["type"], err["loc"], err.get("input"), err.get("ctx") or {}
    last = loc[-1] if loc else None
    if kind == "missing":
        if last in _LANG_NAMES:
            return f"{_LANG_NAMES[last]} text is missing"
        return "is required but missing"
    if kind == "string_too_short" and last in _LANG_NAMES:
        return f"{_LANG_NAMES[last]} text is empty"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see the schema in schemas/)"
    if kind in ("float_parsing", "float_type"):
        return f"must be a number, got {_shown(value)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, got {_shown(value)}"
    if kind in ("string_type",):
        return f"must be text, got {_shown(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false, got {_shown(value)}"
    if kind in ("list_type",):
        return f"must be a list, got {_shown(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str):
            return f"must be a mapping (e.g. sv: … and en: …), got {_shown(value)}"
        return f"must be a mapping, got {_shown(value)}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}, got {_shown(value)}"
    if kind == "string_pattern_mismatch":
        if last == "url":
            return f"must be a web address starting with http:// or https://, got {_shown(value)}"
        return f"must be an id in kebab-case (a-z, 0-9 and hyphens, e.g. 'min-mottagning'), got {_shown(value)}"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind.startswith("date"):
        return f"must be a date written YYYY-MM-DD, got {_shown(value)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{err['msg'].lower()}, got {_shown(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg']}, got {_shown(value)}"


def _validate(model: type[BaseModel], raw: Any, prefix: str, problems: list[str]) -> BaseModel | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            where = _loc(err["loc"])
            msg = _message(err)
            # model-level checks prefix their own field name ("minutes: ...")
            problems.append(f"{prefix}{where + ': ' if where else ''}{msg}")
        return None


# --- loading each kind -----------------------------------------------------------------


def _label(path: Path, docs_dir: Path) -> str:
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _load_list(path: Path, model: type[BaseModel], docs_dir: Path, problems: list[str], invalid: set[str]) -> dict:
    label = _label(path, docs_dir)
    if not path.exists():
        problems.append(f"{label}: the file is missing")
        return {}
    raw = _read_yaml(path, label, problems)
    if raw is None:
        return {}
    if not isinstance(raw, list):
        problems.append(f"{label}: must be a list of entries (each starting with '- id: ...')")
        return {}
    records: dict[str, Any] = {}
    for index, item in enumerate(raw):
        entry = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"entry {index + 1}"
        if not isinstance(item, dict):
            problems.append(f"{label}: {entry}: must be a mapping of fields, got {_shown(item)}")
            continue
        record = _validate(model, item, f"{label}: {entry}: ", problems)
        if record is None:
            if isinstance(item.get("id"), str):
                invalid.add(item["id"])  # reported once; references to it are not errors too
            continue
        if record.id in records:
            problems.append(f"{label}: {record.id}: id: duplicate id (used by an earlier entry)")
            continue
        records[record.id] = record
    return records


def _load_dir(folder: Path, model: type[BaseModel], docs_dir: Path, problems: list[str], invalid: set[str]) -> dict:
    records: dict[str, Any] = {}
    if not folder.is_dir():
        return records
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    for path in paths:
        label = _label(path, docs_dir)
        raw = _read_yaml(path, label, problems)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            problems.append(f"{label}: must be a mapping of fields (id: ..., title: ...), got {_shown(raw)}")
            continue
        record = _validate(model, raw, f"{label}: ", problems)
        if record is None:
            invalid.add(path.stem)
            continue
        if record.id != path.stem:
            problems.append(f"{label}: id: must equal the file name '{path.stem}', got '{record.id}'")
            continue
        records[record.id] = record
    return records


def _check_refs(label: str, field_name: str, ids: Iterable[str], known: dict, what: str, problems: list[str], invalid: set[str]) -> None:
    for index, ref in enumerate(ids):
        if ref not in known and ref not in invalid:
            problems.append(f"{label}{field_name}[{index}]: unknown {what} id '{ref}'")


def _cross_check(data: SiteData, docs_dir: Path, problems: list[str], invalid: set[str]) -> None:
    root, vocab = docs_dir / DATA, data.vocabulary

    def check(prefix, field_name, ids, known, what):
        _check_refs(prefix, field_name, ids, known, what, problems, invalid)

    glossary = _label(root / GLOSSARY_FILE, docs_dir)
    for term in data.terms.values():
        prefix = f"{glossary}: {term.id}: "
        check(prefix, "sources", term.sources, data.sources, "source")
        check(prefix, "see_also", term.see_also, data.terms, "term")
    for ex in data.examples.values():
        prefix = f"{_label(root / EXAMPLES_DIR / (ex.id + '.yml'), docs_dir)}: "
        if ex.kind not in vocab.kinds:
            problems.append(f"{prefix}kind: must be one of {', '.join(vocab.kinds)}, got '{ex.kind}'")
        check(prefix, "care_areas", ex.care_areas, vocab.care_areas, "care area (see vokabular.yml)")
        check(prefix, "professions", ex.professions, vocab.professions, "profession (see vokabular.yml)")
        check(prefix, "measure_types", ex.measure_types, vocab.measure_types, "measure type (see vokabular.yml)")
        check(prefix, "sources", ex.sources, data.sources, "source")
        check(prefix, "terms", ex.terms, data.terms, "term")


def _signature(docs_dir: Path) -> tuple:
    root = docs_dir / DATA
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*.y*ml")))  # any change reloads


_cache: dict[str, tuple[tuple, SiteData]] = {}


def load_site_data(docs_dir: str | Path) -> SiteData:
    """Load and validate all data under docs_dir/data. Cached until a data file changes."""
    docs_dir = Path(docs_dir).resolve()
    sig = _signature(docs_dir)
    cached = _cache.get(str(docs_dir))
    if cached and cached[0] == sig:
        return cached[1]

    problems: list[str] = []
    invalid: set[str] = set()  # ids of records that failed validation
    root = docs_dir / DATA
    vocab_label = _label(root / VOCABULARY_FILE, docs_dir)
    vocab = None
    if (root / VOCABULARY_FILE).exists():
        raw = _read_yaml(root / VOCABULARY_FILE, vocab_label, problems)
        if raw is not None:
            vocab = _validate(Vocabulary, raw, f"{vocab_label}: ", problems)
    else:
        problems.append(f"{vocab_label}: the file is missing")
    sources = _load_list(root / SOURCES_FILE, Source, docs_dir, problems, invalid)
    terms = _load_list(root / GLOSSARY_FILE, Term, docs_dir, problems, invalid)
    examples = _load_dir(root / EXAMPLES_DIR, Example, docs_dir, problems, invalid)
    exercises = _load_dir(root / EXERCISES_DIR, Exercise, docs_dir, problems, invalid)
    if vocab is not None:
        data = SiteData(sources, terms, examples, exercises, vocab)  # type: ignore[arg-type]
        _cross_check(data, docs_dir, problems, invalid)
    if problems:
        raise DataError(problems)
    _cache[str(docs_dir)] = (sig, data)
    return data


def current_site_data(docs_dir: str | Path) -> SiteData:
    """The data validated at the start of this build (hooks.on_pre_build), without checking
    the files again: macros call this hundreds of times per build."""
    cached = _cache.get(str(Path(docs_dir).resolve()))
    return cached[1] if cached else load_site_data(docs_dir)


__all__ = ["DataError", "SiteData", "load_site_data", "current_site_data", "LANGS"]
