"""CSV and xAPI exports: what a spreadsheet and a learning record store will read."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import datetime

import pytest
from report_factory import KHMER_NAME, KHMER_TITLE, khmer_scenario, real_class, real_record

from game.report.aggregate import build_report
from game.report.csv import BOM, DECISION_COLUMNS, TRAINEE_COLUMNS, decisions_csv, safe_text, trainees_csv
from game.report.xapi import iso_duration, statements, to_json_lines


@pytest.fixture
def records():
    return real_class(trainees=5) + [real_record(khmer_scenario(), player_id="km-01", player_name=KHMER_NAME, minute=30)]


def read_back(text: str) -> list[dict]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM):], newline="")))


class TestDecisionsCsv:
    def test_round_trip_gives_one_row_per_trainee_and_post_with_the_documented_columns(self, records, tmp_path):
        path = tmp_path / "decisions.csv"
        path.write_bytes(decisions_csv(records).encode("utf-8"))

        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
        assert tuple(reader.fieldnames) == DECISION_COLUMNS
        assert len(rows) == sum(len(record["decisions"]) for record in records)
        for row, (record, decision) in zip(rows, [(r, d) for r in records for d in r["decisions"]]):
            assert row["result_id"] == record["result_id"] and row["player_id"] == record["player"]["id"]
            assert row["post"] == decision["post"] and int(row["order"]) == decision["order"]
            assert row["action"] == decision["action"] and row["correct"] == str(decision["correct"]).lower()
            assert int(row["points"]) == decision["points"] and float(row["seconds"]) == pytest.approx(decision["seconds"])
            assert (row["tools"].split(";") if row["tools"] else []) == decision["tools"]
            assert (row["techniques"].split(";") if row["techniques"] else []) == decision["techniques"]
            assert row["verdict"] == decision["verdict"]

    def test_khmer_survives_the_round_trip(self, records):
        rows = read_back(trainees_csv(build_report(records).trainees))
        assert KHMER_NAME in {row["player_name"] for row in rows}
        assert rows[0].keys() == set(TRAINEE_COLUMNS)

    def test_a_name_that_looks_like_a_formula_is_made_harmless(self):
        assert safe_text("=HYPERLINK(\"http://x\")").startswith("'=")
        assert safe_text("Sokha") == "Sokha" and safe_text(None) == ""

    def test_trainee_rows_add_up_each_trainees_rounds(self, records):
        rows = {row["player_id"]: row for row in read_back(trainees_csv(build_report(records).trainees))}
        record = records[0]
        row = rows[record["player"]["id"]]
        assert int(row["rounds"]) == 1 and int(row["points"]) == record["score"]["points"]
        assert int(row["hits"]) == record["discernment"]["hits"]


class TestXapiStatements:
    def test_every_statement_has_the_required_fields_of_the_spec(self, records):
        for statement in statements(records):
            assert uuid.UUID(statement["id"])
            assert set(statement["actor"]) == {"objectType", "account"}
            assert set(statement["actor"]["account"]) == {"homePage", "name"}
            assert statement["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/")
            assert statement["object"]["id"].startswith("https://feedwise.example/xapi/")
            assert datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00")).tzinfo is not None

    def test_one_answered_per_decision_then_completed_and_passed_or_failed_per_round(self, records):
        verbs = [statement["verb"]["id"].rsplit("/", 1)[1] for statement in statements(records[:1])]
        assert verbs == ["answered"] * len(records[0]["decisions"]) + ["completed", verbs[-1]]
        assert verbs[-1] in {"passed", "failed"}

    def test_answered_carries_response_success_and_technique_ids(self, records):
        record = records[0]
        answered = [s for s in statements([record]) if s["verb"]["id"].endswith("/answered")]
        by_post = {s["object"]["id"].rsplit("/", 1)[1]: s for s in answered}
        for decision in record["decisions"]:
            statement = by_post[decision["post"]]
            assert statement["result"]["response"] == decision["action"]
            assert statement["result"]["success"] is decision["correct"]
            extensions = statement["context"]["extensions"]
            assert extensions["https://feedwise.example/xapi/extensions/techniques"] == decision["techniques"]
            assert statement["context"]["registration"] == record["result_id"]

    def test_round_statements_carry_scaled_score_and_iso_duration(self, records):
        for statement in statements(records):
            if statement["verb"]["id"].endswith("/answered"):
                continue
            assert -1 <= statement["result"]["score"]["scaled"] <= 1
            assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?", statement["result"]["duration"])
            if not statement["verb"]["id"].endswith("/completed"):
                assert statement["result"]["success"] is statement["verb"]["id"].endswith("/passed")

    def test_the_actor_never_carries_a_name_or_an_email(self, records):
        text = to_json_lines(records)
        for record in records:
            assert record["player"]["name"] not in text
        assert "mbox" not in text and "@" not in "".join(json.dumps(s["actor"]) for s in statements(records))

    def test_exporting_twice_gives_the_same_ids_and_the_same_bytes(self, records):
        first, second = to_json_lines(records), to_json_lines(json.loads(json.dumps(records)))
        assert first == second
        ids = [json.loads(line)["id"] for line in first.splitlines()]
        assert len(ids) == len(set(ids))

    def test_timestamps_come_from_the_record_not_the_clock(self, records):
        record = records[0]
        round_end = [s for s in statements([record]) if s["verb"]["id"].endswith("/completed")][0]
        assert round_end["timestamp"].startswith(record["finished_at"].removesuffix("Z"))

    def test_khmer_titles_stay_readable_in_the_json_lines(self):
        record = real_record(khmer_scenario(), player_name=KHMER_NAME)
        assert KHMER_TITLE in to_json_lines([record])

    @pytest.mark.parametrize("seconds, expected", [(0, "PT0S"), (7, "PT7S"), (65.5, "PT1M5.5S"), (3600.25, "PT1H0.25S")])
    def test_iso_durations(self, seconds, expected):
        assert iso_duration(seconds) == expected


class TestUnfinishedRounds:
    def test_a_round_saved_unfinished_has_answers_but_no_completed_passed_or_failed(self, records):
        record = dict(records[0], status="in-progress")
        verbs = {statement["verb"]["id"].rsplit("/", 1)[1] for statement in statements([record])}
        assert verbs == {"answered"}

    def test_answer_times_follow_decided_at_and_never_pass_the_finish(self, records):
        record = records[0]
        answered = [s for s in statements([record]) if s["verb"]["id"].endswith("/answered")]
        times = [datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00")) for s in answered]
        finished = datetime.fromisoformat(record["finished_at"].replace("Z", "+00:00"))
        assert times == sorted(times) and all(moment <= finished for moment in times)
