"""The class report as data: pure functions from result records to the figures a facilitator needs.

`build_report(records, techniques)` gives a `ClassReport` with the overview (trainees, mean score,
accuracy, mean d′ and criterion, plain-language readings), miss rate per technique, per-post and
per-trainee statistics, and the top discussion points. The HTML, CSV and xAPI writers only format
what is computed here.

Pure: no file I/O, no clock reads, no printing. Records are the dicts of `docs/results-format.md`,
already checked by `validity.record_problem`. `ReportBuilder` takes them one at a time (so memory
stays bounded at any number of files); `build_report(records, ...)` is the same over a list.
Rounds that ended early or were saved unfinished are left out of every figure and listed instead.
Translations count as their original scenario (`ScenarioIndex.family_of`), with a breakdown by language.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from statistics import fmean, median

from game.report.index import PostKey, ScenarioIndex
from game.report.checks import CheckCollector, ItemStat, PrePostSummary, SinglePhase
from game.rules.record import UNCOUNTED_STATUSES

# Plain-language thresholds (documented in docs/report.md).
BIAS_THRESHOLD = 0.25  # |mean criterion| above this is a clear lean towards flagging or trusting
GOOD_DISCERNMENT = 1.5
WEAK_DISCERNMENT = 0.5
DISCUSSION_POINTS = 3
MANY_HARMFUL_SHARES = 3  # a trainee who shared this many misleading posts needs attention

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
    rounds: int  # rounds counted in the figures (every status but ended-early and in-progress)
    unfinished_rounds: int  # rounds left out: ended early or saved unfinished (listed in `ClassReport.uncounted`)
    trainees: int
    sessions: tuple[str, ...]
    scenarios: tuple[tuple[str, str, str], ...]  # (original id, title, rounds per language such as "en 10, km 3")
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
    mean_max_points: float | None = None

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
    languages: Mapping[str, int] = field(default_factory=dict)  # answers per language the post was played in

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
    languages: tuple[str, ...] = ()
    uncounted_rounds: int = 0  # rounds ended early or saved unfinished (not in the figures above)
    pre_d_prime: float | None = None  # the quick check: earliest pre, latest post
    post_d_prime: float | None = None
    attention: tuple[str, ...] = ()  # why this trainee needs attention (empty: no sign)

    @property
    def d_prime_change(self) -> float | None:
        if self.pre_d_prime is None or self.post_d_prime is None:
            return None
        return self.post_d_prime - self.pre_d_prime

    @property
    def score_percent(self) -> float | None:
        return 100.0 * self.points / self.max_points if self.max_points else None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.decisions if self.decisions else None


@dataclass(frozen=True)
class UncountedRound:
    """A round left out of the figures: ended early or saved unfinished, with the posts the trainee really decided."""

    result_id: str
    player_id: str
    name: str
    scenario_id: str
    language: str
    status: str
    decided: int  # decisions the trainee made (not filled in for them)
    posts: int  # decisions in the record, including those filled in
    started_at: str


@dataclass(frozen=True)
class LateralFigures:
    """How the class checked posts in the offline web (counted rounds only)."""

    misleading: int  # decisions on misleading posts
    misleading_lateral: int  # ... checked on another source (a page of another site) before deciding
    checks: int  # decisions with a query or a page opened
    median_pages: float | None  # pages opened per check
    queries: int
    headline_pasted: int  # queries that copy the post's own words

    @property
    def lateral_rate(self) -> float | None:
        return self.misleading_lateral / self.misleading if self.misleading else None

    @property
    def pasted_rate(self) -> float | None:
        return self.headline_pasted / self.queries if self.queries else None


class _LateralTally:
    __slots__ = ("misleading", "misleading_lateral", "pages", "queries", "headline_pasted")

    def __init__(self) -> None:
        self.misleading = self.misleading_lateral = self.queries = self.headline_pasted = 0
        self.pages: list[int] = []  # pages opened, per check

    def add(self, decision: dict) -> None:
        queries, pages = decision.get("queries") or (), decision.get("pages") or ()
        if decision.get("verdict") not in (None, "reliable"):
            self.misleading += 1
            self.misleading_lateral += bool(decision.get("lateral"))
        if queries or pages:
            self.pages.append(len(pages))
        self.queries += len(queries)
        self.headline_pasted += int(decision.get("headline_pasted") or 0)

    def figures(self) -> LateralFigures:
        return LateralFigures(self.misleading, self.misleading_lateral, len(self.pages),
                              median(self.pages) if self.pages else None, self.queries, self.headline_pasted)  # fmt: skip


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
    language_rounds: Mapping[str, int] = field(default_factory=dict)  # counted rounds per language
    uncounted: tuple[UncountedRound, ...] = ()
    attention: tuple[TraineeStat, ...] = ()  # trainees who need attention, most reasons first
    single_phase: tuple[SinglePhase, ...] = ()  # trainees with only a pre or only a post check
    check_items: tuple[ItemStat, ...] = ()  # check items, most often wrong first
    lateral: LateralFigures | None = None  # checking in the offline web


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def counts_in_figures(record: dict) -> bool:
    """Whether a round counts in averages and post tables: not ended early, not saved unfinished."""
    return record.get("status") not in UNCOUNTED_STATUSES


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


class _PostTally:
    __slots__ = ("answers", "correct", "seconds", "actions", "verdict", "techniques", "languages")

    def __init__(self) -> None:
        self.answers = self.correct = 0
        self.seconds = 0.0
        self.actions: Counter[str] = Counter()
        self.verdict: str | None = None
        self.techniques: tuple[str, ...] = ()
        self.languages: Counter[str] = Counter()


class _TraineeTally:
    __slots__ = ("name", "latest", "sessions", "rounds", "points", "max_points", "decisions", "correct", "sdt",
                 "d_primes", "criteria", "harmful", "missed", "scenarios", "languages", "uncounted")  # fmt: skip

    def __init__(self) -> None:
        self.name, self.latest = "", ""
        self.sessions: set[str] = set()
        self.rounds = self.points = self.max_points = self.decisions = self.correct = self.harmful = self.uncounted = 0
        self.sdt = [0, 0, 0, 0]  # hits, misses, false alarms, correct rejections
        self.d_primes: list[float] = []
        self.criteria: list[float] = []
        self.missed: Counter[str] = Counter()
        self.scenarios: dict[str, None] = {}
        self.languages: set[str] = set()


SDT_KEYS = ("hits", "misses", "false_alarms", "correct_rejections")


class ReportBuilder:
    """The class report computed one record at a time: `add(record)` for each, then `finish(techniques)`."""

    def __init__(self, index: ScenarioIndex | None = None, *, session: str | None = None) -> None:
        self.index = index or ScenarioIndex()
        self.session = session
        self.posts: dict[tuple[str, str], _PostTally] = {}
        self.trainees: dict[str, _TraineeTally] = {}
        self.checks = CheckCollector()
        self.uncounted: list[UncountedRound] = []
        self.lateral = _LateralTally()
        self.sdt = [0, 0, 0, 0]
        self.rounds = self.decisions = self.correct = self.harmful = 0
        self.points: list[float] = []
        self.max_points: list[float] = []
        self.score_percents: list[float] = []
        self.d_primes: list[float] = []
        self.criteria: list[float] = []
        self.sessions: set[str] = set()
        self.language_rounds: Counter[str] = Counter()
        self.scenario_languages: dict[str, Counter[str]] = defaultdict(Counter)
        self.first_started: str | None = None
        self.last_finished: str | None = None
        self.titles: dict[str, str] = {}  # the records' own titles, for scenarios not installed

    def add(self, record: dict) -> None:
        self.checks.add(record)
        player = record["player"]
        trainee = self.trainees.get(player["id"])
        if trainee is None:
            trainee = self.trainees[player["id"]] = _TraineeTally()
        if record["started_at"] >= trainee.latest:
            trainee.name, trainee.latest = str(player.get("name") or ""), record["started_at"]
        if record.get("session"):
            trainee.sessions.add(record["session"])
            self.sessions.add(record["session"])
        family_id = self.index.family_of(record["scenario"]["id"])
        language = str(record["scenario"].get("language") or "")
        if not counts_in_figures(record):
            trainee.uncounted += 1
            self.uncounted.append(_uncounted(record, family_id, language))
            return
        self._add_counted(record, trainee, family_id, language)

    def _add_counted(self, record: dict, trainee: _TraineeTally, family_id: str, language: str) -> None:
        self.rounds += 1
        self.language_rounds[language] += 1
        self.scenario_languages[family_id][language] += 1
        self.titles.setdefault(family_id, str(record["scenario"].get("title") or family_id))
        started, finished = record["started_at"], record["finished_at"]
        self.first_started = started if self.first_started is None else min(self.first_started, started)
        self.last_finished = finished if self.last_finished is None else max(self.last_finished, finished)
        score, discernment = record["score"], record["discernment"]
        self.points.append(score["points"])
        self.max_points.append(score["max_points"])
        if score["max_points"]:
            self.score_percents.append(100.0 * score["points"] / score["max_points"])
        for tally in (self.sdt, trainee.sdt):
            for position, key in enumerate(SDT_KEYS):
                tally[position] += discernment[key]
        for values, key in ((self.d_primes, "d_prime"), (self.criteria, "criterion")):
            values.append(discernment[key])
        trainee.d_primes.append(discernment["d_prime"])
        trainee.criteria.append(discernment["criterion"])
        harmful = record["harmful_shares"]
        self.harmful += harmful
        correct = self._add_decisions(record["decisions"], family_id, language)
        self.decisions += len(record["decisions"])
        self.correct += correct
        trainee.rounds += 1
        trainee.points += score["points"]
        trainee.max_points += score["max_points"]
        trainee.decisions += len(record["decisions"])
        trainee.correct += correct
        trainee.harmful += harmful
        trainee.missed.update(record["missed_techniques"])
        trainee.scenarios[family_id] = None
        trainee.languages.add(language)

    def _add_decisions(self, decisions: list, family_id: str, language: str) -> int:
        correct = 0
        posts = self.posts
        for decision in decisions:
            key = (family_id, decision["post"])
            tally = posts.get(key)
            if tally is None:
                tally = posts[key] = _PostTally()
            tally.answers += 1
            tally.correct += decision["correct"]
            correct += decision["correct"]
            tally.seconds += decision["seconds"]
            tally.actions[decision["action"]] += 1
            tally.languages[language] += 1
            self.lateral.add(decision)
            if tally.verdict is None and decision.get("verdict") is not None:
                tally.verdict = decision["verdict"]
                tally.techniques = tuple(decision.get("techniques") or ())
        return correct

    def finish(self, techniques: Mapping[str, TechniqueText] | None = None) -> ClassReport:
        """The report from everything added so far."""
        texts = techniques or {}
        posts = self._post_stats()
        technique_stats = _technique_stats(posts, texts)
        discussion = most_missed(technique_stats)
        counts = dict(zip(SDT_KEYS, self.sdt))
        counts.update(decisions=self.decisions, harmful_shares=self.harmful,
                      mean_d_prime=_mean(self.d_primes), mean_criterion=_mean(self.criteria))  # fmt: skip
        overview = Overview(
            rounds=self.rounds,
            unfinished_rounds=len(self.uncounted),
            trainees=len(self.trainees),
            sessions=tuple(sorted(self.sessions, key=_natural_key)),
            scenarios=self._scenarios(),
            decisions=self.decisions,
            mean_score_percent=_mean(self.score_percents),
            mean_points=_mean(self.points),
            accuracy=self.correct / self.decisions if self.decisions else None,
            mean_d_prime=counts["mean_d_prime"],
            mean_criterion=counts["mean_criterion"],
            hits=self.sdt[0], misses=self.sdt[1], false_alarms=self.sdt[2], correct_rejections=self.sdt[3],
            harmful_shares=self.harmful,
            first_started=self.first_started,
            last_finished=self.last_finished,
            readings=readings(counts, discussion),
            mean_max_points=_mean(self.max_points),
        )  # fmt: skip
        ordered_posts = sorted(posts.values(), key=lambda post: (post.key.scenario_id, post.percent_correct, _natural_key(post.key.post)))
        trainees = self._trainee_stats()
        return ClassReport(
            overview=overview,
            techniques=tuple(technique_stats),
            posts=tuple(ordered_posts),
            trainees=trainees,
            discussion=discussion,
            checks=self.checks.summary(),
            session=self.session,
            languages=tuple(sorted(set(self.language_rounds) - {""})),
            language_rounds=dict(sorted(self.language_rounds.items())),
            uncounted=tuple(sorted(self.uncounted, key=lambda row: (row.name.casefold(), row.player_id, row.started_at))),
            attention=needs_attention(trainees),
            single_phase=self.checks.singles(),
            check_items=self.checks.item_stats(),
            lateral=self.lateral.figures(),
        )

    def _scenarios(self) -> tuple[tuple[str, str, str], ...]:
        rows = []
        for family_id, languages in self.scenario_languages.items():
            main = max(languages, key=lambda language: (languages[language], language))
            breakdown = ", ".join(f"{language or '?'} {count}" for language, count in sorted(languages.items()))
            rows.append((family_id, self.index.title(family_id, main, self.titles.get(family_id, family_id)), breakdown))
        return tuple(sorted(rows))

    def _post_stats(self) -> dict[PostKey, PostStat]:
        stats = {}
        for (family_id, post_id), tally in self.posts.items():
            key = PostKey(family_id, post_id)
            languages = tally.languages
            stats[key] = PostStat(
                key=key,
                scenario_title=self.index.title(family_id, max(languages, key=languages.get), self.titles.get(family_id, family_id)),
                language=", ".join(sorted(languages)),
                verdict=tally.verdict,
                techniques=tally.techniques,
                answers=tally.answers,
                correct=tally.correct,
                actions=dict(tally.actions),
                mean_seconds=tally.seconds / tally.answers,
                languages=dict(sorted(languages.items())),
            )
        return stats

    def _trainee_stats(self) -> tuple[TraineeStat, ...]:
        summary = self.checks.summary()
        pairs = {pair.player_id: pair for pair in summary.pairs} if summary else {}
        singles = {row.player_id: row for row in self.checks.singles()}
        trainees = []
        for player_id, tally in self.trainees.items():
            pair, single = pairs.get(player_id), singles.get(player_id)
            pre = pair.pre_d_prime if pair else (single.d_prime if single and single.phase == "pre" else None)
            post = pair.post_d_prime if pair else (single.d_prime if single and single.phase == "post" else None)
            trainee = TraineeStat(
                player_id=player_id, name=tally.name, sessions=tuple(sorted(tally.sessions)), rounds=tally.rounds,
                points=tally.points, max_points=tally.max_points, decisions=tally.decisions, correct=tally.correct,
                hits=tally.sdt[0], misses=tally.sdt[1], false_alarms=tally.sdt[2], correct_rejections=tally.sdt[3],
                mean_d_prime=_mean(tally.d_primes), mean_criterion=_mean(tally.criteria), harmful_shares=tally.harmful,
                missed_techniques=tuple(technique for technique, _ in tally.missed.most_common()),
                scenarios=tuple(tally.scenarios), languages=tuple(sorted(tally.languages - {""})),
                uncounted_rounds=tally.uncounted, pre_d_prime=pre, post_d_prime=post,
            )  # fmt: skip
            trainees.append(replace(trainee, attention=attention_reasons(trainee)))
        trainees.sort(key=lambda trainee: (trainee.name.casefold(), trainee.player_id))
        return tuple(trainees)


def _uncounted(record: dict, family_id: str, language: str) -> UncountedRound:
    decisions = record["decisions"]
    return UncountedRound(
        result_id=record["result_id"],
        player_id=record["player"]["id"],
        name=str(record["player"].get("name") or ""),
        scenario_id=family_id,
        language=language,
        status=str(record.get("status")),
        decided=sum(1 for decision in decisions if not decision.get("auto")),
        posts=len(decisions),
        started_at=record["started_at"],
    )


def attention_reasons(trainee: TraineeStat) -> tuple[str, ...]:
    """Why a trainee needs the facilitator's attention, in plain words (empty when nothing shows)."""
    reasons = []
    if trainee.harmful_shares >= MANY_HARMFUL_SHARES:
        reasons.append(f"shared {trainee.harmful_shares} misleading posts")
    if trainee.mean_d_prime is not None and trainee.mean_d_prime <= 0:
        reasons.append(f"d′ {trainee.mean_d_prime:.2f}: no discernment yet".replace("-", "−"))
    change = trainee.d_prime_change
    if change is not None and change < 0:
        reasons.append(f"check d′ fell from pre to post ({change:+.2f})".replace("-", "−"))
    if trainee.uncounted_rounds:
        count = trainee.uncounted_rounds
        reasons.append(f"{count} round{'s' if count != 1 else ''} ended early or left unfinished")
    return tuple(reasons)


