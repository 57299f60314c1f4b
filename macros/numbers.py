"""Numbers and changes in each language's format (babel: CLDR data).

Swedish: 9 277 (no-break space) and 3,5; English: 9,277 and 3.5. At most two decimals.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from .models import Result

NBSP = "\u00a0"
MINUS = "\u2212"


def number(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=lang)


def change(result: Result, lang: str) -> str:
    """The change from before to after in whole per cent ('−20 %'), or '' when it has no meaning."""
    if result.before is None or result.after is None or result.before == 0:
        return ""
    pct = (result.after - result.before) / result.before * 100
    sign = "+" if pct > 0 else MINUS if pct < 0 else "\u00b1"
    return f"{sign}{number(round(abs(pct)), lang)}{NBSP}%"


def with_unit(value: float, result: Result, lang: str) -> str:
    unit = f"{NBSP}{result.unit.get(lang)}" if result.unit else ""
    return number(value, lang) + unit


def figure_text(result: Result, lang: str) -> str:
    """'1 429 → 1 149': the figures of a result that are given."""
    parts = [with_unit(v, result, lang) for v in (result.before, result.after) if v is not None]
    return " \u2192 ".join(parts)
