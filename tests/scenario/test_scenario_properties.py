"""Properties: no input makes the loader fail with anything but ScenarioError, and check_file never raises.

Inputs: arbitrary YAML-like text, arbitrary nested data dumped as YAML, and valid scenarios with
random mutations (values replaced, keys dropped, text cut). An `internal-error` problem would
mean check_file caught a bug; it must never appear.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.errors import ScenarioError
from game.scenario.loader import check_file, load_scenario
from scenario_factory import dump, valid_data

YAML_ALPHABET = st.sampled_from(list("abcxyz019 :-_#&*!|>'\"[]{},?\n\t%@`~.\\") + ["  ", "\n  ", "- ", ": ", "!!python/name:os.system", "\u17a2", "\x00", "\ufeff"])
yaml_like_text = st.lists(YAML_ALPHABET, max_size=80).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True), st.text(max_size=20))
nested = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=20)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_loader_contract(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.en.yaml"
        path.write_bytes(content)
        loaded, problems = check_file(path)
        assert all(problem.code != "internal-error" for problem in problems), problems
        assert all(problem.line >= 0 and problem.column >= 0 for problem in problems)
        assert (loaded is None) == any(problem.is_error for problem in problems)
        try:
            load_scenario(path)
        except ScenarioError as error:
            assert error.problems


@SETTINGS
@given(yaml_like_text)
def test_arbitrary_yaml_like_text(text):
    assert_loader_contract(text.encode("utf-8", errors="surrogatepass"))


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes(content):
    assert_loader_contract(content)


@SETTINGS
@given(nested)
def test_arbitrary_nested_data(data):
    assert_loader_contract(dump(data).encode("utf-8", errors="surrogatepass"))


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


@st.composite
def mutated_scenarios(draw):
    data = valid_data()
    for _ in range(draw(st.integers(1, 4))):
        paths = [path for path in _paths(data) if path]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(nested)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(parent[path[-1]])
    return data


@SETTINGS
@given(mutated_scenarios(), st.integers(0, 4000))
def test_mutated_scenarios_and_cut_text(data, cut):
    text = dump(data)
    assert_loader_contract(text.encode("utf-8", errors="surrogatepass"))
    assert_loader_contract(text[:cut].encode("utf-8", errors="surrogatepass"))
