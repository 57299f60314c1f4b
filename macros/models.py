"""Data models for the site's YAML data (docs/data/).

One pydantic model per kind of record. The models are the single definition of
the data format: the loader validates with them and `python -m macros.schemas`
writes the JSON Schema files that editors' editors use (schemas/*.schema.json).

Cross-references (source ids, term ids, vocabulary ids) are checked by the
loader, which knows every file; the models check shape and types only.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

LANGS = ("sv", "en")

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="Stable id: lower-case ASCII letters, digits and hyphens (kebab-case)."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

SOURCE_KINDS = (
    "rapport",
    "bilaga",
    "presentation",
    "pressmeddelande",
    "webbsida",
    "artikel",
    "avhandling",
    "lag",
)


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field name must not be silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Localized(Strict):
    """A text in Swedish and English. Both are required."""

    sv: Text = Field(description="Svensk text.")
    en: Text = Field(description="English text.")

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class LocalizedList(Strict):
    """A list of texts in Swedish and English (same meaning, not necessarily the same length)."""

    sv: list[Text] = Field(min_length=1)
    en: list[Text] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return getattr(self, lang)


class OptionalLocalizedList(Strict):
    """Synonyms: either language may be empty."""

    sv: list[Text] = Field(default_factory=list)
    en: list[Text] = Field(default_factory=list)

    def get(self, lang: str) -> list[str]:
        return getattr(self, lang)


# --- Source register -------------------------------------------------------------------


class Source(Strict):
    """An entry in the source register (docs/data/kallor.yml)."""

    id: Id
    publisher: Text = Field(description="Utgivare eller författare.")
    short: Text | None = Field(default=None, description="Kort namn i hänvisningar, t.ex. 'SBU'. Annars används publisher.")
    title: Text
    year: int = Field(ge=1900, le=2100)
    kind: Literal[SOURCE_KINDS] = Field(description="Typ av källa.")  # type: ignore[valid-type]
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Localized | None = Field(default=None, description="Vad källan är och vad webbplatsen använder den till.")


# --- Glossary --------------------------------------------------------------------------


class Term(Strict):
    """A glossary entry (docs/data/ordlista.yml)."""

    id: Id
    term: Localized
    synonyms: OptionalLocalizedList = Field(default_factory=OptionalLocalizedList)
    short: Localized = Field(description="En mening, visas som verktygstips (högst 250 tecken).")
    definition: Localized = Field(description="Full definition, Markdown utan HTML.")
    see_also: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)

    @field_validator("short")
    @classmethod
    def _short_is_short(cls, value: Localized) -> Localized:
        for lang in LANGS:
            if len(value.get(lang)) > 250:
                raise ValueError(f"{lang}: at most 250 characters (a tooltip), got {len(value.get(lang))}")
        return value


# --- Example catalogue -----------------------------------------------------------------


class Result(Strict):
    """A measured figure: what was measured, before and after, in which unit and period."""

    what: Localized
    before: float | None = None
    after: float | None = None
    unit: Localized | None = None
    period: Text | None = None
    note: Localized | None = None

    @model_validator(mode="after")
    def _has_a_figure(self) -> "Result":
        if self.before is None and self.after is None:
            raise ValueError("give 'before', 'after' or both")
        return self


class ResultsLabels(Strict):
    before: Localized
    after: Localized


class Example(Strict):
    """One example in the catalogue (docs/data/exempel/<id>.yml; the id is the file name)."""

    id: Id
    title: Localized
    kind: Id = Field(description="Id från vokabular.yml: kinds.")
    organisation: Localized | None = None
    region: Text | None = None
    care_areas: list[Id] = Field(min_length=1, description="Id:n från vokabular.yml: care_areas.")
    professions: list[Id] = Field(min_length=1, description="Id:n från vokabular.yml: professions.")
    measure_types: list[Id] = Field(min_length=1, description="Id:n från vokabular.yml: measure_types.")
    summary: Localized
    body: Localized = Field(description="Markdown utan HTML.")
    results: list[Result] = Field(default_factory=list)
    results_labels: ResultsLabels | None = None
    sources: list[Id] = Field(min_length=1)
    terms: list[Id] = Field(default_factory=list)
    reviewed: dt.date = Field(description="Datum då exemplet senast granskades mot källorna (ÅÅÅÅ-MM-DD).")


# --- Vocabularies ----------------------------------------------------------------------


class Vocabulary(Strict):
    """Controlled vocabularies for the catalogue (docs/data/vokabular.yml)."""

    kinds: dict[Id, Localized] = Field(min_length=1)
    care_areas: dict[Id, Localized] = Field(min_length=1)
    professions: dict[Id, Localized] = Field(min_length=1)
    measure_types: dict[Id, Localized] = Field(min_length=1)


# --- Exercises and decks ---------------------------------------------------------------


class Slide(Strict):
    """One step of an exercise or one slide of a deck."""

    id: Id
    title: Localized
    minutes: int | None = Field(default=None, ge=1, le=120, description="Tid för steget: ger en nedräkningstimer.")
    text: Localized | None = None
    points: LocalizedList | None = None
    questions: LocalizedList | None = None
    priority_list: bool = False
    follow_up: bool = Field(
        default=False,
        description="Prioriteringslistan visar uppföljningen: ansvarig, nästa steg, status, datum och seriediagram. Kräver priority_list.",
    )

    @model_validator(mode="after")
    def _follow_up_needs_list(self) -> "Slide":
        if self.follow_up and not self.priority_list:
            raise ValueError("follow_up: needs 'priority_list: true' on the same slide")
        return self


class Exercise(Strict):
    """An exercise, follow-up session or slide deck (docs/data/ovningar/<id>.yml)."""

    id: Id
    title: Localized
    subtitle: Localized | None = None
    minutes: int | None = Field(default=None, ge=1, le=240, description="Total tid; stegens minuter ska bli exakt detta.")
    slides: list[Slide] = Field(min_length=1)

    @model_validator(mode="after")
    def _minutes_add_up(self) -> "Exercise":
        if self.minutes is not None:
            total = sum(s.minutes or 0 for s in self.slides)
            if total != self.minutes:
                raise ValueError(f"minutes: the steps add up to {total}, not {self.minutes}")
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(f"slides: duplicate slide id '{slide.id}'")
            seen.add(slide.id)
        return self

