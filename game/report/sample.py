"""Realistic fake result records, for tests, benchmarks and facilitator demos.

The records follow the pinned keys of `docs/results-format.md` (format "feedwise-result/1"),
including the per-decision `verdict` and `techniques`. Trainees are simulated with a seeded
skill (discernment) and bias (how readily they flag), so class reports show believable patterns.

Pure: no file I/O, no clock reads; the same seed always gives the same records.
Never used by the game itself to score anything: the rules core does that.
"""

from __future__ import annotations

import math
import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from statistics import NormalDist

from game.rules.scoring import discernment as score_discernment
from game.scenario.model import Scoring

_NORMAL = NormalDist()


@dataclass(frozen=True)
class SamplePost:
    id: str
    verdict: str  # reliable | misinformation | scam
    techniques: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleScenario:
    id: str
    title: str
    language: str
    posts: tuple[SamplePost, ...]


SAMPLE_SCENARIOS: tuple[SampleScenario, ...] = (
    SampleScenario(
        id="job-offers",
        title="Jobs that are too good to be true",
        language="en",
        posts=(
            SamplePost("overseas-job", "scam", ("too-good-to-be-true", "urgency-pressure")),
            SamplePost("ministry-notice", "reliable"),
            SamplePost("task-likes", "scam", ("too-good-to-be-true", "fake-engagement")),
            SamplePost("factory-shift", "reliable"),
            SamplePost("fake-police-call", "scam", ("impersonating-officials", "urgency-pressure")),
            SamplePost("bank-sms", "scam", ("phishing-link", "impersonation")),
            SamplePost("market-prices", "reliable"),
            SamplePost("rent-account", "scam", ("money-mule", "too-good-to-be-true")),
            SamplePost("flood-warning", "reliable"),
            SamplePost("weather-update", "reliable"),
        ),
    ),
    SampleScenario(
        id="health-rumours",
        title="សុខភាព និងពាក្យចចាមអារ៉ាម",
        language="km",
        posts=(
            SamplePost("miracle-cure", "misinformation", ("fake-experts", "emotional-language")),
            SamplePost("clinic-hours", "reliable"),
            SamplePost("vaccine-plot", "misinformation", ("conspiracy", "discrediting")),
            SamplePost("old-flood-photo", "misinformation", ("out-of-context-image", "clickbait")),
            SamplePost("hospital-news", "reliable"),
            SamplePost("blame-migrants", "misinformation", ("scapegoating", "polarization")),
            SamplePost("rainy-season", "reliable"),
            SamplePost("dengue-advice", "reliable"),
        ),
    ),
)

SAMPLE_NAMES = ("Sokha", "Dara", "Sophea", "Bopha", "Vannak", "Chanthy", "Rithy", "Srey Leak", "សុខា", "ដារ៉ា", "សុភា", "បុប្ផា")
SAMPLE_REASONS_POOL = ("emotional-language", "urgency-pressure", "too-good-to-be-true", "clickbait", "conspiracy")
TOOLS = ("source", "search", "reverse_image", "fact_check")


