"""The fixture corpus against expected.json (which the Rust and JS tests
share) and against json.loads: data and envelope exactly as sent."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, SECRET, fixture_body, strictly_equal

import wasender_webhook as ww

NAMES = sorted(p.stem for p in (FIXTURES / "events").glob("*.json"))
hook = ww.WasenderWebhook(secret=SECRET)


def test_every_fixture_has_an_expectation(expected: dict[str, Any]) -> None:
    assert sorted(expected) == NAMES
    assert len(NAMES) >= 60


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values, numbers compared as numbers (as the Rust test does)."""
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return isinstance(b, (int, float)) and not isinstance(b, bool) and float(a) == float(b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("kind", ["bytes", "str", "bytearray", "memoryview"])
def test_fixture(name: str, kind: str, expected: dict[str, Any]) -> None:
    raw = fixture_body(name)
    body: Any = {"bytes": raw, "str": raw.decode(), "bytearray": bytearray(raw), "memoryview": memoryview(raw)}[kind]
    expect = expected[name]
    if "error" in expect:
        with pytest.raises(ww.InvalidBodyError) as caught:
            hook.handle_webhook_event(body, SECRET)
        assert caught.value.code == "INVALID_PAYLOAD"
        assert caught.value.status == 400
        assert caught.value.message.endswith(f"at {expect['error']['path']}"), caught.value.message
        return
    event = hook.handle_webhook_event(body, SECRET)
    sent = json.loads(raw)
    assert event.event == expect["event"]
    assert event.received_event == expect.get("receivedEvent", sent["event"])
    # Lossless: data and the rest of the envelope exactly as json.loads reads them.
    assert strictly_equal(event.data, sent["data"])
    assert strictly_equal(event.envelope, {k: v for k, v in sent.items() if k != "data"})
    assert event.session_id == (sent.get("sessionId") if isinstance(sent.get("sessionId"), str) else None)

    views = {
        "messages": event.messages,
        "statuses": event.statuses,
        "reactions": event.reactions,
    }
    for view, got in views.items():
        if view in expect:
            assert got is not None, f"{name}: no {view}"
            assert same([item.to_dict() for item in got], expect[view]), f"{name}: {view}"
        else:
            assert got is None, f"{name}: unexpected {view}"
    assert event.session_status == expect.get("sessionStatus")

    want_ts = expect.get("timestamp", sent.get("timestamp"))
    if isinstance(want_ts, str):
        want_ts = float(want_ts)
    if isinstance(want_ts, (int, float)) and want_ts > 1e11:
        want_ts = want_ts / 1000
    assert event.timestamp == want_ts, f"{name}: timestamp"
