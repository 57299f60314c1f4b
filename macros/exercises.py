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
- div.priority-list[data-priority-list] inside the voting step, holding h3,
  p.priority-list__local (always shown) and p.priority-list__nojs (hidden by the script)
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

UI = {
    "sv": {
        "present": "Visa på storbild",
        "present_hint": "eller tryck P",
        "print_reflection": "Skriv ut reflektionsblad",
        "minutes": "{n} min",
        "total": "Total tid: {n} minuter",
        "questions": "Frågor att diskutera",
        "steps": "Stegen i korthet",
        "step": "Steg",
        "time": "Tid",
        "notes": "Anteckningar",
        "start": "Starta",
        "pause": "Pausa",
        "reset": "Återställ",
        "add_minute": "+1 min",
        "next": "Nästa",
        "previous": "Föregående",
        "close": "Stäng storbild",
        "fullscreen": "Helskärm",
        "sound": "Ljud vid tidens slut",
        "time_up": "Tiden är slut",
        "timer_label": "Tid kvar för steget",
        "slide_of": "Bild {n} av {total}",
        "step_of": "Steg {n} av {total}",
        "left_total": "{m} min kvar av övningen",
        "minutes_left": "{n} minuter kvar",
        "one_minute_left": "En minut kvar",
        "keys": "Tangenter: → nästa, ← föregående, mellanslag start/paus, R återställ, F helskärm, Esc avsluta",
        "no_js": "Prioriteringslistan på skärmen kräver JavaScript. Skriv annars förslagen och rösterna på papper eller tavla.",
        "pl_title": "Prioriteringslista",
        "pl_suggestion": "Förslag",
        "pl_votes": "Röster",
        "pl_add": "Lägg till",
        "pl_more": "En röst till",
        "pl_less": "En röst mindre",
        "pl_remove": "Ta bort",
        "pl_clear": "Rensa",
        "pl_confirm_clear": "Vill du rensa hela prioriteringslistan? Det går inte att ångra.",
        "pl_print": "Skriv ut",
        "pl_copy": "Kopiera som text",
        "pl_copied": "Listan är kopierad.",
        "pl_csv": "Ladda ner CSV",
        "pl_empty": "Listan är tom. Skriv in gruppernas förslag här.",
        "pl_local": "Listan sparas bara i den här webbläsaren. Inget skickas någonstans.",
        "pl_rank": "Plats",
        # Excel with Swedish settings splits CSV columns on semicolons, not commas.
        "csv_separator": ";",
    },
    "en": {
        "present": "Present",
        "present_hint": "or press P",
        "print_reflection": "Print reflection sheet",
        "minutes": "{n} min",
        "total": "Total time: {n} minutes",
        "questions": "Questions to discuss",
        "steps": "The steps at a glance",
        "step": "Step",
        "time": "Time",
        "notes": "Notes",
        "start": "Start",
        "pause": "Pause",
        "reset": "Reset",
        "add_minute": "+1 min",
        "next": "Next",
        "previous": "Previous",
        "close": "Leave presentation",
        "fullscreen": "Full screen",
        "sound": "Sound when time is up",
        "time_up": "Time is up",
        "timer_label": "Time left for this step",
        "slide_of": "Slide {n} of {total}",
        "step_of": "Step {n} of {total}",
        "left_total": "{m} min left of the exercise",
        "minutes_left": "{n} minutes left",
        "one_minute_left": "One minute left",
        "keys": "Keys: → next, ← previous, Space start/pause, R reset, F full screen, Esc leave",
        "no_js": "The on-screen priority list needs JavaScript. Otherwise write the suggestions and votes on paper or a whiteboard.",
        "pl_title": "Priority list",
        "pl_suggestion": "Suggestion",
        "pl_votes": "Votes",
        "pl_add": "Add",
        "pl_more": "One more vote",
        "pl_less": "One vote less",
        "pl_remove": "Remove",
        "pl_clear": "Clear",
        "pl_confirm_clear": "Clear the whole priority list? This cannot be undone.",
        "pl_print": "Print",
        "pl_copy": "Copy as text",
        "pl_copied": "The list has been copied.",
        "pl_csv": "Download CSV",
        "pl_empty": "The list is empty. Type the groups' suggestions here.",
        "pl_local": "The list is stored only in this browser. Nothing is sent anywhere.",
        "pl_rank": "Rank",
        "csv_separator": ",",
    },
}


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


def _slide(slide: Slide, lang: str, index: int, exercise_id: str, reflection: bool = False) -> str:
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
        out.append(priority_list(lang))
    out.append("</section>")
    return "\n".join(out)


def priority_list(lang: str) -> str:
    """The container priority-list.js fills; without JavaScript it says how to do without."""
    return (
        f'<div class="priority-list" data-priority-list aria-labelledby="priority-list-title">'
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
    out += [_slide(slide, lang, i, ex.id, reflection=slide is reflection) for i, slide in enumerate(ex.slides)]
    out.append("</div>")
    return "\n".join(line for line in out if line)