def discernment(hits: int, misses: int, false_alarms: int, correct_rejections: int) -> dict:
    """The record's pinned signal-detection keys, from `game.rules.scoring.discernment`, rounded to 4 places."""
    figures = score_discernment(hits, misses, false_alarms, correct_rejections)
    return {
        "hits": hits,
        "misses": misses,
        "false_alarms": false_alarms,
        "correct_rejections": correct_rejections,
        "hit_rate": round(figures.hit_rate, 4),
        "false_alarm_rate": round(figures.false_alarm_rate, 4),
        "d_prime": round(figures.d_prime, 4),
        "criterion": round(figures.criterion, 4),
    }


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def sample_record(
    rng: random.Random,
    *,
    scenario: SampleScenario | None = None,
    player_id: str | None = None,
    player_name: str | None = None,
    session: str | None = "LAB-1",
    started_at: datetime | None = None,
    skill: float | None = None,
    bias: float | None = None,
) -> dict:
    """One result record of a simulated trainee playing one round."""
    scoring = Scoring()
    scenario = scenario or rng.choice(SAMPLE_SCENARIOS)
    skill = rng.gauss(1.2, 0.8) if skill is None else skill
    bias = rng.gauss(-0.2, 0.5) if bias is None else bias
    player_number = rng.randrange(1, 100000)
    player_id = player_id or f"trainee-{player_number:05d}"
    player_name = player_name if player_name is not None else rng.choice(SAMPLE_NAMES)
    started_at = started_at or datetime(2025, 3, 10, 8, 0, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(0, 600))
    # Probability of flagging: signal-detection model, criterion = bias (negative flags readily).
    flag_if_misinformation = _NORMAL.cdf(skill / 2 - bias)
    flag_if_reliable = _NORMAL.cdf(-skill / 2 - bias)

    order = list(scenario.posts)
    rng.shuffle(order)
    decisions, missed_techniques = [], []
    hits = misses = false_alarms = correct_rejections = harmful_shares = 0
    points = max_points = 0
    elapsed = 0.0
    for position, post in enumerate(order, start=1):
        is_misinformation = post.verdict != "reliable"
        flagged = rng.random() < (flag_if_misinformation if is_misinformation else flag_if_reliable)
        tools = sorted(rng.sample(TOOLS, k=rng.choice((0, 0, 0, 1, 1, 2))), key=TOOLS.index)
        reasons: list[str] = []
        if flagged:
            action = "flag"
            if post.techniques and rng.random() < 0.6:
                reasons = [rng.choice(post.techniques)]
            elif rng.random() < 0.3:
                reasons = [rng.choice(SAMPLE_REASONS_POOL)]
        else:
            action = "share" if rng.random() < 0.55 else "skip"
        if is_misinformation:
            max_points += scoring.flag_misinformation + scoring.right_reason_bonus
            if action == "flag":
                hits += 1
                post_points = scoring.flag_misinformation
                if set(reasons) & set(post.techniques):
                    post_points += scoring.right_reason_bonus
            else:
                misses += 1
                missed_techniques.extend(t for t in post.techniques if t not in missed_techniques)
                if action == "share":
                    harmful_shares += 1
                    post_points = scoring.share_misinformation
                else:
                    post_points = scoring.skip_misinformation
        else:
            max_points += scoring.share_reliable
            if action == "flag":
                false_alarms += 1
                post_points = scoring.flag_reliable
            else:
                correct_rejections += 1
                post_points = scoring.share_reliable if action == "share" else scoring.skip_reliable
        post_points += scoring.tool_cost * len(tools)
        points += post_points
        seconds = round(max(2.0, rng.lognormvariate(math.log(14), 0.5)) + 25 * len(tools), 1)
        elapsed += seconds
        decisions.append(
            {
                "post": post.id,
                "order": position,
                "action": action,
                "tools": tools,
                "reasons": reasons,
                "correct": (action == "flag") == is_misinformation,
                "points": post_points,
                "seconds": seconds,
                "verdict": post.verdict,
                "techniques": list(post.techniques),
            }
        )
    finished_at = started_at + timedelta(seconds=math.ceil(elapsed) + rng.randrange(5, 60))
    return {
        "format": "feedwise-result/1",
        "result_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "scenario": {
            "id": scenario.id,
            "title": scenario.title,
            "language": scenario.language,
            "sha256": f"{rng.getrandbits(256):064x}",
        },
        "player": {"id": player_id, "name": player_name},
        "session": session,
        "mode": "assessment",
        "seed": rng.randrange(0, 2**31),
        "started_at": _iso(started_at),
        "finished_at": _iso(finished_at),
        "decisions": decisions,
        "score": {"points": points, "max_points": max_points},
        "discernment": discernment(hits, misses, false_alarms, correct_rejections),
        "harmful_shares": harmful_shares,
        "missed_techniques": missed_techniques,
    }


def sample_class(seed: int = 1, trainees: int = 20, *, session: str | None = "LAB-1", rounds_each: int = 1) -> list[dict]:
    """Records of a whole class: each trainee plays `rounds_each` rounds (different scenarios first)."""
    rng = random.Random(seed)
    records = []
    for number in range(trainees):
        player_id = f"{session or 'solo'}-{number + 1:04d}"
        name = SAMPLE_NAMES[number % len(SAMPLE_NAMES)]
        skill, bias = rng.gauss(1.2, 0.8), rng.gauss(-0.2, 0.5)
        for round_number in range(rounds_each):
            scenario = SAMPLE_SCENARIOS[(number + round_number) % len(SAMPLE_SCENARIOS)]
            records.append(
                sample_record(rng, scenario=scenario, player_id=player_id, player_name=name, session=session, skill=skill, bias=bias)
            )
    return records


