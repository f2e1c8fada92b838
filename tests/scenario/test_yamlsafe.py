"""The safe YAML reader: strings stay strings, dangerous YAML is refused, marks are 1-based."""

from __future__ import annotations

import math

import pytest
import yaml

from game.scenario import yamlsafe
from game.scenario.yamlsafe import decode_yaml_bytes, parse_yaml


def parsed(text: str):
    document, problems = parse_yaml(text, "f.yaml")
    assert problems == [], problems
    return document


def codes(text: str) -> list[str]:
    """Codes of a fatal refusal: reading stopped, so there is no document."""
    document, problems = parse_yaml(text, "f.yaml")
    assert document is None
    return [problem.code for problem in problems]


def read_past(text: str) -> tuple:
    """A refusal the reader reports and reads past: (the best reading's data, the problem codes)."""
    document, problems = parse_yaml(text, "f.yaml")
    assert document is not None and problems
    return document.data, [problem.code for problem in problems]


@pytest.fixture(params=["libyaml", "pure-python"])
def both_parsers(request, monkeypatch):
    """Run a test with libyaml's parser and with PyYAML's pure-Python fallback."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsafe, "_EventLoader", yaml.SafeLoader)
    elif not yamlsafe.LIBYAML:
        pytest.skip("libyaml is not installed here")  # pragma: no cover
    return request.param



@pytest.mark.usefixtures("both_parsers")
class TestStringsStayStrings:
    @pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "Y", "n", "12:30", "2024-01-01", "0x1F", "1_000", "0o17", "~text", ".5x"])
    def test_yaml_1_1_lookalikes_stay_text(self, word):
        assert parsed(f"value: {word}\n").data == {"value": word}

    def test_core_values_resolve_like_json(self):
        data = parsed("a: true\nb: False\nc: null\nd: ~\ne:\nf: 12\ng: -3.5\nh: 1e3\ni: .inf\n").data
        assert data["a"] is True and data["b"] is False
        assert data["c"] is None and data["d"] is None and data["e"] is None
        assert data["f"] == 12 and isinstance(data["f"], int)
        assert data["g"] == -3.5 and data["h"] == 1000.0 and math.isinf(data["i"])

    def test_quoted_values_are_text(self):
        assert parsed("a: 'true'\nb: \"12\"\n").data == {"a": "true", "b": "12"}

    def test_keys_are_always_text(self):
        assert parsed("1: a\ntrue: b\nno: c\n").data == {"1": "a", "true": "b", "no": "c"}

    def test_core_tags_are_allowed(self):
        assert parsed("a: !!str 12\nb: !!int '7'\n").data == {"a": "12", "b": 7}


@pytest.mark.usefixtures("both_parsers")
class TestRefusedAndReadPast:
    """Refusals with a sensible reading: reported as errors, and reading goes on so later checks still run."""

    def test_alias_is_refused_and_reads_as_empty(self):
        data, found = read_past("a: &x [1, 2]\nb: *x\nc: 3\n")
        assert found == ["yaml-anchor", "yaml-alias"]
        assert data == {"a": [1, 2], "b": None, "c": 3}

    def test_alias_in_a_list_reads_as_empty_and_its_mark_is_a_stand_in(self):
        document, problems = parse_yaml("a: &x 1\nb:\n  - *x\n  - 2\n", "f.yaml")
        assert document.data == {"a": 1, "b": [None, 2]}
        alias = next(problem for problem in problems if problem.code == "yaml-alias")
        assert document.stand_ins == {(alias.line, alias.column)} == {(3, 5)}

    def test_alias_used_as_a_key_leaves_its_pair_out(self):
        data, found = read_past("a: &x k\n*x : 1\nb: 2\n")
        assert found == ["yaml-anchor", "yaml-alias"]
        assert data == {"a": "k", "b": 2}

    def test_anchor_alone_is_refused_and_its_node_kept(self):
        assert read_past("a: &x 1\n") == ({"a": 1}, ["yaml-anchor"])

    def test_alias_bomb_is_refused_without_expanding(self):
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
        )
        data, found = read_past(bomb)
        assert "yaml-alias" in found and "yaml-anchor" in found
        assert data["i"] == [None] * 9  # nine stand-ins, not 9**9 strings
        assert all(value == [None] * 9 for key, value in data.items() if key != "a")

    def test_duplicate_key_is_refused_located_and_the_first_value_kept(self):
        document, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
        assert document.data == {"a": 1, "b": 2}
        assert [(p.code, p.line, p.column) for p in problems] == [("yaml-duplicate-key", 3, 1)]
        assert "first at line 1" in problems[0].message and "the first one is used" in problems[0].message

    def test_problems_inside_a_duplicated_block_are_still_reported(self):
        data, found = read_past("a: {x: 1}\na:\n  x: 2\n  x: 3\n  y: !secret z\n")
        assert data == {"a": {"x": 1}}
        assert found == ["yaml-duplicate-key", "yaml-duplicate-key", "yaml-tag"]

    @pytest.mark.parametrize("tag, value", [
        ("!!python/object/apply:os.system ['ls']", ["ls"]),
        ("!!python/name:os.system", ""),
        ("!secret x", "x"),
        ("!!set {a: null}", {"a": None}),
        ("!!binary aGk=", "aGk="),
        ("!!timestamp 2024-01-01", "2024-01-01"),
        ("!secret 12", "12"),
    ])
    def test_non_core_tags_are_refused_and_the_value_read_without_its_tag(self, tag, value):
        assert read_past(f"a: {tag}\nb: 1\n") == ({"a": value, "b": 1}, ["yaml-tag"])

    def test_core_tag_that_does_not_fit_is_refused_and_the_value_read_as_text(self):
        assert read_past("a: !!int twelve\nb: !!null x\n") == ({"a": "twelve", "b": "x"}, ["yaml-tag", "yaml-tag"])


@pytest.mark.usefixtures("both_parsers")
class TestRefusedAndStopped:
    """Refusals with nothing sensible to read on with: no document, only the problem."""

    def test_nesting_depth_is_capped(self):
        assert codes("a: " + "[" * 100 + "]" * 100 + "\n") == ["yaml-too-deep"]

    def test_second_document_is_refused(self):
        assert codes("a: 1\n---\nb: 2\n") == ["yaml-many-documents"]

    def test_complex_key_is_refused(self):
        assert codes("? [a, b]\n: 1\n") == ["yaml-complex-key"]

    def test_syntax_error_is_located_with_hint(self):
        document, problems = parse_yaml("a: 1\nb: Note: this\n", "f.yaml")
        assert document is None
        (problem,) = problems
        assert (problem.code, problem.line) == ("yaml-syntax", 2)
        assert "quotes" in problem.message


@pytest.mark.usefixtures("both_parsers")
def test_marks_are_one_based_for_values_and_keys():
    document = parsed("top:\n  - id: x\n    name: y\n")
    assert document.mark(("top",)) == (2, 3)
    assert document.mark(("top", 0, "name")) == (3, 11)
    assert document.key_mark(("top", 0, "name")) == (3, 5)
    assert document.mark(("top", 0, "missing")) == (2, 5)


class TestDecoding:
    def test_oversized_file_is_refused(self):
        text, problems = decode_yaml_bytes(b"a: 1\n" * (yamlsafe.MAX_BYTES // 5 + 1), "f.yaml")
        assert text is None and problems[0].code == "file-too-large"

    def test_binary_file_is_refused(self):
        text, problems = decode_yaml_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "f.yaml")
        assert text is None and problems[0].code == "file-binary"

    def test_non_utf8_is_located(self):
        text, problems = decode_yaml_bytes(b"a: 1\nb: caf\xe9\n", "f.yaml")
        assert text is None
        assert (problems[0].code, problems[0].line, problems[0].column) == ("file-encoding", 2, 7)

    def test_utf16_is_explained(self):
        text, problems = decode_yaml_bytes("a: 1\n".encode("utf-16"), "f.yaml")
        assert text is None and "UTF-16" in problems[0].message

    def test_byte_order_mark_is_dropped(self):
        text, problems = decode_yaml_bytes("\ufeffa: 1\n".encode("utf-8"), "f.yaml")
        assert problems == [] and text == "a: 1\n"
