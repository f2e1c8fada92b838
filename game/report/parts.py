"""Small HTML pieces shared by the report's page modules (`html`, `prepost`): escaping, Khmer marking, numbers, cards.

Pure: builds strings. Imports nothing from the other report modules, so no two of them import each other.
"""

from __future__ import annotations

import html
import re

_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_KHMER_RUN = re.compile("[\u1780-\u17ff\u19e0-\u19ff\u200b-\u200d]+(?:[ \u00a0]+[\u1780-\u17ff\u19e0-\u19ff\u200b-\u200d]+)*")
_LATIN = re.compile("[A-Za-z]")


def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def lang_attribute(text: str) -> str:
    """` lang="km"` for text in Khmer script (and no Latin letters), so the Khmer fonts and line height apply."""
    return ' lang="km"' if _KHMER.search(text) and not _LATIN.search(text) else ""


def khmer_markup(text: str) -> str:
    """Escaped text; in text mixing Latin and Khmer, each Khmer run is wrapped in `<span lang="km">`."""
    if not _KHMER.search(text) or not _LATIN.search(text):
        return escape(text)
    parts, position = [], 0
    for run in _KHMER_RUN.finditer(text):
        parts.append(escape(text[position : run.start()]))
        parts.append(f'<span lang="km">{escape(run.group())}</span>')
        position = run.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def text_span(text: object, tag: str = "span", css_class: str = "") -> str:
    """Escaped text in an element, marked as Khmer when it is (Khmer runs only, in mixed text)."""
    value = str(text)
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f"<{tag}{class_attribute}{lang_attribute(value)}>{khmer_markup(value)}</{tag}>"


def number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}".replace("-", "−")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%".replace("-", "−")


def card(value: str, label: str, hint: str = "") -> str:
    title = f' title="{escape(hint)}"' if hint else ""
    return f'<div class="card"{title}><span class="value">{escape(value)}</span><span class="label">{escape(label)}</span></div>'
