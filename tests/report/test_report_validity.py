"""Read-time checks: a damaged value is refused with the file named and the key located, never a traceback later."""

import json
import math
import random

import pytest
from report_factory import real_class

from game.report.reading import NotAResult, parse_result, read_results
from game.report.sample import FULL_SCENARIOS, full_record
from game.report.validity import record_problem
from game.store.results import check_record


@pytest.fixture
def record():
    return full_record(random.Random(3), scenario=FULL_SCENARIOS[0], with_check="pre")


def _bytes(record: dict) -> bytes:
    return json.dumps(record, allow_nan=True).encode()


def _refused(data: bytes) -> NotAResult:
    with pytest.raises(NotAResult) as caught:
        parse_result(data)
    return caught.value


class TestTheThreeCrashesOfMain:
    def test_json_nested_100000_deep(self, record):
        text = _bytes(record).decode()
        data = (text[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
        problem = _refused(data)
        assert problem.kind == "damaged" and "nested too deeply" in problem.reason

    def test_an_integer_of_5000_digits(self, record):
        text = _bytes(record).decode().replace('"harmful_shares": ', '"harmful_shares": ' + "9" * 5000 + ", \"was\": ", 1)
        problem = _refused(text.encode())
        assert problem.kind == "damaged" and "digit" in problem.reason

    def test_a_verdict_that_is_a_list(self, record):
        record["decisions"][2]["verdict"] = ["scam"]
        assert "decisions.2.verdict" in _refused(_bytes(record)).reason


class TestNumbersAndDates:
    @pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
    def test_nan_and_infinity_anywhere_are_refused(self, record, value):
        record["discernment"]["d_prime"] = value
        problem = _refused(_bytes(record))
        assert problem.kind == "damaged" and ("NaN" in problem.reason or "Infinity" in problem.reason)

    @pytest.mark.parametrize(
        ("where", "value", "located"),
        [
            (("decisions", 0, "decided_at"), 1e308, "decisions.0.decided_at"),
            (("decisions", 1, "seconds"), -3, "decisions.1.seconds"),
            (("decisions", 1, "points"), 10**40, "decisions.1.points"),
            (("score", "max_points"), -1, "score.max_points"),
            (("discernment", "criterion"), 1e9, "discernment.criterion"),
            (("started_at",), "not a date", "started_at"),
            (("finished_at",), "1900-01-01T00:00:00Z", "finished_at"),
            (("checks", "pre", "d_prime"), "1.2", "checks.pre.d_prime"),
            (("checks", "pre", "answers", 0, "answer"), "maybe", "checks.pre.answers.0.answer"),
            (("status",), ["complete"], "status"),
            (("decisions", 0, "auto"), 7, "decisions.0.auto"),
            (("decisions", 0, "correct"), 1, "decisions.0.correct"),
        ],
    )
    def test_out_of_range_and_wrong_types_are_located(self, record, where, value, located):
        target = record
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value
        assert record_problem(record).startswith(located + ":")
        assert located in _refused(_bytes(record)).reason

    def test_the_file_is_named_in_the_skipped_list(self, tmp_path, record):
        record["decisions"][0]["seconds"] = math.inf
        (tmp_path / "bad.json").write_bytes(_bytes(record))
        results = read_results([tmp_path])
        assert not results.records
        assert [(item.path, item.kind) for item in results.skipped] == [(str(tmp_path / "bad.json"), "damaged")]


def test_what_the_report_accepts_the_results_module_accepts_too(record):
    records = real_class(trainees=6) + [record] + [full_record(random.Random(seed)) for seed in range(20)]
    for each in records:
        assert record_problem(each) is None
        assert check_record(each) == []
