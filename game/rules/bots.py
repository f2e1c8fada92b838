"""Bot policies that play a round by sending commands: for tests, benchmarks and facilitator demos.

`make_policy(name, seed)` gives an object with `next_command(state) -> command | None` (None once the
round is over). Policies hold no changing state: the next command depends only on the round state and
the seed, so the same seed always plays the same round. `play` runs a policy through a whole round.
No pygame, no clock reads, no file I/O.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Optional, Protocol, Union

from game.rules.clues import tool_applies
from game.rules.commands import Action, Command, EndRound, Flag, Share, Skip, UseTool
from game.rules.engine import apply
from game.rules.events import Event
from game.rules.scoring import best_action, nameable_techniques
from game.rules.state import RoundState
from game.scenario.model import Tool

POLICY_NAMES = ("perfect", "share-all", "flag-all", "skip-all", "random")
# Chance that the random bot checks a post with a verify tool before deciding.
RANDOM_TOOL_CHANCE = 0.3


class Policy(Protocol):
    name: str

    def next_command(self, state: RoundState) -> Optional[Command]: ...


def _decide(action: Action, post_id: str, reasons: tuple[str, ...] = ()) -> Command:
    if action is Action.flag:
        return Flag(post_id, reasons)
    return Share(post_id) if action is Action.share else Skip(post_id)


@dataclass(frozen=True)
class SameActionPolicy:
    """Share, flag or skip every post in feed order, without tools or reasons."""

    name: str
    action: Action

    def next_command(self, state: RoundState) -> Optional[Command]:
        if state.over or not state.undecided:
            return None
        return _decide(self.action, state.undecided[0])


@dataclass(frozen=True)
class PerfectPolicy:
    """Takes the best-scoring action on every post, names the post's techniques, uses no tools."""

    name: str = "perfect"

    def next_command(self, state: RoundState) -> Optional[Command]:
        if state.over or not state.undecided:
            return None
        post = state.post(state.undecided[0])
        action = best_action(state.loaded, post)
        reasons = nameable_techniques(state.loaded, post) if action is Action.flag and state.scenario.ask_reasons else ()
        return _decide(action, post.id, reasons)


@dataclass(frozen=True)
class RandomPolicy:
    """Random decisions and reasons, seeded; checks some posts with a verify tool (at least one per round)."""

    seed: Union[int, str, None]
    name: str = "random"

    def _tool_post(self, state: RoundState) -> str:
        post_ids = sorted(state.order)
        return post_ids[random.Random(f"{self.seed}|tool-post").randrange(len(post_ids))]

    def next_command(self, state: RoundState) -> Optional[Command]:
        if state.over or not state.undecided:
            return None
        post = state.post(state.undecided[0])
        rng = random.Random(f"{self.seed}|{post.id}")
        wants_tool = rng.random() < RANDOM_TOOL_CHANCE or post.id == self._tool_post(state)
        tool = rng.choice([tool for tool in Tool if tool_applies(post, tool)])
        if wants_tool and tool not in state.tools_on(post.id):
            return UseTool(post.id, tool)
        action = rng.choice(list(Action))
        reasons: tuple[str, ...] = ()
        if action is Action.flag and state.scenario.ask_reasons:
            pool = sorted(set(nameable_techniques(state.loaded, post)) | set(rng.sample(sorted(state.loaded.techniques), min(2, len(state.loaded.techniques)))))
            reasons = tuple(rng.sample(pool, rng.randint(0, min(2, len(pool)))))
        return _decide(action, post.id, reasons)


@dataclass(frozen=True)
class EndAfter:
    """Another policy, until it has made `decisions` decisions in the round: then it finishes the round
    early ("Finish now"), as a trainee who leaves does (`autoplay --end-after N`)."""

    policy: Policy
    decisions: int

    @property
    def name(self) -> str:
        return self.policy.name

    def next_command(self, state: RoundState) -> Optional[Command]:
        if state.over:
            return None
        own = sum(1 for decision in state.decisions if decision.auto is None)
        return EndRound() if own >= self.decisions else self.policy.next_command(state)


def make_policy(name: str, seed: Union[int, str, None] = None, *, end_after: Optional[int] = None) -> Policy:
    """A bot policy by name: perfect, share-all, flag-all, skip-all or random (seeded); with
    `end_after`, it finishes each round early after that many decisions."""
    if end_after is not None:
        return EndAfter(make_policy(name, seed), end_after)
    if name == "perfect":
        return PerfectPolicy()
    if name == "share-all":
        return SameActionPolicy(name, Action.share)
    if name == "flag-all":
        return SameActionPolicy(name, Action.flag)
    if name == "skip-all":
        return SameActionPolicy(name, Action.skip)
    if name == "random":
        return RandomPolicy(seed)
    raise ValueError(f"Unknown bot policy {name!r}; choose one of: {', '.join(POLICY_NAMES)}.")


def play(
    state: RoundState, policy: Policy, *, seconds_per_command: float = 1.0, max_commands: int = 10_000
) -> tuple[RoundState, list[Event]]:
    """Let a policy play until the round is over; each command comes `seconds_per_command` after the last.

    Raises RuntimeError if the policy sends a command the rules reject (a bug in the policy).
    """
    events: list[Event] = []
    now = state.clock
    for _ in range(max_commands):
        command = policy.next_command(state)
        if command is None:
            return state, events
        now += seconds_per_command
        step = apply(state, command, now)
        events.extend(step.events)
        rejection = step.rejected
        if rejection is not None and not step.state.over:
            raise RuntimeError(f"Policy {policy.name!r} sent a rejected command {command!r}: {rejection.message}")
        state = step.state
    raise RuntimeError(f"Policy {policy.name!r} did not finish the round within {max_commands} commands.")