def needs_attention(trainees: Sequence[TraineeStat]) -> tuple[TraineeStat, ...]:
    """Trainees with at least one reason, most reasons first, then most harmful shares, then name."""
    flagged = [trainee for trainee in trainees if trainee.attention]
    flagged.sort(key=lambda trainee: (-len(trainee.attention), -trainee.harmful_shares, trainee.name.casefold(), trainee.player_id))
    return tuple(flagged)


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
        TechniqueStat(technique=technique, text=texts.get(technique) or technique_fallback(technique),
                      seen=seen[technique], missed=missed[technique], example=example.get(technique))
        for technique in seen
    ]  # fmt: skip
    stats.sort(key=lambda stat: (-stat.miss_rate, -stat.missed, stat.technique))
    return stats


def most_missed(stats: Sequence[TechniqueStat], count: int = DISCUSSION_POINTS) -> tuple[TechniqueStat, ...]:
    """The techniques the class fell for most, ranked like the chart: by miss rate, then number of misses."""
    ranked = sorted((stat for stat in stats if stat.missed), key=lambda stat: (-stat.miss_rate, -stat.missed, stat.technique))
    return tuple(ranked[:count])


def _natural_key(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def build_report(
    records: Iterable[dict],
    techniques: Mapping[str, TechniqueText] | None = None,
    *,
    session: str | None = None,
    index: ScenarioIndex | None = None,
) -> ClassReport:
    """Everything the facilitator's report shows, computed from checked result records."""
    builder = ReportBuilder(index, session=session)
    for record in records:
        builder.add(record)
    return builder.finish(techniques)
