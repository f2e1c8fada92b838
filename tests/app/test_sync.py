"""`feedwise sync` and game.app.sync against an in-process LRS over real HTTP (tests/app/fake_lrs.py)."""

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fake_lrs import FakeLrs
from report_factory import real_class, write_all

from game.app import statement_source
from game.app.sync import Credentials, LrsClient, SyncError, read_password, statements_url, sync_folders
from game.cli import main
from game.store.outbox import OUTBOX_NAME, Outbox

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "s3cret-Pa55"


@pytest.fixture
def results(tmp_path):
    folder = tmp_path / "results"
    records = real_class(trainees=4, session="LAB-1")
    write_all(folder, records)
    expected = [statement["id"] for record in records for statement in statement_source.statements_for_record(record)]
    return folder, expected


@pytest.fixture
def lrs():
    with FakeLrs() as server:
        yield server


def client(url: str) -> LrsClient:
    return LrsClient(url, Credentials("trainer", PASSWORD), timeout=5)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_statements_reach_the_lrs_once_and_resending_stores_nothing_new(tmp_path, results, lrs):
    folder, expected = results
    first = sync_folders([str(folder)], tmp_path / "data", client(lrs.url), batch_size=7)
    assert sorted(lrs.stored) == sorted(expected)
    assert (first.delivered, first.waiting, first.refused, first.ok) == (len(expected), 0, [], True)
    posts = len(lrs.requests)
    assert posts == -(-len(expected) // 7)
    again = sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    assert (again.delivered, again.delivered_before, len(lrs.requests)) == (0, len(expected), posts)
    request = lrs.requests[0]
    assert request["path"] == "/xAPI/statements"
    assert request["headers"]["x-experience-api-version"] == "1.0.3"
    assert request["headers"]["authorization"].startswith("Basic ")


def test_a_network_failure_keeps_every_statement_for_the_next_run(tmp_path, results, lrs):
    folder, expected = results
    down = f"http://127.0.0.1:{free_port()}/xAPI/"
    offline = sync_folders([str(folder)], tmp_path / "data", client(down))
    assert offline.stopped and offline.waiting == len(expected) and offline.delivered == 0
    lrs.fail_next = 1  # the LRS is busy once (503): still nothing lost
    busy = sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    assert busy.stopped.startswith("the LRS gave no usable answer (HTTP 503") and busy.waiting == len(expected)
    back = sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    assert back.delivered == len(expected) and back.waiting == 0
    assert sorted(lrs.stored) == sorted(expected)


def test_a_conflicting_statement_is_refused_once_and_the_rest_delivered(tmp_path, results, lrs):
    folder, expected = results
    lrs.stored[expected[3]] = json.dumps({"id": expected[3], "other": "content"})
    report = sync_folders([str(folder)], tmp_path / "data", client(lrs.url), batch_size=50)
    assert [statement_id for statement_id, _ in report.refused] == [expected[3]]
    assert "409" in report.refused[0][1]
    assert report.delivered == len(expected) - 1
    posts = len(lrs.requests)
    assert posts <= 2 * len(expected)
    again = sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    assert len(lrs.requests) == posts and again.refused == []  # never retried


def test_a_statement_changed_after_delivery_is_never_sent_under_its_old_id(tmp_path, results, lrs):
    folder, expected = results
    sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    record_file = sorted(folder.rglob("*.json"))[0]
    record = json.loads(record_file.read_text(encoding="utf-8"))
    record["scenario"]["title"] = "A new title"
    record_file.write_text(json.dumps(record), encoding="utf-8")
    posts = len(lrs.requests)
    report = sync_folders([str(folder)], tmp_path / "data", client(lrs.url))
    assert report.changed and len(lrs.requests) == posts


def test_the_outbox_and_output_never_hold_the_password(tmp_path, results, lrs, capsys):
    folder, _ = results
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    data = tmp_path / "data"
    code = main(["sync", str(folder), "--lrs", lrs.url, "--user", "trainer", "--password-file", str(password_file), "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.count("\n") == 1 and out.startswith("sync: ") and "delivered now" in out
    assert "Sending statements:" in err
    for path in [*data.rglob("*"), *folder.rglob("*")]:
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
    assert PASSWORD not in out + err


def test_offline_the_command_says_so_and_exits_1(tmp_path, results, capsys):
    folder, expected = results
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD, encoding="utf-8")
    code = main(["sync", str(folder), "--lrs", f"http://127.0.0.1:{free_port()}/xAPI", "--user", "u",
                 "--password-file", str(password_file), "--data-dir", str(tmp_path / "data")])
    out, _ = capsys.readouterr()
    assert code == 1 and f"{len(expected)} waiting in the outbox" in out and "run sync again later" in out
    with Outbox(tmp_path / "data") as outbox:
        assert outbox.counts()["pending"] == len(expected)


@pytest.mark.parametrize("url, message", [
    ("ftp://lrs/xAPI/", "give the LRS's xAPI address"),
    ("http://user:pw@lrs/xAPI/", "put no user or password in the address"),
    ("http://lrs/xAPI/?x=1", "must not have a query"),
])
def test_bad_addresses_get_plain_messages(url, message):
    with pytest.raises(SyncError, match=message):
        statements_url(url)


def test_the_endpoint_gets_statements_appended():
    assert statements_url("http://127.0.0.1:8100/xAPI/") == "http://127.0.0.1:8100/xAPI/statements"
    assert statements_url("https://lrs.example.org/xapi") == "https://lrs.example.org/xapi/statements"


def test_password_file_problems_are_plain(tmp_path):
    with pytest.raises(SyncError, match="cannot read it"):
        read_password(str(tmp_path / "missing"))
    (tmp_path / "empty").write_text("", encoding="utf-8")
    with pytest.raises(SyncError, match="the file is empty"):
        read_password(str(tmp_path / "empty"))
    assert "hidden-value" not in repr(Credentials("u", "hidden-value"))


def test_the_sync_logic_stays_pygame_free():
    code = "import sys, game.app.sync, game.commands.sync, game.store.outbox; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
