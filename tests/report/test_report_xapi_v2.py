"""xAPI v2: `statements_for_record` for senders, check statements, ids that change with `STATEMENT_FORMAT`."""

from __future__ import annotations

import json
import random
import uuid

from report_factory import ended_early, real_class

import game.report.xapi as xapi
from game.report.sample import FULL_SCENARIOS, full_record


def _record():
    return full_record(random.Random(5), scenario=FULL_SCENARIOS[1], with_check="pre")


def test_statements_for_record_is_pure_and_deterministic():
    record = _record()
    before = json.dumps(record, sort_keys=True)
    first, second = xapi.statements_for_record(record), xapi.statements_for_record(record)
    assert first == second and json.dumps(record, sort_keys=True) == before
    assert len({statement["id"] for statement in first}) == len(first)
    assert all(uuid.UUID(statement["id"]).version == 5 for statement in first)


def test_check_answers_and_results_have_statements():
    record = _record()
    statements = xapi.statements_for_record(record)
    checks = [s for s in statements if "/checks/" in s["object"]["id"]]
    answered = [s for s in checks if s["verb"]["id"].endswith("answered")]
    assert len(answered) == sum(1 for a in record["checks"]["pre"]["answers"] if a["answer"] is not None)
    assert {s["result"]["response"] for s in answered} <= {"real", "fake", "not-sure"}
    done = [s for s in checks if s["verb"]["id"].endswith("completed")]
    assert len(done) == 1 and done[0]["result"]["score"]["raw"] == record["checks"]["pre"]["V"]
    assert done[0]["result"]["extensions"][xapi.EXTENSION + "d-prime"] == record["checks"]["pre"]["d_prime"]


def test_ids_come_from_the_result_the_item_and_the_statement_format(monkeypatch):
    record = _record()
    ids = [statement["id"] for statement in xapi.statements_for_record(record)]
    expected = str(uuid.uuid5(xapi.STATEMENT_NAMESPACE, "|".join([xapi.STATEMENT_FORMAT, record["result_id"], "answered", record["decisions"][0]["post"]])))
    assert expected in ids
    monkeypatch.setattr(xapi, "STATEMENT_FORMAT", "feedwise-xapi/99")
    assert set(ids).isdisjoint(statement["id"] for statement in xapi.statements_for_record(record))


def test_a_round_ended_early_is_terminated_not_passed_or_failed():
    record = ended_early(real_class(trainees=1)[0])
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in xapi.statements_for_record(record)]
    assert "terminated" in verbs and "completed" not in verbs and "passed" not in verbs and "failed" not in verbs


def test_the_file_is_streamed_record_by_record(tmp_path):
    records = [full_record(random.Random(n)) for n in range(5)]
    sink = xapi.XapiFile(tmp_path / "x.jsonl")
    for record in records:
        sink.add(record)
    assert not (tmp_path / "x.jsonl").exists()  # appears only when complete
    sink.finish()
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [s for r in records for s in xapi.statements_for_record(r)]
    assert sink.count == len(lines)
