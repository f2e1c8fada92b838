"""The web loader and validator: the shipped files and the documented example load clean; every bad reference is located."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from game.cli import main
from game.commands.validate import kind_of
from game.web.loader import check_web_file, is_web_file, load_web_file, load_web_library
from game.web.model import Role
from game.web.translations import check_web_translations, duplicates_across_files, scenarios_without_web
from tests.web.web_factory import REPO, SCENARIO_EN, WEB_EN, WEB_KM, dump, make_library

SHARED = REPO / "scenarios" / "web"


def codes(problems):
    return sorted(problem.code for problem in problems)


@pytest.mark.parametrize("name", ["sites.en.yaml", "sites.km.yaml"])
def test_the_shared_sites_load_without_problems(name):
    loaded, problems = check_web_file(SHARED / name)
    assert [problem.format() for problem in problems] == []
    assert len(loaded.web.sites) >= 15
    kinds = {site.kind.value for site in loaded.web.sites}
    assert {"government", "police", "news", "fact_checker", "bank", "company", "blog", "forum", "scam", "registry"} <= kinds


def test_the_shared_sites_are_translated_site_for_site():
    english, khmer = load_web_file(SHARED / "sites.en.yaml").web, load_web_file(SHARED / "sites.km.yaml").web
    assert khmer.translation_of == english.id and khmer.translation_status.value == "draft"
    assert [(s.id, s.domain, s.kind) for s in english.sites] == [(s.id, s.domain, s.kind) for s in khmer.sites]
    assert check_web_translations([str(SHARED / "sites.en.yaml"), str(SHARED / "sites.km.yaml")]) == []


def test_the_worked_example_in_the_doc_validates(tmp_path):
    doc = (REPO / "docs" / "web-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    web = next(block for block in blocks if "id: market-fire-web" in block)
    accounts = yaml.safe_load(next(block for block in blocks if "name_changes:" in block))["accounts"]
    root = tmp_path / "lib"
    make_library(root, km=False)
    folder = root / "market-fire"
    scenario = copy.deepcopy(SCENARIO_EN)
    scenario["posts"] = [post for post in scenario["posts"] if post["id"] != "rice-cure"]
    scenario["accounts"] = [account for account in scenario["accounts"] if account["id"] != "hot-page"] + accounts
    dump(scenario, folder / "market-fire.en.yaml")
    (folder / "web.en.yaml").write_text(web, encoding="utf-8")
    from game.scenario.loader import check_file

    loaded_scenario, scenario_problems = check_file(folder / "market-fire.en.yaml")
    assert scenario_problems == [] and loaded_scenario.scenario.account("hot-page").name_changes[0].old_name == "Cheap Phones Cambodia"
    loaded, problems = check_web_file(folder / "web.en.yaml")
    assert [problem.format() for problem in problems] == []
    assert {page.role for page in loaded.web.pages} == set(Role) - {Role.background}


def test_web_files_are_recognised_and_never_listed_as_scenarios(tmp_path):
    root = make_library(tmp_path / "lib")
    assert is_web_file(root / "market-fire" / "web.en.yaml") and not is_web_file(root / "market-fire" / "market-fire.en.yaml")
    assert kind_of(str(root / "web" / "sites.km.yaml")) == "web"
    from game.app.library import load_library

    library = load_library([root])
    assert library.broken == []
    assert [family.family_id for family in library.families] == ["market-fire"]
    assert sorted(library.families[0].languages) == ["en", "km"]


def test_the_library_loads_every_web_file_by_language(tmp_path):
    library = load_web_library([make_library(tmp_path / "lib")])
    assert library.problems == ()
    web = library.web("km")
    assert web.page("mf-2019-report").title.startswith("ភ្លើង")
    assert web.site("mf-hot-page").about.registrant == "លាក់ដោយសេវាការពារឯកជនភាព"
    assert web.site_for_domain("www.TonleDai1y.example").id == "tonle-lookalike"
    assert [seen.date for seen in web.picture_history("market-fire-km", "images/burnt-stall.png")] == ["2019-03-12", "2021-01-05"]
    assert [page.id for page in web.pages_about("old-photo", "market-fire-km", [Role.settles])] == ["mf-fact-check", "mf-2019-report"]
    assert web.is_fact_check("mf-fact-check") and not web.is_fact_check("mf-repeat")
    assert web.queries_for("market-fire", "old-photo") is None and library.web("en").queries_for("market-fire", "old-photo").good


# ----------------------------------------------------------------------------------------------
# Located errors


BROKEN = """\
kind: web
id: market-fire-web
language: en
scenario: market-fire
sites:
  - id: tonle-daily
    name: Copy
    domain: copy.example
    kind: news
    about: {runs_it: x, first_seen: "2020", registered: "2020", registrant: x}
