"""The class report as data: pure functions from result records to the figures a facilitator needs.

`build_report(records, techniques)` gives a `ClassReport` with the overview (trainees, mean score,
accuracy, mean d′ and criterion, plain-language readings), miss rate per technique, per-post and
per-trainee statistics, and the top discussion points. The HTML, CSV and xAPI writers only format
what is computed here.

Pure: no file I/O, no clock reads, no printing. Records are the dicts of `docs/results-format.md`,
already checked by `reading.record_problem`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

from game.report.checks import PrePostSummary, summarize_checks

# Plain-language thresholds (documented in docs/report.md).
BIAS_THRESHOLD = 0.25  # |mean criterion| above this is a clear lean towards flagging or trusting
GOOD_DISCERNMENT = 1.5
WEAK_DISCERNMENT = 0.5
DISCUSSION_POINTS = 3

ACTION_WORDS = {"share": "shared", "flag": "flagged", "skip": "skipped"}


@dataclass(frozen=True)
class TechniqueText:
    """What the report says about a technique: its name and tip, in one language."""

    name: str
    tip: str = ""
    definition: str = ""


def technique_fallback(technique_id: str) -> TechniqueText:
    """A readable name made from an id, for techniques no catalogue knows."""
    return TechniqueText(name=technique_id.replace("-", " ").replace("_", " ").capitalize())


@dataclass(frozen=True)
class Overview:
    rounds: int
    unfinished_rounds: int  # saved before the round was over (`status: in-progress`); counted as they are
    trainees: int
    sessions: tuple[str, ...]
    scenarios: tuple[tuple[str, str, str], ...]  # (id, title, language)
    decisions: int
    mean_score_percent: float | None
    mean_points: float | None
    accuracy: float | None
    mean_d_prime: float | None
    mean_criterion: float | None
    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    harmful_shares: int
    first_started: str | None
    last_finished: str | None
    readings: tuple[str, ...]

    @property
    def false_alarm_share(self) -> float | None:
        """Share of reliable posts flagged (raw, no correction)."""
        reliable = self.false_alarms + self.correct_rejections
        return self.false_alarms / reliable if reliable else None

    @property
    def miss_share(self) -> float | None:
        """Share of misleading posts not flagged (raw, no correction)."""
        misleading = self.hits + self.misses
        return self.misses / misleading if misleading else None


@dataclass(frozen=True)
class PostKey:
    scenario_id: str
    post: str


@dataclass(frozen=True)
class PostStat:
    key: PostKey
    scenario_title: str
    language: str
    verdict: str | None
    techniques: tuple[str, ...]
    answers: int
    correct: int
    actions: Mapping[str, int]
    mean_seconds: float

    @property
    def percent_correct(self) -> float:
        return 100.0 * self.correct / self.answers if self.answers else 0.0

    @property
    def most_common_wrong_action(self) -> tuple[str, int] | None:
        """The wrong action chosen most often, with its count, or None when nobody got it wrong."""
        if self.verdict is None:
            return None
        wrong = ("share", "skip") if self.verdict != "reliable" else ("flag",)
        counts = [(self.actions.get(action, 0), action) for action in wrong]
        count, action = max(counts, key=lambda pair: (pair[0], pair[1] == "share"))
        return (action, count) if count else None


@dataclass(frozen=True)
class TechniqueStat:
    technique: str
    text: TechniqueText
    seen: int  # decisions on misleading posts that use this technique
    missed: int  # ... that were not flagged
    example: PostStat | None  # the post with this technique that was missed most often

    @property
    def miss_rate(self) -> float:
        return self.missed / self.seen if self.seen else 0.0


@dataclass(frozen=True)
class TraineeStat:
    player_id: str
    name: str
    sessions: tuple[str, ...]
    rounds: int
    points: float
    max_points: float
    decisions: int
    correct: int
    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    mean_d_prime: float | None
    mean_criterion: float | None
    harmful_shares: int
    missed_techniques: tuple[str, ...]
    scenarios: tuple[str, ...]

    @property
    def score_percent(self) -> float | None:
        return 100.0 * self.points / self.max_points if self.max_points else None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.decisions if self.decisions else None


@dataclass(frozen=True)
class ClassReport:
    overview: Overview
    techniques: tuple[TechniqueStat, ...]  # most-missed first
    posts: tuple[PostStat, ...]  # by scenario, hardest first
    trainees: tuple[TraineeStat, ...]
    discussion: tuple[TechniqueStat, ...]
    checks: PrePostSummary | None = None  # the pre/post quick check, when records carry `checks`
    session: str | None = None
    languages: tuple[str, ...] = field(default_factory=tuple)


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def _score_percent(record: dict) -> float | None:
    maximum = record["score"]["max_points"]
    return 100.0 * record["score"]["points"] / maximum if maximum else None


def _numbers(records: Sequence[dict], key: str) -> list[float]:
    return [value for record in records if (value := record["discernment"].get(key)) is not None]


def readings(overview_counts: dict, discussion: Sequence[TechniqueStat]) -> tuple[str, ...]:
    """Plain-language sentences about the class, most important first (`discussion`: most-missed first)."""
    sentences: list[str] = []
    d_prime, criterion = overview_counts["mean_d_prime"], overview_counts["mean_criterion"]
    hits, misses = overview_counts["hits"], overview_counts["misses"]
    false_alarms, correct_rejections = overview_counts["false_alarms"], overview_counts["correct_rejections"]
    if not overview_counts["decisions"]:
        return ("No post decisions were recorded, so there is nothing to read yet.",)
    if d_prime is not None:
        if d_prime >= GOOD_DISCERNMENT:
            sentences.append(f"This class tells reliable posts from misleading ones well (mean d′ {d_prime:.2f}).")
        elif d_prime >= WEAK_DISCERNMENT:
            sentences.append(
                f"This class tells reliable posts from misleading ones only partly (mean d′ {d_prime:.2f}): "
                "go through the posts most of them got wrong."
            )
        else:
            sentences.append(
                f"This class cannot yet tell reliable posts from misleading ones (mean d′ {d_prime:.2f}): "
                "work through the examples below together, step by step."
            )
    if criterion is not None:
        if criterion <= -BIAS_THRESHOLD:
            sentences.append(
                f"This class flags reliable posts too often ({_percent(false_alarms, false_alarms + correct_rejections)} "
                "of reliable posts were flagged): discuss what makes a post trustworthy."
            )
        elif criterion >= BIAS_THRESHOLD:
            sentences.append(
                f"This class lets too much misinformation through ({_percent(misses, hits + misses)} of misleading posts "
                "were not flagged): discuss the warning signs in the top points below."
            )
        else:
            sentences.append("The class is neither too suspicious nor too trusting overall.")
    harmful = overview_counts["harmful_shares"]
    if harmful:
        sentences.append(
            f"Trainees shared misleading posts {harmful} time{'s' if harmful != 1 else ''}: talk about what sharing does to "
            "friends and family."
        )
    if discussion:
        worst = discussion[0]
        sentences.append(
            f"The most-missed technique was “{worst.text.name}” (missed {worst.missed} of {worst.seen} times): "
            "start the discussion there."
        )
    return tuple(sentences)


def _post_stats(records: Sequence[dict]) -> dict[PostKey, PostStat]:
    # Plain tuples as keys in the loop: hashing a dataclass per decision is several times slower.
    answers: Counter[tuple[str, str]] = Counter()
    correct: Counter[tuple[str, str]] = Counter()
    seconds: dict[tuple[str, str], float] = defaultdict(float)
    actions: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    facts: dict[tuple[str, str], tuple[str, str, str | None, tuple[str, ...]]] = {}
    for record in records:
        scenario = record["scenario"]
        scenario_id = scenario["id"]
        for decision in record["decisions"]:
            key = (scenario_id, decision["post"])
            answers[key] += 1
            correct[key] += decision["correct"]
            seconds[key] += decision["seconds"]
            actions[key][decision["action"]] += 1
            if key not in facts or facts[key][2] is None:
                facts[key] = (
                    str(scenario.get("title") or scenario_id),
                    str(scenario.get("language") or ""),
                    decision.get("verdict"),
                    tuple(decision.get("techniques") or ()),
                )
    return {
        PostKey(*key): PostStat(
            key=PostKey(*key),
            scenario_title=facts[key][0],
            language=facts[key][1],
            verdict=facts[key][2],
            techniques=facts[key][3],
            answers=answers[key],
            correct=correct[key],
            actions=dict(actions[key]),
            mean_seconds=seconds[key] / answers[key],
        )
        for key in answers
    }


def _technique_stats(posts: Mapping[PostKey, PostStat], texts: Mapping[str, TechniqueText]) -> list[TechniqueStat]:
    seen: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    example: dict[str, PostStat] = {}
    for post in posts.values():
        if post.verdict is None or post.verdict == "reliable":
            continue
        post_missed = post.answers - post.actions.get("flag", 0)
        for technique in post.techniques:
            seen[technique] += post.answers
            missed[technique] += post_missed
            best = example.get(technique)
            if best is None or (post_missed, -best.answers) > (best.answers - best.actions.get("flag", 0), -post.answers):
                example[technique] = post
    stats = [
        TechniqueStat(
            technique=technique,
            text=texts.get(technique) or technique_fallback(technique),
            seen=seen[technique],
            missed=missed[technique],
            example=example.get(technique),
        )
        for technique in seen
    ]
    stats.sort(key=lambda stat: (-stat.miss_rate, -stat.missed, stat.technique))
    return stats


def most_missed(stats: Sequence[TechniqueStat], count: int = DISCUSSION_POINTS) -> tuple[TechniqueStat, ...]:
    """The techniques the class fell for most often (by number of misses, then miss rate)."""
    ranked = sorted((stat for stat in stats if stat.missed), key=lambda stat: (-stat.missed, -stat.miss_rate, stat.technique))
    return tuple(ranked[:count])


def _trainee_stats(records: Sequence[dict]) -> list[TraineeStat]:
    by_player: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_player[record["player"]["id"]].append(record)
    trainees = []
    for player_id, rounds in by_player.items():
        rounds.sort(key=lambda record: record["started_at"])
        decisions = [decision for record in rounds for decision in record["decisions"]]
        missed = Counter(technique for record in rounds for technique in record.get("missed_techniques") or ())
        trainees.append(
            TraineeStat(
                player_id=player_id,
                name=str(rounds[-1]["player"].get("name") or ""),
                sessions=tuple(sorted({record["session"] for record in rounds if record.get("session")})),
                rounds=len(rounds),
                points=sum(record["score"]["points"] for record in rounds),
                max_points=sum(record["score"]["max_points"] for record in rounds),
                decisions=len(decisions),
                correct=sum(decision["correct"] for decision in decisions),
                hits=sum(record["discernment"]["hits"] for record in rounds),
                misses=sum(record["discernment"]["misses"] for record in rounds),
                false_alarms=sum(record["discernment"]["false_alarms"] for record in rounds),
                correct_rejections=sum(record["discernment"]["correct_rejections"] for record in rounds),
                mean_d_prime=_mean(_numbers(rounds, "d_prime")),
                mean_criterion=_mean(_numbers(rounds, "criterion")),
                harmful_shares=sum(int(record.get("harmful_shares") or 0) for record in rounds),
                missed_techniques=tuple(technique for technique, _ in missed.most_common()),
                scenarios=tuple(dict.fromkeys(record["scenario"]["id"] for record in rounds)),
            )
        )
    trainees.sort(key=lambda trainee: (trainee.name.casefold(), trainee.player_id))
    return trainees


def _natural_key(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def build_report(
    records: Sequence[dict], techniques: Mapping[str, TechniqueText] | None = None, *, session: str | None = None
) -> ClassReport:
    """Everything the facilitator's report shows, computed from checked result records."""
    texts = techniques or {}
    posts = _post_stats(records)
    technique_stats = _technique_stats(posts, texts)
    discussion = most_missed(technique_stats)
    counts = {
        key: sum(record["discernment"][key] for record in records)
        for key in ("hits", "misses", "false_alarms", "correct_rejections")
    }
    decisions = sum(len(record["decisions"]) for record in records)
    counts.update(
        decisions=decisions,
        harmful_shares=sum(int(record.get("harmful_shares") or 0) for record in records),
        mean_d_prime=_mean(_numbers(records, "d_prime")),
        mean_criterion=_mean(_numbers(records, "criterion")),
    )
    score_percents = [value for record in records if (value := _score_percent(record)) is not None]
    correct = sum(decision["correct"] for record in records for decision in record["decisions"])
    scenarios = {}
    for record in records:
        scenario = record["scenario"]
        scenarios.setdefault(
            (scenario["id"], str(scenario.get("language") or "")),
            (scenario["id"], str(scenario.get("title") or scenario["id"]), str(scenario.get("language") or "")),
        )
    overview = Overview(
        rounds=len(records),
        unfinished_rounds=sum(1 for record in records if record.get("status") == "in-progress"),
        trainees=len({record["player"]["id"] for record in records}),
        sessions=tuple(sorted({record["session"] for record in records if record.get("session")}, key=_natural_key)),
        scenarios=tuple(sorted(scenarios.values())),
        decisions=decisions,
        mean_score_percent=_mean(score_percents),
        mean_points=_mean([record["score"]["points"] for record in records]),
        accuracy=correct / decisions if decisions else None,
        mean_d_prime=counts["mean_d_prime"],
        mean_criterion=counts["mean_criterion"],
        hits=counts["hits"],
        misses=counts["misses"],
        false_alarms=counts["false_alarms"],
        correct_rejections=counts["correct_rejections"],
        harmful_shares=counts["harmful_shares"],
        first_started=min((record["started_at"] for record in records), default=None),
        last_finished=max((record["finished_at"] for record in records), default=None),
        readings=readings(counts, discussion),
    )
    ordered_posts = sorted(posts.values(), key=lambda post: (post.key.scenario_id, post.percent_correct, _natural_key(post.key.post)))
    return ClassReport(
        overview=overview,
        techniques=tuple(technique_stats),
        posts=tuple(ordered_posts),
        trainees=tuple(_trainee_stats(records)),
        discussion=discussion,
        checks=summarize_checks(records),
        session=session,
        languages=tuple(sorted({str(record["scenario"].get("language") or "") for record in records} - {""})),
    )
