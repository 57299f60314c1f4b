"""Data models for the site's YAML data (docs/data/).

One pydantic model per kind of record. The models are the single definition of
the data format: the loader validates with them and `python -m macros.schemas`
writes the JSON Schema files that editors' editors use (schemas/*.schema.json).

Cross-references (source ids, term ids, vocabulary ids) are checked by the
loader, which knows every file; the models check shape and types only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .strings import msg

LANGS = ("sv", "en")
MD_HEADING = re.compile(r"^(#{1,6})\s", re.M)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="Stable id: lower-case ASCII letters, digits and hyphens (kebab-case)."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PagePath = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$"),
    Field(description="A page's source file in docs/ in the default language, e.g. begrepp/index.md."),
]

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
    """Synonyms and search words: either language may be empty."""

    sv: list[Text] = Field(default_factory=list)
    en: list[Text] = Field(default_factory=list)

    def get(self, lang: str) -> list[str]:
        return getattr(self, lang)


# --- Source register -------------------------------------------------------------------


class SameText(Localized):
    """One text given once for both languages: a name or a title as published."""


def _same_in_both(value: object) -> object:
    """A plain string is the same text in both languages: a name or a published title."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(msg("not_empty"))
        return SameText(sv=value, en=value)
    return value


# Either one text for both languages (a name, a title as published) or sv/en where the
# site wrote the text itself (a description, "not stated in the source material").
NameOrLocalized = Annotated[Localized, BeforeValidator(_same_in_both, json_schema_input_type=Text | Localized)]


class Source(Strict):
    """An entry in the source register (docs/data/kallor.yml)."""

    id: Id
    publisher: NameOrLocalized = Field(description="Utgivare eller författare. Text, eller sv/en där texten är vår egen.")
    short: NameOrLocalized | None = Field(
        default=None, description="Kort namn i hänvisningar, t.ex. 'SBU'. Annars används publisher. Text eller sv/en."
    )
    title: NameOrLocalized = Field(description="Titeln som den är publicerad, eller sv/en för en titel vi har beskrivit med egna ord.")
    year: int | None = Field(default=None, ge=1900, le=2100, description="Utgivningsår. Utelämna det om källmaterialet inte anger det.")
    kind: Literal[SOURCE_KINDS] = Field(description="Typ av källa.")  # type: ignore[valid-type]
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Localized | None = Field(default=None, description="Vad källan är och vad webbplatsen använder den till.")
    reviewed: dt.date | None = Field(
        default=None, description="Datum då posten senast kontrollerades (ÅÅÅÅ-MM-DD); make granska listar gamla."
    )


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
    search_words: OptionalLocalizedList = Field(
        default_factory=OptionalLocalizedList,
        description="Ord som ska leda hit i sökningen utan att synas på sidan: böjningsformer, sammansättningar, vardagliga ord.",
    )
    page: PagePath | None = Field(
        default=None,
        description="Sidan som förklarar begreppet (källfilen i docs/, t.ex. begrepp/index.md). Sökorden leder dit och till ordlistan.",
    )
    reviewed: dt.date | None = Field(
        default=None, description="Datum då begreppet senast granskades mot källorna (ÅÅÅÅ-MM-DD); make granska listar gamla."
    )

    @field_validator("short")
    @classmethod
    def _short_is_short(cls, value: Localized) -> Localized:
        for lang in LANGS:
            if len(value.get(lang)) > 250:
                raise ValueError(msg("short_too_long", lang=lang, n=len(value.get(lang))))
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
    def _has_a_figure(self) -> Result:
        if self.before is None and self.after is None:
            raise ValueError(msg("no_figure"))
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
    results_note: Localized | None = Field(
        default=None, description="En förklaring som gäller hela resultattabellen; visas en gång ovanför den."
    )
    sources: list[Id] = Field(min_length=1)
    terms: list[Id] = Field(default_factory=list)
    search_words: OptionalLocalizedList = Field(
        default_factory=OptionalLocalizedList,
        description="Ord som ska hitta exemplet i sökningen och i katalogens sökruta: vad exemplet handlar om, med vardagliga ord.",
    )
    reviewed: dt.date = Field(description="Datum då exemplet senast granskades mot källorna (ÅÅÅÅ-MM-DD).")

    @field_validator("body")
    @classmethod
    def _same_headings(cls, value: Localized) -> Localized:
        # The page's sections keep one id in both languages (the language switch uses it).
        levels = {lang: [len(m.group(1)) for m in MD_HEADING.finditer(value.get(lang))] for lang in LANGS}
        if len(set(map(tuple, levels.values()))) > 1:
            raise ValueError(msg("same_headings"))
        return value


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
    def _follow_up_needs_list(self) -> Slide:
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
    def _minutes_add_up(self) -> Exercise:
        if self.minutes is not None:
            total = sum(s.minutes or 0 for s in self.slides)
            if total != self.minutes:
                raise ValueError(msg("minutes_sum", total=total, minutes=self.minutes))
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(msg("duplicate_slide", id=slide.id))
            seen.add(slide.id)
        return self


# --- The manager's summary -------------------------------------------------------------


class SummaryLine(Strict):
    """One success factor or risk with one line on what to do about it."""

    id: Id
    title: Localized = Field(description="Faktorns eller riskens namn, som rubriken på sidan.")
    line: Localized = Field(description="En rad: vad ni gör (framgångsfaktor) eller hur ni förebygger den (risk).")
    sources: list[Id] = Field(min_length=1, description="Källor i kallor.yml som raden bygger på.")

    @field_validator("line")
    @classmethod
    def _one_line(cls, value: Localized) -> Localized:
        for lang in LANGS:
            if len(value.get(lang)) > 160 or "\n" in value.get(lang):
                raise ValueError(msg("summary_line_long", lang=lang))
        return value


class ManagerSummary(Strict):
    """The manager's summary (docs/data/chefsunderlag.yml): the same lines open the success
    factors and risks pages and make up the page chefsunderlag.md."""

    success_factors: list[SummaryLine] = Field(min_length=1)
    risks: list[SummaryLine] = Field(min_length=1)
    questions: LocalizedList

    @model_validator(mode="after")
    def _unique_ids(self) -> ManagerSummary:
        for name in ("success_factors", "risks"):
            seen: set[str] = set()
            for item in getattr(self, name):
                if item.id in seen:
                    raise ValueError(msg("summary_duplicate", name=name, id=item.id))
                seen.add(item.id)
        return self
