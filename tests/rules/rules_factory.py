"""Test helpers for the rules: build small scenarios in memory (no loader, no files).

`make_loaded(posts, **settings)` wraps `Scenario.model_validate` in a `LoadedScenario`;
`post(...)` builds one post dict; `worked_example()` is the scenario of docs/scoring.md.
`loaded_scenarios()` is a hypothesis strategy for random, well-formed scenarios.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from game.scenario.model import LoadedScenario, Scenario, Technique

TECHNIQUES = {
    t.id: t
    for t in [
        Technique(id="emotional-language", name="Emotional language", definition="Words chosen to stir fear or anger.", tip="Notice how the post makes you feel.", framework="bad-news"),
        Technique(id="fake-experts", name="Fake experts", definition="Someone presented as an expert who is not one.", tip="Check who the expert really is.", framework="flicc"),
        Technique(id="too-good-to-be-true", name="Too good to be true", definition="An offer far better than normal.", tip="High pay for easy work is a warning.", framework="fraud"),
        Technique(id="urgency-pressure", name="Urgency and pressure", definition="Pushes you to act before you think.", tip="Slow down when told to hurry.", framework="fraud"),
        Technique(id="impersonation", name="Impersonation", definition="Pretending to be a trusted person or outlet.", tip="Look closely at the name and handle.", framework="bad-news"),
        Technique(id="conspiracy", name="Conspiracy", definition="A secret plot explains everything.", tip="Ask what evidence would change the claim.", framework="bad-news"),
    ]
}

ACCOUNTS = [
    {"id": "dara", "name": "Dara News", "handle": "@dara_news", "verified": False, "followers": 12400, "joined": "2019-04", "bio": "Daily news from Takeo."},
    {"id": "ministry", "name": "Provincial Hall", "handle": "@prov_hall", "verified": True, "followers": 98000, "joined": "2015-01"},
]


def post(
    post_id: str,
    verdict: str = "reliable",
    techniques: tuple[str, ...] = (),
    *,
    text: str | None = None,
    author: str = "dara",
    image: bool = False,
    clues: dict[str, str] | None = None,
    link_title: str | None = None,
) -> dict[str, Any]:
    """One post dict. Each technique's evidence is a quote placed in the text as `[<id> words]`."""
    body = text if text is not None else f"Post {post_id}. " + " ".join(f"[{t} words]" for t in techniques)
    data: dict[str, Any] = {
        "id": post_id,
        "author": author,
        "text": body,
        "verdict": verdict,
        "techniques": [{"id": t, "evidence": f"[{t} words]", "note": f"How {t} works here."} for t in techniques],
        "explanation": f"Why {post_id} is {verdict}.",
    }
    if image:
        data["image"] = {"file": "images/x.png", "alt": "a picture"}
    if clues:
        data["clues"] = clues
    if link_title is not None:
        data["link"] = {"url": "https://example.test/a", "title": link_title, "domain": "example.test"}
    return data


def make_loaded(posts: list[dict[str, Any]], **settings: Any) -> LoadedScenario:
    data = {"id": settings.pop("id", "test-scenario"), "title": "Test scenario", "language": "en", "accounts": ACCOUNTS, "posts": posts}
    data.update(settings)
    return LoadedScenario(
        scenario=Scenario.model_validate(data), path="memory://test.en.yaml", sha256="0" * 64, techniques=dict(TECHNIQUES)
    )


def small_loaded(**settings: Any) -> LoadedScenario:
    """Two misleading posts (one with a picture) and two reliable ones."""
    return make_loaded(
        [
            post("m1", "misinformation", ("emotional-language",), image=True, clues={"reverse_image": "First seen in 2016."}),
            post("r1", "reliable"),
            post("m2", "scam", ("too-good-to-be-true", "urgency-pressure")),
            post("r2", "reliable", author="ministry"),
        ],
        **settings,
    )


WORKED_EXAMPLE_PLAY = [
    # (command kind, post id, extra) in the order played; see docs/scoring.md
    ("flag", "flood-dam", ("emotional-language",)),
    ("tool", "miracle-cure", "search"),
    ("flag", "miracle-cure", ()),
    ("share", "job-offer", None),
    ("share", "road-works", None),
    ("flag", "vaccine-day", ()),
    ("skip", "market-prices", None),
]


def worked_example() -> LoadedScenario:
    """The scenario of the worked example in docs/scoring.md (default weights)."""
    return make_loaded(
        [
            post("flood-dam", "misinformation", ("emotional-language",)),
            post("miracle-cure", "misinformation", ("fake-experts",)),
            post("job-offer", "scam", ("too-good-to-be-true", "urgency-pressure")),
            post("road-works", "reliable", author="ministry"),
            post("vaccine-day", "reliable", author="ministry"),
            post("market-prices", "reliable"),
        ],
        id="worked-example",
    )


@st.composite
def loaded_scenarios(draw: st.DrawFn, min_each: int = 1, max_each: int = 6) -> LoadedScenario:
    """Random scenarios: some misleading and some reliable posts, random techniques, pictures and settings."""
    misleading = draw(st.integers(min_each, max_each))
    reliable = draw(st.integers(min_each, max_each))
    ids = sorted(TECHNIQUES)
    posts = []
    for index in range(misleading):
        techniques = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True)))
        posts.append(post(f"m{index}", draw(st.sampled_from(["misinformation", "scam"])), techniques, image=draw(st.booleans())))
    for index in range(reliable):
        posts.append(post(f"r{index}", "reliable", image=draw(st.booleans())))
    posts = draw(st.permutations(posts))
    return make_loaded(list(posts), ask_reasons=draw(st.booleans()), mode=draw(st.sampled_from(["practice", "assessment"])))
