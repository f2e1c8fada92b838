"""Practice my weak spots: spaced repetition of manipulation techniques (Leitner boxes) and the
builder that composes a practice round from several installed scenarios.

Pure: no file I/O, no clock reads (`today` is always passed in), no pygame. The store
(`game/store/history.py`) keeps one `TechniqueState` per learner and technique and calls
`next_technique_state` after each finished round; the UI calls `build_practice_round` with the
loaded scenarios, the learner's states and the posts of the learner's last practice round.
The algorithm is documented in `docs/practice.md`.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from game.scenario.model import LoadedScenario, Mode, Scenario

# Days until a technique is due again, by Leitner box (box 1 = weakest).
LEITNER_INTERVAL_DAYS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
LOWEST_BOX = 1
HIGHEST_BOX = 5
DEFAULT_ROUND_SIZE = 10
MIN_RELIABLE_SHARE = 0.4
# After a post is picked, its techniques count this much less, so one technique cannot fill the round.
REPEAT_DAMPING = 0.5
PRACTICE_SCENARIO_ID = "practice"
# A file name with no folder: `Path(path).parent` is ".", so the rewritten media paths below
# resolve exactly as they did from their own scenario file.
PRACTICE_PATH = "practice-round"

DateLike = Union[date, str]


class PracticeUnavailable(ValueError):
    """No practice round can be built (no posts in that language, or no reliable posts at all)."""


@dataclass(frozen=True)
class TechniqueState:
    """How well one learner knows one technique: a Leitner box and when it is due again.

    `due` and `last_practiced` are ISO dates ("2025-03-01") or None when never practised.
    `seen` counts rounds in which the technique appeared; `missed` those in which it was missed.
    """

    technique: str
    box: int = LOWEST_BOX
    due: Optional[str] = None
    last_practiced: Optional[str] = None
    seen: int = 0
    missed: int = 0

    @property
    def miss_rate(self) -> float:
        """Share of rounds missed, smoothed (Laplace) so that an unseen technique counts as 0.5."""
        return (self.missed + 1) / (self.seen + 2)


def as_date(value: DateLike) -> date:
    """A `date` from a date or an ISO date/datetime string ("2025-03-01" or "2025-03-01T09:00:00Z")."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


def next_technique_state(previous: Optional[TechniqueState], technique: str, *, caught: bool, today: DateLike) -> TechniqueState:
    """The state after a round in which `technique` appeared and was caught (every post flagged) or missed.

    A miss sends the technique back to box 1. A catch moves it up one box, but only when it was
    due (practising early does not promote, so five rounds in one afternoon cannot reach box 5).
    """
    state = previous or TechniqueState(technique=technique)
    day = as_date(today)
    was_due = state.due is None or day >= as_date(state.due)
    if not caught:
        box = LOWEST_BOX
    elif was_due:
        box = min(HIGHEST_BOX, state.box + 1)
    else:
        box = state.box
    return replace(
        state,
        technique=technique,
        box=box,
        due=(day + timedelta(days=LEITNER_INTERVAL_DAYS[box])).isoformat(),
        last_practiced=day.isoformat(),
        seen=state.seen + 1,
        missed=state.missed + (0 if caught else 1),
    )


def technique_outcomes(decisions: Iterable[Mapping[str, Any]], post_techniques: Mapping[str, Sequence[str]]) -> dict[str, bool]:
    """For each technique used in a round: True if every post using it was flagged, False if any was missed.

    `decisions` are result-record decision entries (`post`, `action`); `post_techniques` maps the
    round's misinformation/scam post ids to their technique ids. A post with no decision (the time ran
    out) counts as skipped, i.e. missed.
    """
    actions = {str(entry.get("post")): str(entry.get("action")) for entry in decisions}
    outcomes: dict[str, bool] = {}
    for post_id, techniques in post_techniques.items():
        caught = actions.get(post_id) == "flag"
        for technique in techniques:
            outcomes[technique] = outcomes.get(technique, True) and caught
    return outcomes


def misinformation_techniques(scenario: Scenario) -> dict[str, list[str]]:
    """Post id -> technique ids, for the scenario's misinformation and scam posts."""
    return {post.id: [use.id for use in post.techniques] for post in scenario.posts if post.verdict.is_misinformation}


