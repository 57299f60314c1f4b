"""Load and validate everything in docs/data/.

`load_site_data(docs_dir)` returns a `SiteData` or raises `DataError`, whose
`problems` are one readable line each: `file: entry: field: what is wrong`.
No data error ever surfaces as a Python traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import LANGS, Example, Exercise, ManagerSummary, Source, Term, Vocabulary
from .safelinks import shown, unsafe_links_in_markdown
from .strings import LANGUAGE_NAMES, msg

DATA = "data"
SOURCES_FILE = "kallor.yml"
GLOSSARY_FILE = "ordlista.yml"
VOCABULARY_FILE = "vokabular.yml"
EXAMPLES_DIR = "exempel"
EXERCISES_DIR = "ovningar"
SUMMARY_FILE = "chefsunderlag.yml"
SOURCES_WHERE = f"docs/{DATA}/{SOURCES_FILE}"
GLOSSARY_WHERE = f"docs/{DATA}/{GLOSSARY_FILE}"


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
    summary: ManagerSummary


# --- YAML reading ----------------------------------------------------------------------


# libyaml's parser when PyYAML has it (its wheels do): ten times faster than the pure-Python
# one, which took 98 % of the build's data loading with 1,000 examples (make bench).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last one
    silently) and turns every failure of building a value into a ConstructorError with the
    value's position, so that no value can end in a traceback without a line number."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, OverflowError, ArithmeticError) as err:
            value = getattr(node, "value", "")
            if node.tag == "tag:yaml.org,2002:timestamp":
                what = msg("bad_date_value", value=value)
            elif isinstance(value, str):
                what = msg("bad_value", value=value)
            else:
                what = msg("unreadable", error=type(err).__name__)
            raise yaml.constructor.ConstructorError(None, None, what, node.start_mark) from None


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            given_twice = key in seen
            seen.add(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, msg("unhashable_key"), key_node.start_mark) from None
        if given_twice:
            raise yaml.constructor.ConstructorError(None, None, msg("twice", key=key), key_node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# PyYAML's own words for the common syntax errors, in plain Swedish.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "ett kolon (:) där det inte får stå; sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon (:) saknas efter fältnamnet"),
    ("cannot start any token", "tecknet får inte börja ett värde (tabbtecken? använd mellanslag för indrag)"),
    ("found unexpected end of stream", "filen tar slut mitt i en text (saknas ett avslutande citattecken?)"),
    ("expected ',' or ']'", "en lista inom [ ] är inte avslutad med ]"),
    ("expected ',' or '}'", "en samling inom { } är inte avslutad med }"),
    ("did not find expected key", "fel indrag: raden passar inte in bland fälten ovanför"),
    ("expected <block end>", "fel indrag: raden passar inte in bland fälten ovanför"),
    ("did not find expected '-' indicator", "fel indrag i en lista (raderna ska börja med '- ' på samma indrag)"),
    ("found undefined alias", "ett *-tecken i början av ett värde (sätt texten inom citattecken)"),
    ("found unknown escape character", "ett okänt \\-tecken i en text inom dubbla citattecken"),
    ("could not determine a constructor", "en okänd !-tagg (sätt texten inom citattecken)"),
)


def _yaml_problem(problem: str | None) -> str:
    for english, swedish in _YAML_PROBLEMS:
        if problem and english in problem:
            return swedish
    return msg("yaml_unknown")


def _join(path: str, key: str) -> str:
    return path + key if not path or path.endswith(": ") else f"{path}.{key}"


def _entry_id(node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
                return value_node.value
    return None


def _field_at(text: str, mark) -> str | None:
    """The field path ('results[0].after') of the node at a position, from the node tree."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    path = ""
    while node is not None:
        inside = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key_node.start_mark.index <= mark.index < key_node.end_mark.index:
                    return _join(path, key)
                if value_node.start_mark.index <= mark.index < max(value_node.end_mark.index, value_node.start_mark.index + 1):
                    path, inside = _join(path, key), value_node
                    break
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                if item.start_mark.index <= mark.index < max(item.end_mark.index, item.start_mark.index + 1):
                    # an entry of a list file is named by its id, as in the other messages
                    entry_id = _entry_id(item) if not path else None
                    path, inside = (f"{entry_id}: " if entry_id else f"{path}[{index}]"), item
                    break
        node = inside
    return path or None