def _bench_posts(prefix: str, count: int) -> tuple[SamplePost, ...]:
    """`count` posts, about half misleading, with techniques from the sample pool."""
    techniques = ("too-good-to-be-true", "urgency-pressure", "fake-engagement", "impersonating-officials", "phishing-link",
                  "emotional-language", "clickbait", "conspiracy", "out-of-context-image", "fake-experts")  # fmt: skip
    posts = []
    for number in range(count):
        if number % 2:
            verdict = "scam" if number % 4 == 1 else "misinformation"
            posts.append(SamplePost(f"{prefix}{number + 1:02d}", verdict, (techniques[number % 10], techniques[(number * 3 + 1) % 10])))
        else:
            posts.append(SamplePost(f"{prefix}{number + 1:02d}", "reliable"))
    return tuple(posts)


# Scenarios the size of the built-in ones (14-16 posts), one in English and in Khmer, for volume tests and benchmarks.
FULL_SCENARIOS: tuple[SampleScenario, ...] = (
    SampleScenario("work-offers", "Work offers online", "en", _bench_posts("w", 16)),
    SampleScenario("work-offers-km", "ការផ្តល់ការងារតាមអ៊ីនធឺណិត", "km", _bench_posts("w", 16)),
    SampleScenario("flood-news", "Flood news", "en", _bench_posts("f", 15)),
    SampleScenario("phone-fraud", "Phone fraud", "en", _bench_posts("p", 14)),
)


def _sample_check(rng: random.Random, form: str, language: str, moment_seed: int) -> dict:
    answers, right = [], {"real": 0, "fake": 0}
    for order in range(1, 21):
        verdict = "fake" if order % 2 else "real"
        answer = rng.choices(("real", "fake", "not-sure"), weights=(4, 4, 1))[0]
        correct = answer == verdict
        right[verdict] += correct
        answers.append({"item": f"{form.lower()}{order:02d}", "order": order, "answer": answer, "verdict": verdict,
                        "correct": correct, "seconds": round(rng.uniform(2, 12), 1)})  # fmt: skip
    figures = score_discernment(right["fake"], 10 - right["fake"], 10 - right["real"], right["real"])
    return {
        "form": form, "quiz": f"check-{form.lower()}" + ("-km" if language == "km" else ""), "language": language,
        "sha256": f"{moment_seed:064x}", "items": 20, "V": right["real"] + right["fake"], "r": right["real"],
        "f": right["fake"], "d": 0, "n": 0, "not_sure": sum(a["answer"] == "not-sure" for a in answers), "unanswered": 0,
        "d_prime": round(figures.d_prime, 4), "criterion": round(figures.criterion, 4),
        "hit_rate": round(figures.hit_rate, 4), "false_alarm_rate": round(figures.false_alarm_rate, 4),
        "complete": True, "seed": moment_seed, "shuffled": True,
        "elapsed_seconds": round(sum(a["seconds"] for a in answers), 1), "answers": answers,
    }  # fmt: skip


def full_record(rng: random.Random, *, scenario: SampleScenario | None = None, with_check: str | None = None, **options) -> dict:
    """A record with every key the game writes today (extras included), 14-16 decisions; `with_check`: "pre" or "post"."""
    scenario = scenario or rng.choice(FULL_SCENARIOS)
    record = sample_record(rng, scenario=scenario, **options)
    elapsed = 0.0
    for decision in record["decisions"]:
        elapsed += decision["seconds"]
        decision.update(right_reason=bool(set(decision["reasons"]) & set(decision["techniques"])), decided_at=round(elapsed, 1), auto=None)
    caught = Counter(t for d in record["decisions"] if d["action"] == "flag" for t in d["techniques"])
    missed = Counter(t for d in record["decisions"] if d["action"] != "flag" for t in d["techniques"])
    record.update(
        status="complete", app_version="0.1.0", shuffled=True, feed=[d["post"] for d in record["decisions"]],
        time_limit_seconds=900, elapsed_seconds=round(elapsed, 1),
        tools_used=sum(len(d["tools"]) for d in record["decisions"]),
        right_reasons=sum(d["right_reason"] for d in record["decisions"]),
        techniques=[{"id": t, "caught": caught[t], "missed": missed[t], "named": 0} for t in sorted(caught.keys() | missed.keys())],
        reading=[{"id": "discernment-partial", "params": {"d_prime": record["discernment"]["d_prime"]}}],
        scoring={"share_reliable": 5, "flag_misinformation": 10, "share_misinformation": -10},
    )  # fmt: skip
    if with_check:
        record["checks"] = {with_check: _sample_check(rng, "A" if with_check == "pre" else "B", scenario.language, rng.randrange(2**31))}
    return record
