"""A past round in the learner's words: its date in local time ("1 Mar 2025, 14:05" /
"១ មីនា ២០២៥ ម៉ោង ១៤:០៥") and its title in the learner's language. Used by My history and the
resume dialog. No pygame; the local time zone is the only thing read from the machine.
"""

from __future__ import annotations

from typing import Optional

from game.app.history_observer import parse_iso
from game.app.library import ScenarioLibrary
from game.lang.i18n import N_, Translator
from game.store.history import KIND_WEAK_SPOTS, Attempt

MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def format_date(tr: Translator, iso: str, with_time: bool = True) -> str:
    """A stored UTC time in the learner's local time and words: "1 Mar 2025, 14:05" / "១ មីនា ២០២៥ ម៉ោង ១៤:០៥"."""
    try:
        moment = parse_iso(iso).astimezone()
    except ValueError:
        return iso
    day, month, year = tr.digits(str(moment.day)), tr(MONTHS[moment.month - 1]), tr.digits(str(moment.year))
    if not with_time:
        return tr("{day} {month} {year}", day=day, month=month, year=year)
    return tr("{day} {month} {year}, {time}", day=day, month=month, year=year, time=tr.digits(moment.strftime("%H:%M")))


def scenario_title(tr: Translator, library: Optional[ScenarioLibrary], attempt: Attempt) -> str:
    """The round's title in the learner's language when the scenario is installed in it."""
    if attempt.kind == KIND_WEAK_SPOTS:
        return tr("Practice my weak spots")
    family = library.find(attempt.scenario_id) if library is not None else None
    if family is not None and tr.language in family.versions:
        return family.versions[tr.language].scenario.title
    return attempt.scenario_title