def _read_yaml(path: Path, label: str, problems: list[str]) -> Any:
    """The data of one YAML file, or None after one line in `problems`: whatever fails
    (the encoding, the syntax, a value PyYAML cannot build), it never raises."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{label}: {msg('not_utf8')}")
        return None
    except OSError as err:
        problems.append(f"{label}: {msg('unreadable', error=err.strerror or type(err).__name__)}")
        return None
    before = len(problems)
    data = parse_yaml(text, label, problems)
    if data is None and len(problems) == before:
        problems.append(f"{label}: {msg('file_empty')}")
    return data


def parse_yaml(text: str, label: str, problems: list[str], first_line: int = 1) -> Any:
    """The data of a YAML text, or None (after one line in `problems` if the text cannot be
    read). `first_line` is the text's first line in its file (front matter starts at 2)."""
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{msg('line', n=mark.line + first_line)}: " if mark else ""
        if isinstance(err, yaml.constructor.ConstructorError) and err.problem and not err.problem.startswith("could not"):
            field = _field_at(text, mark) if mark else None
            field = f"{field}: ".replace(": : ", ": ") if field else ""
            problems.append(f"{label}: {where}{field}{err.problem}")
        else:
            problems.append(f"{label}: {where}{msg('yaml_syntax', what=_yaml_problem(err.problem or err.context))}")
        return None
    except Exception as err:  # noqa: BLE001 - any other failure is still one line, never a traceback
        problems.append(f"{label}: {msg('unreadable', error=type(err).__name__)}")
        return None
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
        return msg("shown_list") if isinstance(value, list) else msg("shown_mapping")
    return repr(value)


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" in Swedish."""
    return expected.replace(" or ", " eller ")


