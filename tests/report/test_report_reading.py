"""Reading result folders for the report: every good file counted once, every bad file listed with a reason."""

from __future__ import annotations

import json
import os
import random
import shutil

from report_factory import builtin, real_class, real_record, write_all, write_bad_files

from game.report.reading import NotAResult, parse_result, read_results
from game.report.sample import sample_class, sample_record
from game.store.results import check_record


class TestAFolderWithDamagedAndForeignFiles:
    def test_every_bad_file_is_listed_with_its_kind_and_the_good_ones_are_read(self, tmp_path):
        records = real_class(trainees=4)
        write_all(tmp_path, records)
        expected = write_bad_files(tmp_path, records[0])

        results = read_results([tmp_path])

        assert sorted(record["result_id"] for record in results.records) == sorted(r["result_id"] for r in records)
        assert {os.path.basename(item.path): item.kind for item in results.skipped} == expected
        assert results.files_seen == len(records) + len(expected)
        assert all(item.reason and "Traceback" not in item.reason for item in results.skipped)

    def test_a_file_cut_off_inside_a_literal_or_number_is_truncated_not_corrupted(self):
        text = json.dumps(real_record(builtin()))
        for marker in ('null', 'true', 'false', '"seconds": '):
            at = text.find(marker)
            if at < 0:
                continue
            cut = at + len(marker) + (1 if marker.startswith('"') else -2)
            try:
                parse_result(text[:cut].encode("utf-8"))
            except NotAResult as error:
                assert error.kind == "truncated", (marker, text[cut - 20:cut])
            else:
                raise AssertionError(f"a file cut after {text[cut - 20:cut]!r} was read as a result")

    def test_a_copy_of_a_result_is_counted_once_and_listed_as_a_duplicate(self, tmp_path):
        paths = write_all(tmp_path / "pc1", real_class(trainees=2))
        (tmp_path / "usb-copy").mkdir()
        shutil.copy(paths[0], tmp_path / "usb-copy" / paths[0].name)

        results = read_results([tmp_path])

        assert len(results.records) == 2
        assert [item.kind for item in results.skipped] == ["duplicate"]
        assert str(paths[0]) in results.skipped[0].reason

    def test_the_same_folder_given_twice_is_read_once(self, tmp_path):
        write_all(tmp_path, real_class(trainees=3))
        results = read_results([tmp_path, tmp_path / "." ])
        assert len(results.records) == 3 and results.skipped == []

    def test_hidden_temporary_files_of_a_writer_still_writing_are_left_out_quietly(self, tmp_path):
        write_all(tmp_path, real_class(trainees=1))
        (tmp_path / ".result-abc123.tmp").write_bytes(b'{"format": "feedwise-res')
        (tmp_path / "Thumbs.db").write_bytes(b"\x00\x01")
        results = read_results([tmp_path])
        assert len(results.records) == 1 and results.skipped == [] and results.files_seen == 1

    def test_a_result_saved_with_a_byte_order_mark_is_still_read(self, tmp_path):
        record = real_record(builtin())
        (tmp_path / "edited-in-notepad.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode("utf-8"))
        assert read_results([tmp_path]).records == [record]

    def test_a_huge_file_is_not_read_into_memory(self, tmp_path, monkeypatch):
        monkeypatch.setattr("game.report.reading.MAX_RESULT_BYTES", 100)
        (tmp_path / "video.json").write_bytes(b" " * 500)
        assert [item.kind for item in read_results([tmp_path]).skipped] == ["too-large"]


class TestSessionFilter:
    def test_only_the_chosen_session_is_kept_and_the_others_are_counted(self, tmp_path):
        write_all(tmp_path, real_class(trainees=3, session="MON-AM") + real_class(trainees=2, session="TUE-PM"))
        results = read_results([tmp_path], session="TUE-PM")
        assert {record["session"] for record in results.records} == {"TUE-PM"}
        assert len(results.records) == 2 and results.other_sessions == 3


class TestProgress:
    def test_progress_is_reported_while_reading_and_at_the_end(self, tmp_path):
        rng = random.Random(3)
        for number in range(12):
            (tmp_path / f"r{number:02d}.json").write_text(json.dumps(sample_record(rng)), encoding="utf-8")
        calls = []
        read_results([tmp_path], progress=lambda done, total: calls.append((done, total)), progress_every=5)
        assert calls == [(5, 12), (10, 12), (12, 12)]


class TestParseResult:
    def test_a_record_from_the_sample_generator_is_a_valid_result(self):
        for record in sample_class(seed=4, trainees=5):
            assert check_record(record) == []
            assert parse_result(json.dumps(record).encode("utf-8")) == record

    def test_the_sample_generator_has_every_key_a_real_record_has_in_decisions_and_at_the_top(self):
        real = real_record(builtin())
        fake = sample_record(random.Random(1))
        pinned_extras = {"verdict", "techniques"}
        assert set(fake) <= set(real)
        assert set(fake["decisions"][0]) <= set(real["decisions"][0]) and pinned_extras <= set(real["decisions"][0])
        assert set(fake["discernment"]) <= set(real["discernment"])
        assert real["decisions"][0]["order"] == 1 and min(d["order"] for d in fake["decisions"]) == 1

    def test_a_wrong_technique_list_is_a_damaged_result_with_a_located_message(self):
        record = real_record(builtin())
        record["decisions"][2]["techniques"] = "urgency-pressure"
        try:
            parse_result(json.dumps(record).encode("utf-8"))
        except NotAResult as problem:
            assert problem.kind == "damaged" and "decisions.2.techniques" in problem.reason
        else:
            raise AssertionError("a damaged record was accepted")
