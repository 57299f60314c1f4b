"""Render an exercise or deck (docs/data/ovningar/<id>.yml) for its page.

The page is the single rendering: docs/javascripts/projector.js builds the
projector view from these sections, and print CSS turns the same HTML into the
A4 handout. Without JavaScript the page is a complete, readable exercise.

DOM contract (used by projector.js, priority-list.js and the tests):
- div.exercise[data-exercise=<id>][data-minutes?][data-title][data-subtitle][data-strings=<json>]
  (data-strings: the UI dict below for the page's language; data-minutes only when set)
- button[data-present][hidden] and span.exercise__hint[hidden]: revealed by projector.js
- button[data-print-reflection][hidden]: prints the first timed step alone, with room to
  write (html.print-reflection during printing); the step carries [data-reflection]
- section.exercise__slide[data-slide=<slide id>][data-minutes?] with an h2 first
- div.priority-list[data-priority-list][data-follow-up?] inside the voting step, holding h3,
  p.priority-list__local (always shown) and p.priority-list__nojs (hidden by the script);
  data-follow-up (slide.follow_up) adds owners, status, follow-up dates and run charts
- div.exercise__notes.print-only in each timed step: a box for notes on the handout

Points and questions are one line of Markdown each (bold works; raw HTML is text).
The projector view copies each section's children except the h2, .print-only and
.priority-list; the live priority list itself is moved into the voting slide.
"""

from __future__ import annotations

import json

import markdown as md

from .loader import SiteData
from .models import Exercise, Slide
from .render import PageRef, UnknownId, esc, md_block
from .strings import EXERCISE_UI as UI


def _md(text: str) -> str:
    """Markdown from YAML to HTML, with raw HTML shown as text."""
    return md.markdown(md_block(text), extensions=["sane_lists"])


def _md_inline(text: str) -> str:
    """One line of Markdown (bold, italics, links) without the paragraph around it."""
    out = md.markdown(md_block(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def _ui(lang: str, key: str, **kwargs) -> str:
    text = UI[lang][key]
    return text.format(**kwargs) if kwargs else text


def _slide(slide: Slide, lang: str, reflection: bool = False) -> str:
    minutes = f' data-minutes="{slide.minutes}"' if slide.minutes else ""
    if reflection:
        minutes += " data-reflection"
    label = f' <span class="exercise__minutes">({esc(_ui(lang, "minutes", n=slide.minutes))})</span>' if slide.minutes else ""
    out = [f'<section class="exercise__slide" id="{esc(slide.id)}" data-slide="{esc(slide.id)}"{minutes}>']
    out.append(f'<h2 class="exercise__title">{esc(slide.title.get(lang))}{label}</h2>')
    if slide.text:
        out.append(f'<div class="exercise__text">{_md(slide.text.get(lang))}</div>')
    if slide.points:
        out.append('<ul class="exercise__points">' + "".join(f"<li>{_md_inline(p)}</li>" for p in slide.points.get(lang)) + "</ul>")
    if slide.questions:
        out.append(f'<p class="exercise__questions-label">{esc(_ui(lang, "questions"))}</p>')
        out.append('<ul class="exercise__questions">' + "".join(f"<li>{_md_inline(q)}</li>" for q in slide.questions.get(lang)) + "</ul>")
    if slide.minutes:
        out.append(f'<div class="exercise__notes print-only" aria-hidden="true"><p>{esc(_ui(lang, "notes"))}</p></div>')
    if slide.priority_list:
        out.append(priority_list(lang, follow_up=slide.follow_up))
    out.append("</section>")
    return "\n".join(out)


def priority_list(lang: str, follow_up: bool = False) -> str:
    """The container priority-list.js fills; without JavaScript it says how to do without."""
    mode = " data-follow-up" if follow_up else ""
    return (
        f'<div class="priority-list" data-priority-list{mode} aria-labelledby="priority-list-title">'
        f'<h3 id="priority-list-title">{esc(_ui(lang, "pl_title"))}</h3>'
        f'<p class="priority-list__local">{esc(_ui(lang, "pl_local"))}</p>'
        f'<p class="priority-list__nojs">{esc(_ui(lang, "no_js"))}</p>'
        f"</div>"
    )


def _overview(ex: Exercise, lang: str) -> str:
    timed = [s for s in ex.slides if s.minutes]
    if not timed:
        return ""
    rows = "".join(
        f'<tr><td><a href="#{esc(s.id)}">{esc(s.title.get(lang))}</a></td><td>{esc(_ui(lang, "minutes", n=s.minutes))}</td></tr>'
        for s in timed
    )
    total = sum(s.minutes or 0 for s in timed)
    return (
        f'<table class="exercise__overview"><caption>{esc(_ui(lang, "steps"))}</caption>'
        f'<thead><tr><th scope="col">{esc(_ui(lang, "step"))}</th><th scope="col">{esc(_ui(lang, "time"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">{esc(_ui(lang, "total", n=total).split(":")[0])}</th><td>{esc(_ui(lang, "minutes", n=total))}</td></tr></tfoot>'
        f"</table>"
    )


def render_exercise(data: SiteData, page: PageRef, exercise_id: str) -> str:
    try:
        ex = data.exercises[exercise_id]
    except KeyError:
        raise UnknownId(f"unknown exercise id '{exercise_id}'") from None
    lang = page.lang
    strings = esc(json.dumps(UI[lang], ensure_ascii=False))
    minutes = f' data-minutes="{ex.minutes}"' if ex.minutes else ""
    subtitle = ex.subtitle.get(lang) if ex.subtitle else ""
    # The first timed step is the individual reflection: it can be printed alone as a sheet.
    reflection = next((s for s in ex.slides if s.minutes), None)
    out = [
        f'<div class="exercise" data-exercise="{esc(ex.id)}"{minutes} data-title="{esc(ex.title.get(lang))}" '
        f'data-subtitle="{esc(subtitle)}" data-strings="{strings}">',
        f'<p class="exercise__actions"><button type="button" class="md-button md-button--primary exercise__present" '
        f'data-present hidden>{esc(_ui(lang, "present"))}</button> '
        f'<span class="exercise__hint" hidden>{esc(_ui(lang, "present_hint"))}</span>'
        + (f' <button type="button" class="md-button exercise__print-reflection" data-print-reflection hidden>'
           f'{esc(_ui(lang, "print_reflection"))}</button>' if reflection else "")
        + "</p>",
        _overview(ex, lang),
    ]
    out += [_slide(slide, lang, reflection=slide is reflection) for slide in ex.slides]
    out.append("</div>")
    return "\n".join(line for line in out if line)