def technique_priority(state: Optional[TechniqueState], technique: str, today: DateLike) -> float:
    """How much a practice round should favour a technique (higher = more likely to be drawn).

    priority = box weight (6 - box: 5 for box 1 … 1 for box 5)
             × (0.5 + smoothed miss rate)
             × due factor (never practised: 3; due: 2 + days overdue / 7, at most 4; not yet due: 0.5)
    """
    state = state or TechniqueState(technique=technique)
    day = as_date(today)
    if state.due is None:
        due_factor = 3.0
    else:
        overdue_days = (day - as_date(state.due)).days
        due_factor = 2.0 + min(overdue_days, 14) / 7 if overdue_days >= 0 else 0.5
    return (HIGHEST_BOX + 1 - state.box) * (0.5 + state.miss_rate) * due_factor


def practice_post_id(scenario_id: str, item_id: str) -> str:
    """The id a source post (or account) gets in a practice round: unique across scenarios and stable.

    Readable `<scenario>--<post>` when that fits the 64-character id pattern and the split is
    unambiguous; otherwise a hash (which never contains "--", so the two forms cannot collide).
    """
    readable = f"{scenario_id}--{item_id}"
    if len(readable) <= 64 and "--" not in scenario_id and "--" not in item_id:
        return readable
    digest = hashlib.sha256(f"{scenario_id}/{item_id}".encode()).hexdigest()[:16]
    return f"{scenario_id[:40].rstrip('-_')}-{digest}" if scenario_id[:1].isalnum() else f"p{digest}"


@dataclass(frozen=True)
class _Candidate:
    key: str
    source: LoadedScenario
    post_id: str
    reliable: bool
    techniques: tuple[str, ...]


def _candidates(scenarios: Sequence[LoadedScenario], language: str) -> list[_Candidate]:
    seen: set[str] = set()
    candidates = []
    for loaded in scenarios:
        scenario = loaded.scenario
        if scenario.language.value != language:
            continue
        for post in scenario.posts:
            key = practice_post_id(scenario.id, post.id)
            if key in seen:  # the same scenario given twice
                continue
            seen.add(key)
            candidates.append(
                _Candidate(key, loaded, post.id, not post.verdict.is_misinformation, tuple(use.id for use in post.techniques))
            )
    return candidates


