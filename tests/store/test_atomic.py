"""The one atomic writer (`game.store.atomic`): complete files, no temp files left, normal file modes."""

import json
import os
import stat

import pytest

from game.store.atomic import write_json_atomic, write_text_atomic


def test_json_is_written_readably_with_a_final_newline_into_a_new_folder(tmp_path):
    target = tmp_path / "new" / "folder" / "data.json"
    assert write_json_atomic(target, {"name": "សុខា", "points": 3}) == target
    text = target.read_text(encoding="utf-8")
    assert text == '{\n  "name": "សុខា",\n  "points": 3\n}\n'
    assert json.loads(text) == {"name": "សុខា", "points": 3}


def test_text_is_written_exactly_as_given_without_newline_translation(tmp_path):
    target = tmp_path / "table.csv"
    write_text_atomic(target, "\ufeffa,b\r\n1,2\r\n")
    assert target.read_bytes() == "\ufeffa,b\r\n1,2\r\n".encode("utf-8")


def test_replacing_a_file_leaves_only_the_new_content_and_no_temp_files(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["settings.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temp_file(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_json_atomic(target, {"not json": object()})
    (tmp_path / "blocker").mkdir()
    (tmp_path / "blocker" / "inside").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        write_text_atomic(tmp_path / "blocker", "cannot replace a folder that has files")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocker", "export.json"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_new_files_get_the_mode_open_would_give_not_a_private_one(tmp_path):
    previous = os.umask(0o022)
    try:
        path = write_text_atomic(tmp_path / "report.html", "<p>hello</p>")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
