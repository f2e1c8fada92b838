"""The quick-check quiz format: the shipped item banks, the exported schema, and located errors for broken quizzes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.quiz import Quiz, QuizVerdict
from game.scenario.quiz_loader import MIN_ITEMS, check_quiz_file, is_quiz_file, is_quiz_text, load_check_bank, load_quiz
from game.scenario.quiz_schema import quiz_fields_without_description, quiz_schema, quiz_schema_text

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "scenarios" / "checks"
BANK_FILES = sorted(CHECKS.glob("*.yaml"))
QUIZ_SCHEMA_FILE = ROOT / "scenarios" / "quiz.schema.json"


def quiz_dict(count: int = 16, *, fake: int | None = None, form: str = "A", language: str = "en", prefix: str = "q", **extra) -> dict:
    fake = count // 2 if fake is None else fake
    topics = ["jobs", "money", "health", "disaster"]
    items = [
        {"id": f"{prefix}{number:02d}", "text": f"Headline number {number}", "verdict": "fake" if number < fake else "real", "topic": topics[number % 4]}
        for number in range(count)
    ]
    return {"kind": "quiz", "id": f"check-{form.lower()}-{language}", "title": "Check", "language": language, "form": form, "items": items, **extra}


def write_yaml(path: Path, data: dict) -> Path:
    # JSON is YAML: this writes a valid quiz file with predictable line numbers (one field per line).
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def test_there_are_four_banks_en_and_km_for_forms_a_and_b():
    assert [path.name for path in BANK_FILES] == ["form-a.en.yaml", "form-a.km.yaml", "form-b.en.yaml", "form-b.km.yaml"]


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda path: path.name)
def test_shipped_bank_validates_with_no_problems_at_all(path):
    loaded, problems = check_quiz_file(path)
    assert [problem.format() for problem in problems] == []
    assert loaded is not None


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda path: path.name)
def test_shipped_bank_is_half_real_half_fake_with_at_least_16_items(path):
    quiz = load_quiz(path).quiz
    verdicts = Counter(item.verdict for item in quiz.items)
    assert len(quiz.items) >= MIN_ITEMS
    assert verdicts[QuizVerdict.real] == verdicts[QuizVerdict.fake] == len(quiz.items) / 2


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda path: path.name)
def test_shipped_bank_starts_with_the_quiz_schema_modeline(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../quiz.schema.json"


def test_forms_a_and_b_match_on_topic_verdict_and_difficulty_in_each_language():
    bank = load_check_bank(CHECKS)
    for language in ("en", "km"):
        form_a, form_b = bank.quiz("A", language).quiz, bank.quiz("B", language).quiz
        profile = lambda quiz: Counter((item.topic, item.verdict, item.difficulty) for item in quiz.items)  # noqa: E731
        assert profile(form_a) == profile(form_b)
        assert {item.topic for item in form_a.items} == {"jobs", "money", "health", "disaster", "officials", "community"}


def test_khmer_banks_are_drafts_that_translate_the_english_item_for_item():
    bank = load_check_bank(CHECKS)
    for form in ("A", "B"):
        english, khmer = bank.quiz(form, "en").quiz, bank.quiz(form, "km").quiz
        assert khmer.translation_of == english.id and khmer.translation_status.value == "draft"
        assert [(item.id, item.verdict) for item in khmer.items] == [(item.id, item.verdict) for item in english.items]
        assert all(any("\u1780" <= ch <= "\u17ff" for ch in item.text) for item in khmer.items)


def test_item_ids_differ_between_forms_so_records_are_unambiguous():
    bank = load_check_bank(CHECKS)
    ids_a = {item.id for item in bank.quiz("A").quiz.items}
    ids_b = {item.id for item in bank.quiz("B").quiz.items}
    assert not ids_a & ids_b


def test_check_bank_falls_back_to_english_for_a_language_without_the_form(tmp_path):
    write_yaml(tmp_path / "a.yaml", quiz_dict())
    bank = load_check_bank(tmp_path)
    assert bank.quiz("A", "km").quiz.language.value == "en"
    assert bank.quiz("B", "en") is None


# ------------------------------------------------------------------------------------------------
# Schema


def test_quiz_schema_file_is_not_stale():
    assert QUIZ_SCHEMA_FILE.read_text(encoding="utf-8") == quiz_schema_text(), "run: python tools/export_schema.py"


def test_every_quiz_field_has_a_description():
    assert quiz_fields_without_description() == []


def test_quiz_schema_pins_the_kind_marker_and_forbids_unknown_fields():
    schema = quiz_schema()
    assert schema["properties"]["kind"]["const"] == "quiz"
    assert {"kind", "id", "title", "language", "form", "items"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["QuizItem"]["additionalProperties"] is False
    assert len(schema["$defs"]["QuizVerdict"]["enumDescriptions"]) == 2


# ------------------------------------------------------------------------------------------------
# Telling quizzes from scenarios


def test_the_kind_line_marks_a_quiz_and_nothing_else_does():
    assert is_quiz_text("id: x\nkind: quiz\n")
    assert is_quiz_text("kind: 'quiz'  # the marker\n")
    assert not is_quiz_text("id: x\n  kind: quiz\n")  # indented: not top level
    assert not is_quiz_text("id: quiz\ntitle: kind: quiz\n")
    assert is_quiz_file(BANK_FILES[0])
    assert not is_quiz_file(ROOT / "scenarios" / "tutorial" / "tutorial.en.yaml")


def test_a_quiz_file_read_as_a_scenario_is_refused_with_a_located_message():
    from game.scenario.loader import check_file

    loaded, problems = check_file(BANK_FILES[0])
    assert loaded is None
    assert any("kind" in problem.message and problem.line == 2 for problem in problems)


# ------------------------------------------------------------------------------------------------
# Broken quizzes: every problem located, in plain words


def test_too_few_items_and_unbalanced_verdicts_are_errors(tmp_path):
    path = write_yaml(tmp_path / "q.yaml", quiz_dict(10, fake=3))
    loaded, problems = check_quiz_file(path)
    codes = {problem.code for problem in problems if problem.is_error}
    assert loaded is None
    assert codes == {"too-few-items", "unbalanced-verdicts"}
    assert all(problem.line > 0 for problem in problems)


def test_duplicate_ids_bad_values_and_unknown_fields_are_located(tmp_path):
    data = quiz_dict()
    data["items"][3]["id"] = data["items"][2]["id"]
    data["items"][5]["verdict"] = "falsch"
    data["items"][6]["colour"] = "red"
    data["form"] = "C"
    path = write_yaml(tmp_path / "q.yaml", data)
    _, problems = check_quiz_file(path)
    text = path.read_text(encoding="utf-8").splitlines()
    by_code = {problem.code: problem for problem in problems}
    assert '"id": "q02"' in text[by_code["duplicate-id"].line - 1] and "first used at line" in by_code["duplicate-id"].message
    verdict = next(problem for problem in problems if "falsch" in problem.message)
    assert "'real', 'fake'" in verdict.message and "item 'q05'" in verdict.message and '"falsch"' in text[verdict.line - 1]
    unknown = by_code["unknown-field"]
    assert "colour" in unknown.message and "verdict" in unknown.message and '"colour"' in text[unknown.line - 1]
    assert any("'form' cannot be 'C'" in problem.message for problem in problems)


def test_yaml_safety_is_the_scenario_loaders(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("kind: quiz\nid: &a x\ntitle: *a\n", encoding="utf-8")
    loaded, problems = check_quiz_file(path)
    assert loaded is None
    assert {problem.code for problem in problems} >= {"yaml-anchor", "yaml-alias"}


def test_a_duplicate_key_in_a_quiz_keeps_the_first_value_and_hides_nothing(tmp_path):
    data = quiz_dict()
    data["items"][5]["verdict"] = "falsch"
    path = write_yaml(tmp_path / "q.yaml", data)
    path.write_text(path.read_text(encoding="utf-8").replace('"title": "Check",', '"title": "Check",\n "title": "Again",'), encoding="utf-8")
    loaded, problems = check_quiz_file(path)
    assert loaded is None
    assert sorted(problem.code for problem in problems if problem.is_error) == ["bad-value", "yaml-duplicate-key"]
    with pytest.raises(ScenarioError):
        load_quiz(path)


def test_missing_image_and_unsafe_path_are_errors_and_missing_alt_text_a_warning(tmp_path):
    data = quiz_dict()
    data["items"][0]["image"] = {"file": "images/none.png", "alt": "a chart"}
    data["items"][1]["image"] = {"file": "../outside.png"}
    _, problems = check_quiz_file(write_yaml(tmp_path / "q.yaml", data))
    codes = Counter((problem.severity, problem.code) for problem in problems)
    assert codes[("error", "image-missing")] == 1 and codes[("error", "image-path")] == 1
    assert codes[("warning", "no-alt-text")] == 1


def test_load_quiz_raises_with_every_problem(tmp_path):
    with pytest.raises(ScenarioError) as raised:
        load_quiz(write_yaml(tmp_path / "q.yaml", quiz_dict(4)))
    assert [problem.code for problem in raised.value.problems] == ["too-few-items"]


def test_translation_must_keep_item_ids_verdicts_and_form(tmp_path):
    write_yaml(tmp_path / "a.en.yaml", quiz_dict())
    translation = quiz_dict(language="km", form="B", translation_of="check-a-en", translation_status="draft")
    translation["items"][0]["verdict"] = "real"
    translation["items"][-1]["verdict"] = "fake"  # keeps 50/50, but two verdicts differ from the original
    translation["items"][1]["id"] = "q99"
    _, problems = check_quiz_file(write_yaml(tmp_path / "a.km.yaml", translation))
    codes = Counter(problem.code for problem in problems if problem.is_error)
    assert codes == {"translation-verdict": 2, "translation-extra-item": 1, "translation-missing-item": 1, "translation-form": 1}


def test_translation_of_an_unknown_quiz_is_a_warning_with_a_hint(tmp_path):
    write_yaml(tmp_path / "a.en.yaml", quiz_dict())
    loaded, problems = check_quiz_file(write_yaml(tmp_path / "a.km.yaml", quiz_dict(language="km", translation_of="check-a-eng", translation_status="draft")))
    assert loaded is not None
    assert [problem.code for problem in problems] == ["translation-original-missing"]
    assert "did you mean 'check-a-en'" in problems[0].message


def test_parallel_forms_with_different_topics_give_a_warning_not_an_error(tmp_path):
    write_yaml(tmp_path / "a.yaml", quiz_dict(form="A"))
    other = quiz_dict(form="B", prefix="b")
    other["items"][0]["topic"] = "community"
    loaded, problems = check_quiz_file(write_yaml(tmp_path / "b.yaml", other))
    assert loaded is not None
    assert [(problem.severity, problem.code) for problem in problems] == [("warning", "forms-topics")]
    assert "community fake: 1 here, 0 there" in problems[0].message


def test_models_are_frozen_and_forbid_extra_fields():
    quiz = Quiz.model_validate(quiz_dict())
    with pytest.raises(Exception):
        quiz.items[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(Exception):
        Quiz.model_validate({**quiz_dict(), "extra": 1})