pages:
  - id: p1
    site: tonle-dialy
    title: A page
    date: "2025-01-01"
    role: settles
    concerns: [old-photo, city-notice, no-such-post]
    text: Text.
    links:
      - text: both
        page: p1
        domain: a.example
      - text: nowhere
        page: p9
  - id: p1
    site: lotus-daily
    title: Again
    date: "2025-13-01"
    role: confirms
    concerns: [rice-cure]
    text: Text.
pictures:
  - file: images/other.png
    appearances:
      - {site: nowhere, date: "2020", caption: x}
queries:
  - post: city-notice
    good: a
    headline: b
"""


def test_every_bad_reference_is_reported_at_its_line_and_column(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    path = root / "market-fire" / "web.en.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    loaded, problems = check_web_file(path)
    assert loaded is None
    found = {(problem.code, problem.line, problem.column) for problem in problems}
    expected = {
        ("duplicate-id", 6, 9),          # a shared site's id
        ("unknown-site", 13, 11),         # did you mean 'tonle-daily'?
        ("role-mismatch", 17, 27),        # settles a reliable post
        ("unknown-post", 17, 40),
        ("link-target", 20, 9),
        ("unknown-page", 24, 15),
        ("duplicate-id", 25, 9),
        ("bad-value", 28, 11),            # month 13
        ("role-mismatch", 30, 16),        # confirms a misleading post
        ("unknown-picture", 33, 11),
        ("unknown-site", 35, 16),
        ("reliable-query", 37, 11),
    }
    assert expected <= found, sorted(found - expected)
    messages = " ".join(problem.message for problem in problems)
    assert "did you mean 'tonle-daily'" in messages
    # The hot page's account names a site this broken file no longer defines: that is reported in the scenario file, last.
    assert problems[-1].code == "unknown-account-site" and problems[-1].file.endswith("market-fire.en.yaml")
    own = problems[:-1]
    assert all(problem.file == str(path) for problem in own)
    assert own == sorted(own, key=lambda p: (p.line, p.column))


def test_a_misleading_post_with_no_settling_page_and_no_queries_is_a_warning(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    web = copy.deepcopy(WEB_EN)
    web["pages"] = [page for page in web["pages"] if page["id"] != "mf-dengue"]
    web["queries"] = web["queries"][:1]
    loaded, problems = check_web_file(dump(web, root / "market-fire" / "web.en.yaml"))
    assert loaded is not None
    assert [(p.severity, p.code) for p in problems] == [("warning", "no-settling-page"), ("warning", "no-queries")]
    assert "'rice-cure'" in problems[0].message


@pytest.mark.parametrize("change, code", [
    (lambda web: web.update(scenario="market-fires"), "unknown-scenario"),
    (lambda web: web.update(scenario="market-fire-km"), "unknown-scenario"),  # a scenario of another language
    (lambda web: web.pop("scenario"), "no-scenario"),
    (lambda web: web["pages"][0].update(picture={"file": "images/missing.png"}), "image-missing"),
    (lambda web: web["sites"][0].update(domain="tonledaily.example"), "duplicate-domain"),
    (lambda web: web["sites"][0].update(colour="red"), "unknown-field"),
])
def test_other_mistakes_are_errors(tmp_path, change, code):
    root = make_library(tmp_path / "lib")
    web = copy.deepcopy(WEB_EN)
    change(web)
    loaded, problems = check_web_file(dump(web, root / "market-fire" / "web.en.yaml"))
    assert loaded is None
    assert code in codes(problems)
    assert all(problem.line > 0 for problem in problems if problem.code == code)


def test_an_account_naming_an_unknown_site_is_reported_in_the_scenario_file(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    scenario = copy.deepcopy(SCENARIO_EN)
    scenario["accounts"][0]["site"] = "mf-hot-pages"
    scenario_file = dump(scenario, root / "market-fire" / "market-fire.en.yaml")
    _, problems = check_web_file(root / "market-fire" / "web.en.yaml")
    problem = next(problem for problem in problems if problem.code == "unknown-account-site")
    assert problem.file == str(scenario_file) and problem.line > 1 and "did you mean 'mf-hot-page'" in problem.message


@pytest.mark.parametrize("text, code", [("", "file-empty"), ("- a\n- b\n", "not-a-mapping"), ("kind: web\nid: [\n", "yaml-syntax"), ("kind: web\nid: x\nlanguage: en\nsites: *a\n", "yaml-alias")])
def test_unreadable_files_give_a_located_message_never_a_traceback(tmp_path, text, code):
    path = tmp_path / "web.en.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = check_web_file(path)
    assert loaded is None and code in codes(problems)


def test_two_scenario_webs_may_not_share_an_id(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    other = root / "other"
    scenario = copy.deepcopy(SCENARIO_EN)
    scenario["id"] = "other"
    del scenario["accounts"][0]["site"]
    dump(scenario, other / "other.en.yaml")
    (other / "images").mkdir()
    Image.new("RGB", (8, 8)).save(other / "images" / "burnt-stall.png")
    web = copy.deepcopy(WEB_EN)
    web.update(id="other-web", scenario="other")
    web["sites"] = []
    web["pages"] = [page for page in web["pages"] if page["site"] != "mf-hot-page"]
    dump(web, other / "web.en.yaml")
    files = [str(root / "market-fire" / "web.en.yaml"), str(other / "web.en.yaml")]
    problems = duplicates_across_files(files)
    assert problems and all(problem.code == "duplicate-id" and problem.file == files[1] for problem in problems)
    library = load_web_library([root])
    assert any(problem.code == "duplicate-id" for problem in library.problems)
    assert len(library.loaded) == 3  # the shared sites (en, km) and the first scenario web


# ----------------------------------------------------------------------------------------------
# Translations and the validate command


def test_a_translation_that_drifts_from_its_original_is_reported(tmp_path):
    root = make_library(tmp_path / "lib")
    web = copy.deepcopy(WEB_KM)
    web["pages"][0]["role"] = "distractor"
    web["pages"][1]["concerns"] = []
    web["pages"] = web["pages"][:-1]
    web["pictures"][0]["appearances"][0]["date"] = "2022-01-01"
    web["translation_status"] = "original"
    path = dump(web, root / "market-fire" / "web.km.yaml")
    problems = check_web_translations([str(path)])
    assert codes(problems) == sorted(["translation-page-role", "translation-page-concerns", "translation-missing-page",
                                      "translation-picture-appearances", "translation-status"])
    assert all(problem.file == str(path) and problem.line > 0 for problem in problems)


def test_a_translation_may_show_its_own_language_version_of_a_picture(tmp_path):
    root = make_library(tmp_path / "lib")
    english, khmer = copy.deepcopy(WEB_EN), copy.deepcopy(WEB_KM)
    english["pictures"][0]["file"] = "images/burnt-stall.en.png"
    khmer["pictures"][0]["file"] = "images/burnt-stall.km.png"
    paths = [dump(english, root / "market-fire" / "web.en.yaml"), dump(khmer, root / "market-fire" / "web.km.yaml")]
    assert check_web_translations([str(path) for path in paths]) == []
    khmer["pictures"][0]["file"] = "images/other-stall.km.png"
    dump(khmer, paths[1])
    assert "translation-extra-picture" in codes(check_web_translations([str(path) for path in paths]))


def test_a_translation_whose_original_is_missing_is_a_warning(tmp_path):
    root = make_library(tmp_path / "lib")
    web = copy.deepcopy(WEB_KM)
    web["translation_of"] = "no-such-web"
    problems = check_web_translations([str(dump(web, root / "market-fire" / "web.km.yaml"))])
    assert codes(problems) == ["translation-original-missing"]


def test_a_scenario_without_any_web_file_gets_a_warning(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    (root / "market-fire" / "web.en.yaml").unlink()
    problems = scenarios_without_web([str(root / "market-fire" / "market-fire.en.yaml")])
    assert codes(problems) == ["no-settling-page"] and "old-photo, rice-cure" in problems[0].message


def test_validate_checks_web_files_and_their_translations(tmp_path, capsys):
    root = make_library(tmp_path / "lib")
    assert main(["validate", "--strict", str(root)]) == 0
    assert "no problems" in capsys.readouterr().out
    web = copy.deepcopy(WEB_KM)
    web["pages"][0]["site"] = "lotus-daily"
    dump(web, root / "market-fire" / "web.km.yaml")
    assert main(["validate", "--json", str(root)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert {"translation-page-site"} <= {problem["code"] for problem in found}


def test_the_doc_lists_every_problem_code():
    sources = "".join((REPO / "game" / "web" / name).read_text(encoding="utf-8") for name in ("validate.py", "loader.py"))
    found = set(re.findall(r'"((?:duplicate|unknown|no|role|link|reliable|background)-[a-z-]+)"', sources))
    doc = (REPO / "docs" / "web-format.md").read_text(encoding="utf-8")
    assert len(found) > 10
    assert sorted(code for code in found if f"`{code}`" not in doc) == []
