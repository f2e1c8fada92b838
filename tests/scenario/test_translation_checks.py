"""`validate` compares each translation with its original by structure, never by text (docs/translating.md).

Golden messages: each case runs `python main.py validate ARGS` from `tests/scenario/` and its whole
output (problems, the languages table, the summary) and exit code must match
`translations/<case>.expected`. To refresh after a deliberate wording change, run
`FEEDWISE_UPDATE_GOLDENS=1 pytest tests/scenario/test_translation_checks.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.translations import check_translations

HERE = Path(__file__).resolve().parent
CASES = HERE / "translations"
REPO = HERE.parents[1]
UPDATE = os.environ.get("FEEDWISE_UPDATE_GOLDENS") == "1"

GOLDEN_RUNS = {
    "in-sync": ["translations/in-sync"],
    "draft": ["translations/draft"],
    "draft-strict": ["--strict", "translations/draft"],
    "orphaned": ["translations/orphaned"],
    "out-of-date": ["translations/out-of-date"],
    "out-of-date-alone": ["translations/out-of-date/market.km.yaml"],  # the original is found next to it
    "link-to-itself": ["translations/link-to-itself"],
    "chain": ["translations/chain"],
    "status-missing": ["translations/status-missing"],
    "english-evidence": ["translations/english-evidence"],
    "post-order": ["translations/post-order"],
}


@pytest.mark.parametrize("case", sorted(GOLDEN_RUNS))
def test_translation_case_gives_its_golden_output(case, monkeypatch, capsys):
    monkeypatch.chdir(HERE)
    code = main(["validate", *GOLDEN_RUNS[case]])
    output = capsys.readouterr().out + f"exit code {code}\n"
    expected_path = CASES / f"{case}.expected"
    if UPDATE:
        expected_path.write_text(output, encoding="utf-8")
    assert output == expected_path.read_text(encoding="utf-8")


def _copy_case(case: str, target: Path) -> Path:
    shutil.copytree(CASES / case, target)
    return target


def _codes(problems) -> list[tuple[str, str]]:
    return [(problem.severity, problem.code) for problem in problems]


def test_in_sync_translation_has_no_problems_and_is_listed_with_its_status():
    report = check_translations([str(CASES / "in-sync" / "market.en.yaml"), str(CASES / "in-sync" / "market.km.yaml")])
    assert report.problems == []
    assert report.languages_table() == ["languages:", "  market: en (original), km (reviewed by a native speaker)"]


def test_a_typo_fixed_in_the_english_keeps_the_khmer_valid(tmp_path, capsys):
    folder = _copy_case("in-sync", tmp_path / "market")
    english = folder / "market.en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("Rain is expected", "Heavy rain is expected").replace("Far above", "Far, far above"), encoding="utf-8")
    assert main(["validate", "--strict", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "checked 2 files: no problems"


def test_draft_is_info_in_json_and_never_fails_strict(monkeypatch, capsys):
    monkeypatch.chdir(HERE)
    assert main(["validate", "--strict", "--json", "translations/draft"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(item["severity"], item["code"], item["file"], item["line"]) for item in items] == [
        ("info", "translation-draft", "translations/draft/market.km.yaml", 6)
    ]
    assert "native speaker" in items[0]["message"]


def test_original_given_from_another_folder_is_compared(tmp_path):
    english = _copy_case("out-of-date", tmp_path / "copy") / "market.en.yaml"
    elsewhere = tmp_path / "khmer"
    elsewhere.mkdir()
    khmer = elsewhere / "market.km.yaml"
    shutil.move(str(tmp_path / "copy" / "market.km.yaml"), khmer)
    alone = check_translations([str(khmer)])
    assert ("warning", "translation-orphaned") in _codes(alone.problems)
    together = check_translations([str(khmer), str(english)])
    codes = _codes(together.problems)
    assert ("error", "translation-verdict") in codes and ("error", "translation-missing-post") in codes
    assert ("warning", "translation-orphaned") not in codes


def test_two_originals_with_one_id_are_reported_as_ambiguous(tmp_path):
    first = _copy_case("in-sync", tmp_path / "one")
    second = tmp_path / "two"
    second.mkdir()
    shutil.copy(first / "market.en.yaml", second / "market.en.yaml")
    translation = tmp_path / "three"
    translation.mkdir()
    shutil.move(str(first / "market.km.yaml"), translation / "market.km.yaml")
    report = check_translations([str(first / "market.en.yaml"), str(second / "market.en.yaml"), str(translation / "market.km.yaml")])
    assert _codes(report.problems) == [("warning", "translation-ambiguous")]
    assert "give each scenario its own id" in report.problems[0].message


def test_two_translations_into_one_language_and_a_same_language_translation_are_warned(tmp_path):
    folder = _copy_case("in-sync", tmp_path / "market")
    khmer = (folder / "market.km.yaml").read_text(encoding="utf-8")
    (folder / "market.km2.yaml").write_text(khmer.replace("id: market-km", "id: market-km2"), encoding="utf-8")
    (folder / "market.en2.yaml").write_text(khmer.replace("id: market-km", "id: market-en2").replace("language: km", "language: en"), encoding="utf-8")
    report = check_translations(sorted(str(path) for path in folder.glob("*.yaml")))
    codes = _codes(report.problems)
    assert ("warning", "translation-duplicate-language") in codes
    assert ("warning", "translation-same-language") in codes


def test_untranslated_post_text_is_warned(tmp_path):
    folder = _copy_case("in-sync", tmp_path / "market")
    khmer = folder / "market.km.yaml"
    khmer.write_text(khmer.read_text(encoding="utf-8").replace("ផ្សាររាត្រីបើកឡើងវិញនៅថ្ងៃសុក្រ។", "The night market opens again on Friday."), encoding="utf-8")
    report = check_translations([str(folder / "market.en.yaml"), str(khmer)])
    assert _codes(report.problems) == [("warning", "translation-untranslated")]
    assert report.problems[0].message.startswith("post 'm1': the text is the same as in the original 'market'")


def test_broken_files_are_left_to_the_single_file_checks(tmp_path):
    folder = _copy_case("in-sync", tmp_path / "market")
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (folder / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (folder / "quiz.yaml").write_text("kind: quiz\nid: q\ntranslation_of: nowhere\n", encoding="utf-8")
    report = check_translations(sorted(str(path) for path in folder.glob("*.yaml")) + [str(tmp_path / "missing.yaml")])
    assert report.problems == []


def test_files_without_translations_print_no_languages_table(tmp_path):
    folder = _copy_case("in-sync", tmp_path / "market")
    report = check_translations([str(folder / "market.en.yaml")])
    assert report.problems == [] and report.languages_table() == []


def test_builtin_scenarios_have_consistent_translations():
    files = sorted(str(path) for path in (REPO / "scenarios").rglob("*.yaml"))
    report = check_translations(files)
    broken = [problem.format() for problem in report.problems if problem.severity != "info"]
    assert broken == []
    drafts = {Path(problem.file).name for problem in report.problems if problem.code == "translation-draft"}
    for path in (REPO / "scenarios").rglob("*.km.yaml"):
        text = path.read_text(encoding="utf-8")
        if "translation_status: draft" in text and "\nkind: quiz" not in text and "\nkind: web" not in text:  # quiz forms and web files have their own checks
            assert path.name in drafts
