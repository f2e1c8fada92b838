"""Package rules: the pure rules core (round state, commands, scoring, debrief, records, bots).

Never imports pygame, never reads the clock, never touches files. Re-exported here: `new_round`,
`apply`, `check`, `Step`, the commands and the events. Elsewhere: `scoring.score`, `debrief.debrief`,
`record.result_record`, `bots.make_policy`, `state.state_to_dict` / `state.state_from_dict`.
"""

from game.rules.commands import Action, CheckSource, ClosePage, EndRound, Flag, OpenPage, Search, SearchPicture, SeeResults, Share, Skip, Tick, UseTool
from game.rules.engine import Step, apply, check, new_round
from game.rules.events import Browsed, Decided, FeedbackReady, Rejected, RoundOver, ToolUsed

__all__ = [
    "Action",
    "Browsed",
    "CheckSource",
    "ClosePage",
    "OpenPage",
    "Search",
    "SearchPicture",
    "SeeResults",
    "Decided",
    "EndRound",
    "FeedbackReady",
    "Flag",
    "Rejected",
    "RoundOver",
    "Share",
    "Skip",
    "Step",
    "Tick",
    "ToolUsed",
    "UseTool",
    "apply",
    "check",
    "new_round",
]
