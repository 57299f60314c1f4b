"""The state of one build, kept on one object that site_hooks.py resets in on_config.

mkdocs-static-i18n builds the default language first and then each other language
inside that build's post_build, so the build events nest: `depth` counts open builds,
and only the outermost post_build sees the whole site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loader import SiteData
from .models import LANGS


class ConfigError(Exception):
    """mkdocs.yml and the data disagree (e.g. a language without data fields)."""


@dataclass(frozen=True)
class Languages:
    """The site's languages, read once from the i18n plugin's configuration."""

    default: str
    all: tuple[str, ...]  # the default first

    @property
    def others(self) -> tuple[str, ...]:
        return self.all[1:]

    def prefix(self, lang: str) -> str:
        """Where a language's pages live in site/: '' for the default, 'en/' for English."""
        return "" if lang == self.default else f"{lang}/"

    def suffix(self, lang: str) -> str:
        """The file-name suffix of a language's pages in docs/: '' or '.en'."""
        return "" if lang == self.default else f".{lang}"

    @classmethod
    def from_config(cls, config) -> Languages:
        i18n = config["plugins"].get("i18n")
        if i18n is None:
            raise ConfigError("mkdocs.yml: plugins: pluginet i18n saknas")
        langs = [lang for lang in i18n.config.languages if lang.build]
        default = next(lang.locale for lang in langs if lang.default)
        ordered = (default, *[lang.locale for lang in langs if lang.locale != default])
        if set(ordered) != set(LANGS):
            raise ConfigError(
                f"mkdocs.yml: i18n: språken {sorted(ordered)} är inte desamma som datamodellernas {sorted(LANGS)} (macros/models.py)"
            )
        return cls(default=default, all=ordered)


@dataclass
class BuildState:
    docs_dir: Path
    languages: Languages
    data: SiteData
    links: object = None  # macros.links.Links: citations and term links, source labels per language
    macros: dict = field(default_factory=dict)  # the page macros (page_macros.py), registered with mkdocs-macros
    files: object = None  # MkDocs Files of the language being built (site_hooks.on_files)
    problems: list[str] = field(default_factory=list)
    depth: int = 0
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)  # the tooltips per language
    not_found: str | None = None  # the default language's 404 page, written for every language
    page_words: dict = field(default_factory=dict)  # lang -> location -> search words from front matter

    def report(self, line: str) -> bool:
        """Remember a problem found while rendering pages; True when it is new."""
        if line in self.problems:
            return False
        self.problems.append(line)
        return True