def _message(err: dict) -> str:
    kind, loc, value, ctx = err["type"], err["loc"], err.get("input"), err.get("ctx") or {}
    last = loc[-1] if loc else None
    shown = _shown(value)
    if kind == "missing":
        if last in LANGUAGE_NAMES:
            return msg("text_missing", language=LANGUAGE_NAMES[last], lang=last)
        return msg("required")
    if kind == "string_too_short" and last in LANGUAGE_NAMES:
        return msg("text_empty", language=LANGUAGE_NAMES[last])
    if kind == "extra_forbidden":
        return msg("unknown_field")
    if kind in ("float_parsing", "float_type"):
        return msg("number", value=shown)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return msg("whole_number", value=shown)
    if kind in ("string_type",):
        return msg("text", value=shown)
    if kind in ("bool_parsing", "bool_type"):
        return msg("bool", value=shown)
    if kind in ("list_type",):
        return msg("list", value=shown)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return msg("languages" if isinstance(value, str) else "mapping", value=shown)
    if kind == "literal_error":
        return msg("one_of", choices=_choices(ctx.get("expected", "")), value=shown)
    if kind == "string_pattern_mismatch":
        return msg("web_address" if last == "url" else "id_pattern", value=shown)
    if kind == "too_short":
        return msg("at_least_items", n=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return msg("not_empty")
    if kind == "string_too_long":
        return msg("too_long", limit=ctx.get("max_length"), n=len(value) if isinstance(value, str) else "?")
    if kind.startswith("date"):
        return msg("date", value=shown)
    if kind in ("greater_than_equal", "greater_than"):
        return msg("at_least", limit=ctx.get("ge", ctx.get("gt")), value=shown)
    if kind in ("less_than_equal", "less_than"):
        return msg("at_most", limit=ctx.get("le", ctx.get("lt")), value=shown)
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return msg("invalid", value=shown)


def _strings(value: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every text in a record with its place: (('slides', 2, 'text', 'sv'), '...')."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _check_links(raw: Any, prefix: str, problems: list[str]) -> None:
    """Every text is checked as Markdown: the renderers pass even plain fields (a title,
    a table cell) through Markdown, where a link would become live."""
    for path, text in _strings(raw):
        for url in unsafe_links_in_markdown(text):
            problems.append(f"{prefix}{_loc(path)}: {msg('unsafe_link', url=shown(url))}")


def _validate(model: type[BaseModel], raw: Any, prefix: str, problems: list[str]) -> BaseModel | None:
    try:
        record = model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            where = _loc(err["loc"])
            what = _message(err)
            # model-level checks prefix their own field name ("minutes: ...")
            problems.append(f"{prefix}{where + ': ' if where else ''}{what}")
        return None
    _check_links(raw, prefix, problems)
    return record


# --- loading each kind -----------------------------------------------------------------


def _label(path: Path, docs_dir: Path) -> str:
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _whole(label: str) -> str:
    """The marker in `invalid` of a whole file that could not be read."""
    return f"file:{label}"


def _load_list(path: Path, model: type[BaseModel], docs_dir: Path, problems: list[str], invalid: set[str]) -> dict:
    label = _label(path, docs_dir)
    if not path.exists():
        problems.append(f"{label}: {msg('file_missing')}")
        invalid.add(_whole(label))
        return {}
    raw = _read_yaml(path, label, problems)
    if raw is None:
        invalid.add(_whole(label))  # references into an unreadable file are not errors too
        return {}
    if not isinstance(raw, list):
        problems.append(f"{label}: {msg('list_of_entries', value=_shown(raw))}")
        invalid.add(_whole(label))
        return {}
    records: dict[str, Any] = {}
    for index, item in enumerate(raw):
        entry = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else msg("entry", n=index + 1)
        if not isinstance(item, dict):
            problems.append(f"{label}: {entry}: {msg('mapping', value=_shown(item))}")
            continue
        record = _validate(model, item, f"{label}: {entry}: ", problems)
        if record is None:
            if isinstance(item.get("id"), str):
                invalid.add(item["id"])  # reported once; references to it are not errors too
            continue
        if record.id in records:
            problems.append(f"{label}: {record.id}: id: {msg('duplicate_id')}")
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
            problems.append(f"{label}: {msg('mapping_of_fields', value=_shown(raw))}")
            continue
        record = _validate(model, raw, f"{label}: ", problems)
        if record is None:
            invalid.add(path.stem)
            continue
        if record.id != path.stem:
            problems.append(f"{label}: id: {msg('id_file_name', stem=path.stem, value=record.id)}")
            continue
        records[record.id] = record
    return records


def _load_one(path: Path, model: type[BaseModel], docs_dir: Path, problems: list[str]) -> Any:
    """A data file that is one record (a mapping of fields)."""
    label = _label(path, docs_dir)
    if not path.exists():
        problems.append(f"{label}: {msg('file_missing')}")
        return None
    raw = _read_yaml(path, label, problems)
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{label}: must be a mapping of fields, got {_shown(raw)}")
        return None
    return _validate(model, raw, f"{label}: ", problems)


def _check_refs(label: str, field_name: str, ids: Iterable[str], known: dict, what: str, problems: list[str], invalid: set[str]) -> None:
    for index, ref in enumerate(ids):
        if ref not in known and ref not in invalid:
            problems.append(f"{label}{field_name}[{index}]: {msg('unknown_ref', ref=ref, where=what)}")


def _cross_check(data: SiteData, docs_dir: Path, problems: list[str], invalid: set[str]) -> None:
    root, vocab = docs_dir / DATA, data.vocabulary

    def check(prefix, field_name, ids, known, what):
        if _whole(what) in invalid:
            return
        _check_refs(prefix, field_name, ids, known, what, problems, invalid)

    glossary = _label(root / GLOSSARY_FILE, docs_dir)
    for term in data.terms.values():
        prefix = f"{glossary}: {term.id}: "
        check(prefix, "sources", term.sources, data.sources, SOURCES_WHERE)
        check(prefix, "see_also", term.see_also, data.terms, GLOSSARY_WHERE)
    for ex in data.examples.values():
        prefix = f"{_label(root / EXAMPLES_DIR / (ex.id + '.yml'), docs_dir)}: "
        if ex.kind not in vocab.kinds:
            choices = ", ".join(map(repr, vocab.kinds))
            problems.append(f"{prefix}kind: {msg('one_of', choices=choices, value=repr(ex.kind))} (se docs/data/vokabular.yml)")
        check(prefix, "care_areas", ex.care_areas, vocab.care_areas, "docs/data/vokabular.yml: care_areas")
        check(prefix, "professions", ex.professions, vocab.professions, "docs/data/vokabular.yml: professions")
        check(prefix, "measure_types", ex.measure_types, vocab.measure_types, "docs/data/vokabular.yml: measure_types")
        check(prefix, "sources", ex.sources, data.sources, SOURCES_WHERE)
        check(prefix, "terms", ex.terms, data.terms, GLOSSARY_WHERE)
    summary = _label(root / SUMMARY_FILE, docs_dir)
    for name in ("success_factors", "risks"):
        for index, item in enumerate(getattr(data.summary, name)):
            check(f"{summary}: {name}[{index}] {item.id}: ", "sources", item.sources, data.sources, SOURCES_WHERE)


def load_site_data(docs_dir: str | Path) -> SiteData:
    """Load and validate all data under docs_dir/data (once per build: site_hooks.on_config)."""
    docs_dir = Path(docs_dir).resolve()
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
        problems.append(f"{vocab_label}: {msg('file_missing')}")
    sources = _load_list(root / SOURCES_FILE, Source, docs_dir, problems, invalid)
    terms = _load_list(root / GLOSSARY_FILE, Term, docs_dir, problems, invalid)
    examples = _load_dir(root / EXAMPLES_DIR, Example, docs_dir, problems, invalid)
    exercises = _load_dir(root / EXERCISES_DIR, Exercise, docs_dir, problems, invalid)
    summary = _load_one(root / SUMMARY_FILE, ManagerSummary, docs_dir, problems)
    if vocab is not None and summary is not None:
        data = SiteData(sources, terms, examples, exercises, vocab, summary)  # type: ignore[arg-type]
        _cross_check(data, docs_dir, problems, invalid)
    if problems:
        raise DataError(problems)
    return data


__all__ = ["DataError", "SiteData", "load_site_data", "LANGS"]