def _round_sizes(size: int, reliable_available: int, misinformation_available: int) -> tuple[int, int]:
    """(reliable, misinformation) counts: about `size` posts, at least 40% reliable."""
    reliable = math.ceil(size * MIN_RELIABLE_SHARE)
    misinformation = min(size - reliable, misinformation_available)
    reliable = min(reliable_available, size - misinformation)
    # misinformation / total <= 0.6  <=>  misinformation <= 1.5 × reliable
    misinformation = min(misinformation, (reliable * 3) // 2)
    return reliable, misinformation


def _weighted_pick(rng: random.Random, items: list[_Candidate], weights: list[float]) -> int:
    total = sum(weights)
    point = rng.random() * total
    for index, weight in enumerate(weights):
        point -= weight
        if point < 0:
            return index
    return len(items) - 1


def _pick_misinformation(
    rng: random.Random, pool: list[_Candidate], count: int, states: Mapping[str, TechniqueState], today: DateLike
) -> list[_Candidate]:
    priority: dict[str, float] = {}
    for candidate in pool:
        for technique in candidate.techniques:
            priority.setdefault(technique, technique_priority(states.get(technique), technique, today))
    remaining = list(pool)
    chosen = []
    while remaining and len(chosen) < count:
        weights = [max((priority[t] for t in c.techniques), default=1.0) for c in remaining]
        picked = remaining.pop(_weighted_pick(rng, remaining, weights))
        chosen.append(picked)
        for technique in picked.techniques:
            priority[technique] *= REPEAT_DAMPING
    return chosen


def _fresh_first(pool: list[_Candidate], avoid: frozenset[str]) -> tuple[list[_Candidate], list[_Candidate]]:
    return [c for c in pool if c.key not in avoid], [c for c in pool if c.key in avoid]


def select_practice_posts(
    scenarios: Sequence[LoadedScenario],
    *,
    language: str,
    technique_states: Mapping[str, TechniqueState],
    today: DateLike,
    seed: int,
    last_round_posts: Iterable[str] = (),
    size: int = DEFAULT_ROUND_SIZE,
) -> list[tuple[LoadedScenario, str]]:
    """The (source scenario, source post id) pairs of a practice round, in feed order. See `build_practice_round`."""
    if size < 1:
        raise PracticeUnavailable("a practice round needs at least one post")
    rng = random.Random(seed)
    avoid = frozenset(last_round_posts)
    candidates = _candidates(scenarios, language)
    reliable_pool = [c for c in candidates if c.reliable]
    misinformation_pool = [c for c in candidates if not c.reliable]
    if not reliable_pool:
        raise PracticeUnavailable(f"no reliable posts in language {language!r}: a practice round needs them")
    reliable_count, misinformation_count = _round_sizes(size, len(reliable_pool), len(misinformation_pool))

    fresh, stale = _fresh_first(misinformation_pool, avoid)
    chosen = _pick_misinformation(rng, fresh, misinformation_count, technique_states, today)
    chosen += _pick_misinformation(rng, stale, misinformation_count - len(chosen), technique_states, today)

    fresh, stale = _fresh_first(reliable_pool, avoid)
    chosen_reliable = rng.sample(fresh, min(reliable_count, len(fresh)))
    chosen_reliable += rng.sample(stale, reliable_count - len(chosen_reliable))

    feed = chosen + chosen_reliable
    rng.shuffle(feed)
    return [(c.source, c.post_id) for c in feed]


def _media_path(source: LoadedScenario, file: Optional[str]) -> Optional[str]:
    """A media path relative to its scenario file, rewritten to resolve from the practice round's path."""
    if file is None:
        return None
    return (PurePath(source.path).parent / file).as_posix()


def build_practice_round(
    scenarios: Sequence[LoadedScenario],
    *,
    language: str,
    technique_states: Mapping[str, TechniqueState],
    today: DateLike,
    seed: int,
    last_round_posts: Iterable[str] = (),
    size: int = DEFAULT_ROUND_SIZE,
    title: str = "Practice my weak spots",
) -> LoadedScenario:
    """Compose a practice round of about `size` posts (mode practice: feedback after each decision).

    - Only scenarios in `language` are used.
    - At least 40% of the posts are reliable (fewer posts are used rather than break this).
    - Misinformation posts are drawn with weights from `technique_priority` (weak, due and
      never-practised techniques first); reliable posts are drawn uniformly.
    - Posts whose practice id is in `last_round_posts` are used only when there are not enough others.
    - The same inputs and `seed` give the same round.

    Post and account ids become `practice_post_id(source scenario id, id)`; image and avatar paths
    are rewritten to `<source scenario folder>/<file>`, and the result's `path` is "practice-round"
    (no folder), so `Path(loaded.path).parent / file` still finds every picture.
    Raises `PracticeUnavailable` when no round can be built.
    """
    picks = select_practice_posts(
        scenarios,
        language=language,
        technique_states=technique_states,
        today=today,
        seed=seed,
        last_round_posts=last_round_posts,
        size=size,
    )
    posts: list[dict[str, Any]] = []
    accounts: dict[str, dict[str, Any]] = {}
    custom_techniques: dict[str, dict[str, Any]] = {}
    techniques = {}
    for source, post_id in picks:
        scenario = source.scenario
        post = scenario.post(post_id).model_dump(mode="json")
        post["id"] = practice_post_id(scenario.id, post_id)
        account_key = practice_post_id(scenario.id, post["author"])
        if account_key not in accounts:
            account = scenario.account(post["author"]).model_dump(mode="json")
            account["id"] = account_key
            account["avatar"] = _media_path(source, account["avatar"])
            accounts[account_key] = account
        post["author"] = account_key
        if post.get("image"):
            post["image"]["file"] = _media_path(source, post["image"]["file"])
        posts.append(post)
        for technique in scenario.techniques:
            custom_techniques.setdefault(technique.id, technique.model_dump(mode="json"))
        for technique_id, technique in source.techniques.items():
            techniques.setdefault(technique_id, technique)

    data = {
        "id": PRACTICE_SCENARIO_ID,
        "title": title,
        "language": language,
        "description": "A practice round built from your weak spots.",
        "mode": Mode.practice.value,
        "ask_reasons": True,
        "techniques": list(custom_techniques.values()),
        "accounts": list(accounts.values()),
        "posts": posts,
    }
    scenario = Scenario.model_validate(data)
    canonical = json.dumps(scenario.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()
    return LoadedScenario(scenario=scenario, path=PRACTICE_PATH, sha256=hashlib.sha256(canonical).hexdigest(), techniques=techniques)
