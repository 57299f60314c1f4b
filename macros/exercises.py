"""Render an exercise or deck (docs/data/ovningar/<id>.yml) for its page.

The page is the single rendering: docs/javascripts/projector.js builds the
projector view from these sections, and print CSS turns the same HTML into the
A4 handout. Without JavaScript the page is a complete, readable exercise.

DOM contract (used by projector.js, priority-list.js and the tests):
- div.exercise[data-exercise=<id>][data-minutes?][data-title][data-subtitle][data-strings=<json>]
  (data-strings: the interface text the scripts use, in the page's language: strings_attribute;
  data-minutes only when set)
- button[data-present][hidden] and span.exercise__hint[hidden]: revealed by exercise-start.js
- button[data-print-reflection][hidden]: prints the first timed step alone, with room to
  write (html.print-reflection during printing); the step carries [data-reflection]
- section.exercise__slide[data-slide=<slide id>][data-minutes?] with an h2 first
- div.priority-list[data-priority-list][data-follow-up?] inside the voting step, holding h3,
  p.priority-list__local (always shown) and p.priority-list__nojs (hidden by the script);
  data-follow-up (slide.follow_up) adds owners, status, follow-up dates and run charts
- div.exercise__notes.print-only in each timed step: a box for notes on the handout

The markup is in overrides/render/exercise.html. Points and questions are one line of
Markdown each (bold works; raw HTML is text).
The projector view copies each section's children except the h2, .print-only and
.priority-list; the live priority list itself is moved into the voting slide.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .links import get
from .loader import SiteData
from .strings import EXERCISE_UI, FOLLOW_UP_ONLY, FOLLOW_UP_PREFIX, TEMPLATE_ONLY
from .templating import render
from .urls import PageRef


def strings_attribute(ui: dict, follow_up: bool) -> Markup:
    """data-strings='<json>': the interface text the page's scripts use. In single quotes,
    so the JSON's many double quotes need no escaping (about 2.6 KB less on a page); the
    value is escaped for that: & and ' (and < > for good measure)."""
    wanted = {
        key: value
        for key, value in ui.items()
        if key not in TEMPLATE_ONLY and (follow_up or (key not in FOLLOW_UP_ONLY and not key.startswith(FOLLOW_UP_PREFIX)))
    }
    text = json.dumps(wanted, ensure_ascii=False, separators=(",", ":"))
    for char, entity in (("&", "&amp;"), ("'", "&#39;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, entity)
    return Markup(f"data-strings='{text}'")


def render_exercise(data: SiteData, page: PageRef, exercise_id: str) -> Markup:
    ex = get(data.exercises, exercise_id, "exercise")
    ui = EXERCISE_UI[page.lang]
    timed = [s for s in ex.slides if s.minutes]
    total = sum(s.minutes or 0 for s in timed)
    return render(
        "exercise.html",
        ex=ex,
        lang=page.lang,
        ui=ui,
        strings_attribute=strings_attribute(ui, follow_up=any(s.follow_up for s in ex.slides)),
        timed=timed,
        total=total,
        total_label=ui["total"].split(":")[0],
        # The first timed step is the individual reflection: it can be printed alone as a sheet.
        reflection=timed[0] if timed else None,
    )
