"""The complete annotated example in docs/scenario-format.md is a valid scenario, and the doc lists every problem code."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from game.scenario.loader import check_file

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "scenario-format.md").read_text(encoding="utf-8")


def test_annotated_example_validates_without_problems(tmp_path):
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if "id: market-fire" in block)
    (tmp_path / "images").mkdir()
    for name in ("city-news.png", "burnt-stall.png"):
        Image.new("RGB", (16, 16)).save(tmp_path / "images" / name)
    path = tmp_path / "market-fire.en.yaml"
    path.write_text(example, encoding="utf-8")
    loaded, problems = check_file(path)
    assert problems == []
    assert loaded.scenario.post("fake-fundraiser-post").verdict.value == "scam"


def test_doc_lists_every_problem_code_the_code_can_give():
    sources = "".join((REPO / "game" / "scenario" / name).read_text() for name in ("yamlsafe.py", "validate.py", "loader.py"))
    sources += (REPO / "game" / "commands" / "validate.py").read_text()
    codes = set(re.findall(r'"((?:yaml|file|image|no|not|missing|unknown|wrong|empty|bad|duplicate|evidence|few|long|internal)-[a-z-]+)"', sources))
    assert len(codes) > 25
    undocumented = sorted(code for code in codes if f"`{code}`" not in DOC)
    assert undocumented == []


def test_doc_mentions_every_field_of_the_format():
    from game.scenario import model

    classes = [model.Scenario, model.Account, model.Post, model.Image, model.Link, model.Stats, model.Comment,
               model.TechniqueUse, model.Clues, model.Technique, model.Scoring, model.ToolSeconds, model.FacilitatorNotes]
    missing = sorted({f"{cls.__name__}.{name}" for cls in classes for name in cls.model_fields
                      if f"`{name}`" not in DOC and f"{name}:" not in DOC})
    assert missing == []
