"""The one loader: every bad input the format issue lists gives a located, plain error; good files load."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from game.scenario.errors import ScenarioError
from game.scenario.loader import check_file, load_scenario
from game.scenario.model import LoadedScenario, Verdict
from scenario_factory import dump, valid_data, write

REPO = Path(__file__).resolve().parents[2]


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, with a few bytes of pixel data: a decompression-bomb stand-in."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def problems_of(tmp_path, data, name="sample.en.yaml"):
    loaded, problems = check_file(write(tmp_path, data, name))
    return loaded, problems


def only_codes(problems, severity="error"):
    return [problem.code for problem in problems if problem.severity == severity]


class TestAValidScenario:
    def test_loads_with_no_problems(self, tmp_path):
        loaded, problems = problems_of(tmp_path, valid_data())
        assert problems == []
        assert isinstance(loaded, LoadedScenario)
        assert loaded.scenario.post("p2").verdict is Verdict.scam
        assert len(loaded.sha256) == 64

    def test_techniques_merge_catalogue_and_scenario_own(self, tmp_path):
        data = valid_data()
        data["techniques"] = [{"id": "fake-raffle", "name": "Fake raffle", "definition": "A prize draw that does not exist.", "tip": "Ask who runs it."}]
        data["posts"][1]["techniques"].append({"id": "fake-raffle", "evidence": "SHOCKING pay", "note": "Bait."})
        loaded = load_scenario(write(tmp_path, data))
        assert "fake-raffle" in loaded.techniques and "clickbait" in loaded.techniques
        assert loaded.technique("fake-raffle").name == "Fake raffle"

    def test_khmer_scenario_gets_khmer_catalogue(self, tmp_path):
        data = valid_data()
        data["language"] = "km"
        loaded = load_scenario(write(tmp_path, data))
        assert loaded.technique("clickbait").name != "Clickbait"

    def test_the_built_in_example_loads(self):
        loaded = load_scenario(REPO / "scenarios" / "example" / "example.en.yaml")
        assert {post.verdict for post in loaded.scenario.posts} == set(Verdict)


class TestErrors:
    def test_unknown_author(self, tmp_path):
        data = valid_data()
        data["posts"][0]["author"] = "newz"
        loaded, problems = problems_of(tmp_path, data)
        assert loaded is None
        (problem,) = problems
        assert problem.code == "unknown-author" and "did you mean 'news'?" in problem.message
        assert problem.line > 1 and problem.column > 1

    def test_duplicate_post_id(self, tmp_path):
        data = valid_data()
        data["posts"][1]["id"] = "p1"
        assert only_codes(problems_of(tmp_path, data)[1]) == ["duplicate-id"]

    def test_duplicate_account_id(self, tmp_path):
        data = valid_data()
        data["accounts"][1]["id"] = "news"
        data["posts"][1]["author"] = "news"
        assert only_codes(problems_of(tmp_path, data)[1]) == ["duplicate-id"]

    def test_unknown_technique_with_close_match(self, tmp_path):
        data = valid_data()
        data["posts"][1]["techniques"][0]["id"] = "too-good-to-be-truee"
        (problem,) = problems_of(tmp_path, data)[1]
        assert problem.code == "unknown-technique" and "did you mean 'too-good-to-be-true'?" in problem.message

    def test_evidence_not_in_post(self, tmp_path):
        data = valid_data()
        data["posts"][1]["techniques"][0]["evidence"] = "Earn $600 a day"
        (problem,) = problems_of(tmp_path, data)[1]
        assert problem.code == "evidence-not-found"
        assert problem.message == "post 'p2': evidence \"Earn $600 a day\" is not in the post text or link title"

    def test_evidence_in_link_title_is_accepted(self, tmp_path):
        data = valid_data()
        data["posts"][1]["link"] = {"url": "https://jobs.example/x", "title": "Guaranteed visa", "domain": "jobs.example"}
        data["posts"][1]["techniques"][0]["evidence"] = "Guaranteed visa"
        assert problems_of(tmp_path, data)[1] == []

    def test_misinformation_without_technique(self, tmp_path):
        data = valid_data()
        data["posts"][1]["techniques"] = []
        assert only_codes(problems_of(tmp_path, data)[1]) == ["no-technique"]

    def test_custom_technique_may_not_reuse_a_catalogue_id(self, tmp_path):
        data = valid_data()
        data["techniques"] = [{"id": "clickbait", "name": "Mine", "definition": "Mine.", "tip": "Mine."}]
        assert only_codes(problems_of(tmp_path, data)[1]) == ["duplicate-id"]

    def test_wrong_type(self, tmp_path):
        data = valid_data()
        data["accounts"][0]["followers"] = "lots"
        (problem,) = problems_of(tmp_path, data)[1]
        assert problem.code == "wrong-type" and "whole number" in problem.message and "account 'news'" in problem.message

    def test_number_where_text_belongs_suggests_quotes(self, tmp_path):
        text = write(tmp_path, valid_data()).read_text().replace("handle: '@news'", "handle: 2024")
        (problem,) = problems_of(tmp_path, text)[1]
        assert problem.code == "wrong-type" and 'put it in quotes, e.g. "2024"' in problem.message

    def test_missing_field_points_at_its_parent(self, tmp_path):
        data = valid_data()
        del data["posts"][0]["explanation"]
        (problem,) = problems_of(tmp_path, data)[1]
        assert problem.code == "missing-field" and "'explanation'" in problem.message

    def test_bad_enum_value_gets_a_hint(self, tmp_path):
        data = valid_data()
        data["posts"][1]["verdict"] = "misinfo"
        (problem,) = problems_of(tmp_path, data)[1]
        assert problem.code == "bad-value" and "did you mean 'misinformation'?" in problem.message

    def test_unknown_field_gets_a_hint_at_the_key(self, tmp_path):
        data = valid_data()
        data["posts"][0]["explenation"] = data["posts"][0].pop("explanation")
        codes = only_codes(problems_of(tmp_path, data)[1])
        assert sorted(codes) == ["missing-field", "unknown-field"]
        unknown = next(p for p in problems_of(tmp_path, data)[1] if p.code == "unknown-field")
        assert "did you mean 'explanation'?" in unknown.message

    def test_all_problems_are_reported_at_once_in_file_order(self, tmp_path):
        data = valid_data()
        data["posts"][0]["author"] = "nobody"
        data["posts"][1]["verdict"] = "fake"
        data["accounts"][0]["verified"] = "perhaps"
        problems = problems_of(tmp_path, data)[1]
        assert len(problems) == 3
        assert [p.line for p in problems] == sorted(p.line for p in problems)

    def test_load_scenario_raises_scenario_error_with_every_problem(self, tmp_path):
        data = valid_data()
        data["posts"][0]["author"] = "nobody"
        data["posts"][1]["id"] = "p1"
        with pytest.raises(ScenarioError) as caught:
            load_scenario(write(tmp_path, data))
        assert {p.code for p in caught.value.problems} == {"unknown-author", "duplicate-id"}
        assert "sample.en.yaml:" in str(caught.value)


class TestRefusalsDoNotHideOtherProblems:
    """A duplicate key, an alias or a refused tag is an error, but the checks after it still run."""

    @staticmethod
    def broken_text() -> str:
        data = valid_data()
        data["posts"][0]["author"] = "nobody"
        data["posts"][1]["verdict"] = "misinfo"
        return dump(data)

    def test_duplicate_key_keeps_the_first_value_and_hides_nothing(self, tmp_path):
        text = self.broken_text() + "posts:\n- id: extra\n"
        path = write(tmp_path, text)
        loaded, problems = check_file(path)
        assert loaded is None
        assert sorted(only_codes(problems)) == ["bad-value", "unknown-author", "yaml-duplicate-key"]
        duplicate = next(p for p in problems if p.code == "yaml-duplicate-key")
        assert duplicate.line == len(text.splitlines()) - 1 and "the first one is used" in duplicate.message
        verdict = next(p for p in problems if p.code == "bad-value")
        assert "'misinfo'" in verdict.message and "did you mean 'misinformation'?" in verdict.message

    def test_alias_is_not_expanded_and_hides_nothing(self, tmp_path):
        text = self.broken_text().replace("explanation: A plain weather notice.", "explanation: &why A plain weather notice.")
        text = text.replace("explanation: A scam job offer.", "explanation: *why")
        loaded, problems = check_file(write(tmp_path, text))
        assert loaded is None
        # The alias reads as empty, but "'explanation' is empty" would only repeat the alias error: it is not added.
        assert sorted(only_codes(problems)) == ["bad-value", "unknown-author", "yaml-alias", "yaml-anchor"]

    @pytest.mark.parametrize("tag", ["!secret", "!!python/object/apply:os.system"])
    def test_refused_tag_reads_the_value_as_text_and_hides_nothing(self, tmp_path, tag):
        text = self.broken_text().replace("title: Sample", f"title: {tag} Sample")
        text = text.replace("evidence: Earn $500 a day", "evidence: Earn $900 a day")
        loaded, problems = check_file(write(tmp_path, text))
        assert loaded is None
        assert sorted(only_codes(problems)) == ["bad-value", "evidence-not-found", "unknown-author", "yaml-tag"]

    def test_a_file_whose_only_error_is_a_duplicate_key_is_never_played(self, tmp_path):
        path = write(tmp_path, dump(valid_data()) + "title: Second title\n")
        loaded, problems = check_file(path)
        assert loaded is None and only_codes(problems) == ["yaml-duplicate-key"]
        with pytest.raises(ScenarioError) as caught:
            load_scenario(path)
        assert [p.code for p in caught.value.problems] == ["yaml-duplicate-key"]

    def test_syntax_errors_still_stop_the_check(self, tmp_path):
        text = self.broken_text() + "posts:\n- id: extra\nbad: [unclosed\n"
        loaded, problems = check_file(write(tmp_path, text))
        # What was read before the syntax error is reported; the checks after reading do not run.
        assert loaded is None and [p.code for p in problems] == ["yaml-duplicate-key", "yaml-syntax"]


class TestFiles:
    @pytest.mark.parametrize(
        "content, code",
        [
            (b"", "file-empty"),
            (b"# just a comment\n\n", "file-empty"),
            (b"- a\n- b\n", "not-a-mapping"),
            (b"just some words\n", "not-a-mapping"),
            (b"\x00\x01\x02binary", "file-binary"),
            (b"title: caf\xe9\n", "file-encoding"),
            (b"id: [unclosed\n", "yaml-syntax"),
        ],
    )
    def test_bad_files_give_one_plain_error(self, tmp_path, content, code):
        loaded, problems = check_file(write(tmp_path, content))
        assert loaded is None and [p.code for p in problems] == [code]

    def test_missing_file(self, tmp_path):
        loaded, problems = check_file(tmp_path / "nope.yaml")
        assert loaded is None and problems[0].code == "file-missing" and problems[0].line == 0

    def test_folder_instead_of_file(self, tmp_path):
        assert check_file(tmp_path)[1][0].code == "file-is-folder"

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
    def test_named_pipe_is_refused_without_waiting_for_a_writer(self, tmp_path):
        pipe = tmp_path / "pipe.yaml"
        os.mkfifo(pipe)
        loaded, problems = check_file(pipe)
        assert loaded is None and problems[0].code == "file-not-regular" and "named pipe" in problems[0].message

    def test_device_is_refused(self):
        loaded, problems = check_file(os.devnull)
        assert loaded is None and problems[0].code == "file-not-regular" and "device" in problems[0].message

    def test_file_too_large_is_refused_before_reading(self, tmp_path):
        path = tmp_path / "big.yaml"
        with open(path, "wb") as handle:
            handle.truncate(6 * 1024 * 1024)
        assert check_file(path)[1][0].code == "file-too-large"

    def test_path_is_reported_as_given(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        write(tmp_path, b"- a\n", "x.yaml")
        assert check_file("x.yaml")[1][0].file == "x.yaml"


class TestImages:
    def with_image(self, tmp_path, file, alt="A picture."):
        data = valid_data()
        data["posts"][0]["image"] = {"file": file, "alt": alt}
        return problems_of(tmp_path, data)[1]

    def test_good_image_is_accepted(self, tmp_path):
        (tmp_path / "images").mkdir()
        Image.new("RGB", (40, 30)).save(tmp_path / "images" / "ok.png")
        assert self.with_image(tmp_path, "images/ok.png") == []

    def test_missing_image(self, tmp_path):
        assert only_codes(self.with_image(tmp_path, "images/none.png")) == ["image-missing"]

    def test_not_a_picture(self, tmp_path):
        (tmp_path / "fake.png").write_text("hello")
        assert only_codes(self.with_image(tmp_path, "fake.png")) == ["image-bad"]

    def test_truncated_picture(self, tmp_path):
        Image.new("RGB", (200, 200), (10, 200, 30)).save(tmp_path / "cut.jpg", quality=95)
        data = (tmp_path / "cut.jpg").read_bytes()
        (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 3])
        assert only_codes(self.with_image(tmp_path, "cut.jpg")) == ["image-bad"]

    def test_side_over_4096_pixels(self, tmp_path):
        Image.new("1", (5000, 8)).save(tmp_path / "wide.png")
        (problem,) = self.with_image(tmp_path, "wide.png")
        assert problem.code == "image-too-large" and "5000x8" in problem.message

    def test_decompression_bomb_is_refused_from_its_header(self, tmp_path):
        (tmp_path / "bomb.png").write_bytes(png_header_only(40000, 40000))  # 1.6 gigapixels claimed in 60 bytes
        assert (tmp_path / "bomb.png").stat().st_size < 100
        assert only_codes(self.with_image(tmp_path, "bomb.png")) == ["image-too-large"]

    def test_other_formats_are_refused(self, tmp_path):
        Image.new("RGB", (10, 10)).save(tmp_path / "pic.gif")
        assert only_codes(self.with_image(tmp_path, "pic.gif")) == ["image-bad"]

    @pytest.mark.parametrize("path", ["/etc/passwd", "../outside.png", "images/../../x.png", "C:/x.png", "images\\x.png"])
    def test_paths_must_stay_inside_the_folder(self, tmp_path, path):
        assert only_codes(self.with_image(tmp_path, path)) == ["image-path"]

    @pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
    def test_symlink_out_of_the_folder_is_refused(self, tmp_path):
        outside = tmp_path / "outside"
        outside.mkdir()
        Image.new("RGB", (10, 10)).save(outside / "secret.png")
        inside = tmp_path / "scenario"
        inside.mkdir()
        os.symlink(outside / "secret.png", inside / "link.png")
        data = valid_data()
        data["accounts"][0]["avatar"] = "link.png"
        assert only_codes(problems_of(inside, data)[1]) == ["image-path"]


class TestWarnings:
    def test_misinformation_without_clue(self, tmp_path):
        data = valid_data()
        del data["posts"][1]["clues"]
        loaded, problems = problems_of(tmp_path, data)
        assert loaded is not None and only_codes(problems, "warning") == ["no-clue"]

    def test_fewer_than_30_percent_reliable(self, tmp_path):
        data = valid_data()
        for number in range(3, 6):
            post = dict(data["posts"][1], id=f"p{number}")
            data["posts"].append(post)
        loaded, problems = problems_of(tmp_path, data)
        assert loaded is not None and only_codes(problems, "warning") == ["few-reliable"]
        assert "only 1 of 5 posts (20%)" in problems[0].message

    def test_exactly_30_percent_reliable_is_fine(self, tmp_path):
        data = valid_data()
        data["posts"] = [dict(data["posts"][0], id=f"r{n}") for n in range(3)] + [dict(data["posts"][1], id=f"s{n}") for n in range(7)]
        assert problems_of(tmp_path, data)[1] == []

    def test_post_over_600_characters(self, tmp_path):
        data = valid_data()
        data["posts"][0]["text"] = "word " * 130
        assert only_codes(problems_of(tmp_path, data)[1], "warning") == ["long-post"]

    def test_image_without_alt_text(self, tmp_path):
        Image.new("RGB", (10, 10)).save(tmp_path / "a.png")
        data = valid_data()
        data["posts"][0]["image"] = {"file": "a.png"}
        assert only_codes(problems_of(tmp_path, data)[1], "warning") == ["no-alt-text"]


def test_yes_no_times_and_dates_stay_text_through_the_loader():
    loaded = load_scenario(Path(__file__).resolve().parent / "broken" / "booleans-stay-text.yaml")
    post = loaded.scenario.post("p1")
    account = loaded.scenario.account("news")
    assert (post.text, post.explanation, account.joined, account.bio) == ("no", "12:30", "2024-01-01", "yes")
