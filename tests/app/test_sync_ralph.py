"""Integration: a session's statements sent to a real LRS (Ralph 5.1.0, file-system backend) and read back.

Skips, with the reason, only where Ralph cannot be installed. Known limits of Ralph 5.1.0's
file-system backend (so not asserted): its `verb=` and `activity=` filters always return 0.
"""

import base64
import json
import urllib.parse
import urllib.request

import pytest
from ralph_lrs import RalphServer, ralph_venv
from report_factory import real_class, write_all

from game.app import statement_source
from game.app.sync import Credentials, LrsClient, sync_folders
from game.report.xapi import PLAYER_HOME_PAGE

USER, PASSWORD = "feedwise", "lab-PC-password"


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    python, reason = ralph_venv()
    if python is None:
        pytest.skip(reason)
    server = RalphServer(python, tmp_path_factory.mktemp("ralph"), USER, PASSWORD)
    server.start()
    yield server
    server.stop()


def get(server: RalphServer, query: dict) -> dict:
    request = urllib.request.Request(server.url + "statements?" + urllib.parse.urlencode(query), headers={
        "X-Experience-API-Version": "1.0.3",
        "Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
    })
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())


def stored_ids(server: RalphServer) -> list[str]:
    return [json.loads(line)["id"] for line in (server.store / "fs_lrs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_sessions_statements_reach_ralph_once(ralph, tmp_path):
    records = real_class(trainees=5, session="LAB-7")
    folder = tmp_path / "results"
    write_all(folder, records)
    exported = [statement for record in records for statement in statement_source.statements_for_record(record)]
    assert ralph.strict_problems(exported) == []

    client = LrsClient(ralph.url, Credentials(USER, PASSWORD))
    first = sync_folders([str(folder)], tmp_path / "data", client, batch_size=20)
    assert first.ok and first.delivered == len(exported), first.summary_line()
    assert sorted(stored_ids(ralph)) == sorted(statement["id"] for statement in exported)

    # Sending again, even with an outbox that forgot everything, stores nothing new.
    again = sync_folders([str(folder)], tmp_path / "fresh-data", client, batch_size=20)
    assert again.ok and again.delivered == len(exported)
    assert len(stored_ids(ralph)) == len(exported)

    # A changed statement under a delivered id is refused by the LRS, and only it.
    changed = dict(exported[0], result={**exported[0]["result"], "response": "flag" if exported[0]["result"]["response"] != "flag" else "share"})
    status, body = client.post([changed])
    assert status == 409, body

    player = records[0]["player"]["id"]
    agent = json.dumps({"objectType": "Agent", "account": {"homePage": PLAYER_HOME_PAGE, "name": player}})
    answer = get(ralph, {"agent": agent, "limit": 500})
    assert len(answer["statements"]) == len(statement_source.statements_for_record(records[0]))
