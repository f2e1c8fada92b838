"""The cue-balance check: cue extraction, AUC, the held-out model, and `validate --cues` on synthetic libraries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.cue_balance import CueItem, check, cue_advice
from game.scenario.cue_model import auc, held_out_auc
from game.scenario.cues import CUE_IDS, account_age_months, extract, name_has_tick, post_age_hours, text_cues
from tests.scenario.scenario_factory import write

ACCOUNTS = [
    {"id": "news", "name": "Tonle News", "handle": "@tonle", "verified": True, "followers": 50000, "joined": "2015-03"},
    {"id": "page", "name": "Market Talk", "handle": "@market.talk", "verified": False, "followers": 900, "joined": "2 months ago"},
]


def post(number: int, misleading: bool, text: str, author: str = "news", likes: int = 100) -> dict:
    entry = {"id": f"p{number:02d}", "author": author, "time": "2h", "text": text,
             "stats": {"likes": likes, "shares": 10, "comments": 5},
             "verdict": "misinformation" if misleading else "reliable", "explanation": "Checked by the test."}
    if misleading:
        entry["techniques"] = [{"id": "emotional-language", "evidence": text.split()[0], "note": "A test technique."}]
        entry["clues"] = {"search": "Nobody else reports it."}
    return entry


def scenario(scenario_id: str, posts: list[dict], language: str = "en") -> dict:
    return {"id": scenario_id, "title": scenario_id.title(), "language": language, "accounts": ACCOUNTS, "posts": posts}


def shouting_posts(count: int) -> list[dict]:
    """Half misleading, half reliable: only the misleading ones shout `!!`; all else is alike."""
    posts = []
    for number in range(count):
        misleading = number % 2 == 0
        text = f"Rice prices rise at the market in town number {number}" + ("!!" if misleading else ".")
        posts.append(post(number, misleading, text, author="page" if number % 4 < 2 else "news", likes=100 + number // 2))
    return posts


def balanced_posts(count: int) -> list[dict]:
    """Half misleading, half reliable, in pairs that look exactly alike: no cue can tell them apart."""
    posts = []
    for number in range(count):
        pair = number // 2
        text = f"Rice prices rise at the market in town number {pair}" + ("!!" if pair % 2 else ".")
        posts.append(post(number, number % 2 == 0, text, author="page" if pair % 2 else "news", likes=100 + 7 * pair))
    return posts


def library(folder: Path, make, sizes=(10, 12, 14), language: str = "en") -> Path:
    for index, size in enumerate(sizes):
        name = f"s{index}"
        (folder / name).mkdir(parents=True)
        write(folder / name, scenario(name, make(size), language), f"{name}.{language}.yaml")
    return folder


def run_json(capsys, *paths: Path, strict: bool = True) -> tuple[int, dict]:
    code = main(["validate", "--cues", "--json", *(["--strict"] if strict else []), *map(str, paths)])
    return code, json.loads(capsys.readouterr().out)


# --- cue extraction ---------------------------------------------------------------------------

def test_style_cues_are_counted():
    cues = text_cues("URGENT!! Win $500 today 🎁🎁 #lucky #free, see lucky-prize.xyz")
    assert cues["exclamations"] == 2
    assert cues["emoji"] == 2
    assert cues["hashtags"] == 2
    assert cues["money"] == 1
    assert cues["urgency"] == 2  # URGENT, today
    assert cues["links"] == 1
    assert text_cues("STOP now")["capitals"] == pytest.approx(4 / 7)
    assert text_cues("ការជូនដំណឹង ATM")["capitals"] < 0.5  # Khmer letters count as letters too


def test_calm_text_has_no_loud_cues():
    cues = text_cues("The commune office opens on Saturday for birth registration.")
    assert (cues["exclamations"], cues["emoji"], cues["hashtags"], cues["money"], cues["urgency"], cues["links"]) == (0, 0, 0, 0, 0, 0)


def test_khmer_urgency_words_and_money():
    cues = text_cues("ប្រញាប់ឡើង! ឥឡូវនេះ ទទួលបាន ៥០០ ដុល្លារ ថ្ងៃនេះប៉ុណ្ណោះ")
    assert cues["urgency"] == 3  # ប្រញាប់, ឥឡូវនេះ (once, not also ឥឡូវ), ថ្ងៃនេះ
    assert cues["money"] == 1
    assert cues["exclamations"] == 1
    assert text_cues("សាលាឃុំបើកនៅថ្ងៃសៅរ៍")["urgency"] == 0


def test_english_urgency_needs_whole_words():
    assert text_cues("We know the snow will stay")["urgency"] == 0  # "now" inside "know" and "snow"
    assert text_cues("Only 3 left, hurry")["urgency"] == 2


def test_account_and_post_ages():
    assert account_age_months("2025-01") == 12
    assert account_age_months("3 weeks ago") == pytest.approx(0.7)
    assert account_age_months("៣ សប្តាហ៍មុន") == account_age_months("3 weeks ago")
    assert account_age_months("២ ខែមុន") == 2
    assert account_age_months("long ago") is None
    assert (post_age_hours("now"), post_age_hours("45m"), post_age_hours("2d"), post_age_hours("1w")) == (0, 0.75, 48, 168)


def test_tick_or_official_in_the_name():
    assert name_has_tick("Ministry Aid ✅")
    assert name_has_tick("Bank Support", "@official.bank")
    assert name_has_tick("ទំព័រផ្លូវការ")
    assert not name_has_tick("Tonle News", "@tonle")


def test_an_item_without_an_account_has_no_account_cues():
    cues = extract("Plain headline")
    assert set(cues) == set(CUE_IDS)
    assert cues["verified"] is None and cues["followers"] is None and cues["likes"] is None
    full = extract("Plain", account={"verified": True, "followers": 10, "joined": "2020-01"},
                   stats={"likes": 0, "shares": 3, "comments": 4}, comments_shown=1, time="1h")
    assert (full["verified"], full["comments_per_like"], full["shares_per_like"], full["comments_shown"]) == (1, 4, 3, 1)


# --- AUC and the model ------------------------------------------------------------------------

def test_auc_counts_wins_and_half_ties():
    assert auc([3, 4], [1, 2]) == 1.0
    assert auc([1, 2], [3, 4]) == 0.0
    assert auc([1, 1], [1, 1]) == 0.5
    assert auc([2, 1], [1, 0]) == pytest.approx(0.875)
    assert auc([], [1]) is None


def test_held_out_model_finds_a_giveaway_and_not_a_mirror():
    groups = [g for g in "abc" for _ in range(10)]
    labels = [i % 2 for i in range(30)]
    giveaway = [[float(label), float(i % 3)] for i, label in enumerate(labels)]
    assert held_out_auc(giveaway, labels, groups) == 1.0
    mirror = [[float((i // 2) % 3), float(i // 4)] for i in range(30)]  # each pair alike, whatever its label
    assert held_out_auc(mirror, labels, groups) == pytest.approx(0.5)
    assert held_out_auc(giveaway, labels, ["a"] * 30) is None


def test_advice_names_the_cue_the_way_and_what_to_add():
    leans, message = cue_advice("exclamations", 0.9)
    assert leans == "misleading"
    assert "`!` count" in message and "Add reliable posts with `!!`, such as an official alert" in message
    leans, message = cue_advice("verified", 0.1)
    assert leans == "reliable" and "Add misleading posts from a verified account" in message


# --- validate --cues on synthetic libraries ---------------------------------------------------

def test_a_library_where_bangs_give_the_verdict_away_warns(tmp_path, capsys):
    code, report = run_json(capsys, library(tmp_path, shouting_posts))
    assert code == 1
    bangs = [w for w in report["warnings"] if w["cue"] == "exclamations"]
    assert {w["scope"] for w in bangs} == {"s0", "s1", "s2", "library"}
    assert all(w["leans"] == "misleading" and w["auc"] == 1.0 for w in bangs)
    assert any(w["cue"] == "model" for w in report["warnings"])
    assert report["pools"][0]["model"]["auc"] > 0.65


def test_the_table_and_warning_lines(tmp_path, capsys):
    code = main(["validate", "--cues", str(library(tmp_path, shouting_posts))])
    out = capsys.readouterr().out
    assert code == 0  # warnings fail only with --strict
    assert "cue balance, en, scenarios" in out
    assert "`!` count" in out and "1.00*" in out
    assert "warning: cue balance (en, s0): `!` count leans misleading (AUC 1.00)" in out
    assert "add misleading posts that look trustworthy" in out


def test_a_balanced_library_does_not_warn(tmp_path, capsys):
    code, report = run_json(capsys, library(tmp_path, balanced_posts))
    assert report["warnings"] == [], report["warnings"]
    assert code == 0
    library_aucs = report["pools"][0]["library"]["auc"]
    assert library_aucs["exclamations"] == 0.5 and library_aucs["verified"] == 0.5
    assert report["pools"][0]["model"]["auc"] == pytest.approx(0.5)


def test_a_scenario_under_ten_posts_is_information_only(tmp_path, capsys):
    small = library(tmp_path / "small", shouting_posts, sizes=(8,))
    code, report = run_json(capsys, small)
    assert code == 0 and report["warnings"] == []
    group = report["pools"][0]["groups"][0]
    assert group["items"] == 8 and group["checked"] is False and group["auc"]["exclamations"] == 1.0
    text_code = main(["validate", "--cues", str(small)])
    assert text_code == 0 and "information only" in capsys.readouterr().out
    code, report = run_json(capsys, library(tmp_path / "big", shouting_posts, sizes=(10,)))
    assert code == 1 and {w["scope"] for w in report["warnings"] if w["cue"] == "exclamations"} == {"s0"}


def test_english_and_khmer_are_checked_separately(tmp_path, capsys):
    library(tmp_path / "en", balanced_posts)
    library(tmp_path / "km", shouting_posts, language="km")
    code, report = run_json(capsys, tmp_path)
    assert [(pool["language"], pool["pool"]) for pool in report["pools"]] == [("en", "scenarios"), ("km", "scenarios")]
    assert {w["language"] for w in report["warnings"]} == {"km"}
    assert code == 1


def test_json_shape(tmp_path, capsys):
    code, report = run_json(capsys, library(tmp_path, shouting_posts, sizes=(10, 10)))
    assert set(report) == {"bounds", "model_limit", "min_items", "cues", "pools", "warnings", "problems"}
    assert report["bounds"] == [0.3, 0.7] and report["model_limit"] == 0.65 and report["min_items"] == 10
    assert [cue["id"] for cue in report["cues"]] == list(CUE_IDS)
    pool = report["pools"][0]
    assert set(pool) == {"language", "pool", "groups", "library", "model"}
    assert set(pool["groups"][0]) == {"group", "file", "items", "misleading", "reliable", "checked", "auc"}
    assert set(pool["groups"][0]["auc"]) == set(CUE_IDS)
    assert set(pool["model"]) == {"auc", "cues", "limit"}
    assert set(report["warnings"][0]) == {"language", "pool", "scope", "file", "cue", "auc", "leans", "message"}


def test_quiz_items_are_their_own_pool(tmp_path, capsys):
    items = []
    for number in range(16):
        fake = number % 2 == 1
        items.append({"id": f"q{number:02d}", "source": "Tonle News", "text": f"Market news number {number}" + ("!" if fake else "."),
                      "verdict": "fake" if fake else "real", "topic": "money"})
    quiz = {"kind": "quiz", "id": "check-x", "title": "Check", "language": "en", "form": "A", "items": items}
    write(tmp_path, quiz, "form-x.en.yaml")
    code, report = run_json(capsys, tmp_path)
    pool = report["pools"][0]
    assert (pool["pool"], pool["groups"][0]["items"]) == ("checks", 16)
    assert pool["library"]["auc"]["followers"] is None
    assert [w["cue"] for w in report["warnings"]] == ["exclamations"]
    assert "items with `!!`" in report["warnings"][0]["message"]


def test_a_broken_file_is_an_error_and_the_rest_is_checked(tmp_path, capsys):
    folder = library(tmp_path, balanced_posts)
    (folder / "broken.en.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    code, report = run_json(capsys, folder)
    assert code == 1
    assert report["problems"] and report["problems"][0]["file"].endswith("broken.en.yaml")
    assert report["pools"][0]["library"]["items"] == 36


def test_cue_items_from_any_kind_share_one_check():
    """A future item kind (a chat) only needs `extract`: the check does not care where items come from."""
    items = [CueItem(f"c{i}", f"chat{i % 2}", "memory", "en", "checks", i % 2 == 0,
                     extract("Send the fee now!!" if i % 2 == 0 else "See you at the market.")) for i in range(20)]
    report = check(items)
    assert any(w.cue == "exclamations" and w.scope == "library" for w in report.warnings)
