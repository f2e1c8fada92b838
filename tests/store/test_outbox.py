"""game/store/outbox.py: what is queued, delivered, refused, and what a changed statement does."""

import pytest

from game.store.outbox import DELIVERED, OUTBOX_NAME, PENDING, REFUSED, Outbox, OutboxDamaged


def statement(number: int, response: str = "share") -> dict:
    return {"id": f"00000000-0000-4000-8000-{number:012d}", "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}, "result": {"response": response}}


def test_queue_deliver_and_queue_again(tmp_path):
    with Outbox(tmp_path) as outbox:
        added = outbox.add([("r1", statement(1)), ("r1", statement(2)), ("r2", statement(3))], "fmt/1")
        assert added.queued == 3
        assert [item["id"] for item in outbox.pending(["r1"])] == [statement(1)["id"], statement(2)["id"]]
        outbox.mark([statement(1)["id"]], DELIVERED)
        outbox.mark([statement(2)["id"]], REFUSED, "HTTP 409")
    with Outbox(tmp_path) as outbox:  # reopened: nothing lost
        again = outbox.add([("r1", statement(1)), ("r1", statement(2)), ("r2", statement(3))], "fmt/1")
        assert (again.queued, again.waiting, again.delivered, again.refused, again.changed) == (0, 1, 1, 1, ())
        assert outbox.counts() == {PENDING: 1, DELIVERED: 1, REFUSED: 1}
        assert [item["id"] for item in outbox.pending()] == [statement(3)["id"]]


def test_a_changed_statement_replaces_a_pending_one_but_never_a_delivered_one(tmp_path):
    with Outbox(tmp_path) as outbox:
        outbox.add([("r1", statement(1)), ("r1", statement(2))], "fmt/1")
        outbox.mark([statement(1)["id"]], DELIVERED)
        changed = outbox.add([("r1", statement(1, "flag")), ("r1", statement(2, "flag"))], "fmt/1")
        assert changed.changed == (statement(1)["id"],)
        assert outbox.pending() == [statement(2, "flag")]
        assert outbox.state_of(statement(1)["id"]) == DELIVERED


def test_a_foreign_file_is_a_plain_error_and_is_left_alone(tmp_path):
    (tmp_path / OUTBOX_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(OutboxDamaged, match="not a readable Feedwise outbox"):
        Outbox(tmp_path)
    assert (tmp_path / OUTBOX_NAME).read_bytes() == b"not a database at all" * 100
